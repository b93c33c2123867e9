package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peering.console.service.ArmBodies;
import dev.peering.console.service.ArmClient;
import dev.peering.console.service.ArmPaths;
import dev.peering.console.service.ArmResult;
import dev.peering.console.service.SignedInUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The subscription's peerings and "Create a peering": the Basics and Configuration tabs on one form, then
 * Review + create showing the body that will be sent; a refused value comes back beside the field it names.
 */
@Path("/peerings")
@Produces(MediaType.TEXT_HTML)
public class PeeringPages {

    private final Sessions sessions;
    private final Pages pages;
    private final ArmClient arm;
    private final Template peerings;
    private final Template peeringNew;
    private final Template peeringReview;

    public PeeringPages(
            Sessions sessions,
            Pages pages,
            ArmClient arm,
            @Location("peerings") Template peerings,
            @Location("peeringNew") Template peeringNew,
            @Location("peeringReview") Template peeringReview) {
        this.sessions = sessions;
        this.pages = pages;
        this.arm = arm;
        this.peerings = peerings;
        this.peeringNew = peeringNew;
        this.peeringReview = peeringReview;
    }

    @GET
    public TemplateInstance list(
            @CookieParam(Sessions.COOKIE) String cookie, @QueryParam("subscription") String subscription) {
        SignedInUser user = sessions.require(cookie);
        String sub = Subscriptions.pick(user, subscription);
        List<PeeringRow> items = sub == null
                ? List.of()
                : arm.list(user, ArmPaths.peerings(sub)).stream()
                        .map(p -> PeeringRow.of(sub, p))
                        .toList();
        return pages.page(peerings, user).data("subscription", sub).data("items", items);
    }

    @GET
    @Path("new")
    public TemplateInstance form(
            @CookieParam(Sessions.COOKIE) String cookie, @QueryParam("subscription") String subscription) {
        SignedInUser user = sessions.require(cookie);
        return form(user, Subscriptions.pick(user, subscription), Map.of(), Map.of());
    }

    /**
     * Review + create: the body as it will be sent (MD5 keys masked), shown under the form, whose own Create
     * button then sends it; nothing of the form travels twice.
     */
    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance review(@CookieParam(Sessions.COOKIE) String cookie, MultivaluedMap<String, String> form) {
        SignedInUser user = sessions.require(cookie);
        Map<String, String> values = Pages.values(form);
        String sub = Subscriptions.pick(user, values.get("subscription"));
        ObjectNode body = ArmBodies.peering(sub, values);
        return peeringReview
                .data("path", ArmPaths.peering(sub, values.get("resourceGroup"), values.get("name")))
                .data("body", ArmBodies.review(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@CookieParam(Sessions.COOKIE) String cookie, MultivaluedMap<String, String> form) {
        SignedInUser user = sessions.require(cookie);
        Map<String, String> values = Pages.values(form);
        String sub = Subscriptions.pick(user, values.get("subscription"));
        String rg = values.getOrDefault("resourceGroup", "");
        String name = values.getOrDefault("name", "");
        ArmResult result = arm.put(user, ArmPaths.peering(sub, rg, name), ArmBodies.peering(sub, values));
        if (result.ok()) {
            return Response.seeOther(URI.create(Overview.link(sub, rg, name))).build();
        }
        String field = result.errorField();
        return Response.status(result.status() >= 500 ? 502 : result.status())
                .entity(form(user, sub, Map.of(field.isEmpty() ? "form" : field, result.errorMessage()), values))
                .build();
    }

    private TemplateInstance form(
            SignedInUser user, String sub, Map<String, String> errors, Map<String, String> values) {
        List<JsonNode> asns = sub == null ? List.of() : arm.list(user, ArmPaths.peerAsns(sub));
        List<JsonNode> locations = sub == null ? List.of() : arm.list(user, ArmPaths.peeringLocations(sub));
        return pages.page(peeringNew, user)
                .data("subscription", sub)
                .data(
                        "asns",
                        asns.stream()
                                .filter(a -> !"Failed"
                                        .equals(a.at("/properties/validationState")
                                                .asText()))
                                .toList())
                .data("locations", locations)
                .data(
                        "basics",
                        List.of(
                                FormField.of("resourceGroup", "Resource group", "text", "", true, values, errors),
                                FormField.of("name", "Name", "text", "", true, values, errors),
                                FormField.of("location", "Region", "text", "westus2", false, values, errors)))
                .data(
                        "connections",
                        List.of(
                                FormField.connection("c0.", values, errors),
                                FormField.connection("c1.", values, errors)))
                .data("errors", errors)
                .data("values", values);
    }
}
