package dev.peering.platform.api;

import dev.peering.core.PeeringRef;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the operations on a peering's child resources ({@code .../peerings/{name}/registeredAsns/{n}},
 * {@code .../registeredPrefixes/{n}}) share, so each resource method is its path, one service call and its
 * mapping: the checked path, PUT's 201-or-200, DELETE's 200-or-204, and a list paged with {@code nextLink}.
 */
public final class ChildResources {

    private ChildResources() {}

    /** The peering of a child resource's path, each segment checked (400 naming the bad one). */
    public static PeeringRef peering(String subscriptionId, String resourceGroup, String peeringName) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringName", peeringName);
        return new PeeringRef(subscriptionId, resourceGroup, peeringName);
    }

    /** As {@link #peering(String, String, String)}, and the child's own name ({@code parameter} in the path). */
    public static PeeringRef peering(
            String subscriptionId, String resourceGroup, String peeringName, String parameter, String name) {
        PeeringRef peering = peering(subscriptionId, resourceGroup, peeringName);
        ResourceNames.requireName(parameter, name);
        return peering;
    }

    /** A PUT's answer: 201 with the resource when it was created, 200 with it otherwise. */
    public static Response put(boolean created, Object body) {
        return Response.status(created ? 201 : 200).entity(body).build();
    }

    /** A DELETE's answer: 200 when there was a resource to delete, 204 when there was none. */
    public static Response delete(boolean deleted) {
        return Response.status(deleted ? 200 : 204).build();
    }

    /**
     * One page of a list: {@code read} gets up to the given number of resources with keys after the given one
     * (null: from the first); one more than the page size is asked for, to know whether there is a next page.
     */
    public static <E, T> Page<T> list(
            String skipToken,
            String top,
            UriInfo uri,
            BiFunction<String, Integer, List<E>> read,
            Function<E, String> key,
            Function<E, T> toBody) {
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(read.apply(page.after(), page.size() + 1), key, toBody, uri);
    }
}
