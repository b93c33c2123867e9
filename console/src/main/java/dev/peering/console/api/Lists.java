package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.console.service.ArmFailure;
import java.util.List;
import java.util.function.Supplier;

/** A peering's sub-resources, listed by the services that learn of the peering from its events. */
final class Lists {

    private Lists() {}

    /**
     * The list, or none while its service has not yet consumed the peering's event (it answers 404 until then;
     * the page's live trigger reloads the list when the connection events come).
     */
    static List<JsonNode> orEmptyWhileUnknown(Supplier<List<JsonNode>> list) {
        try {
            return list.get();
        } catch (ArmFailure e) {
            if (e.result().status() == 404) {
                return List.of();
            }
            throw e;
        }
    }
}
