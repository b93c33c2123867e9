package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.console.service.ArmBodies;
import dev.peering.console.service.ArmClient;
import dev.peering.console.service.ArmPaths;
import dev.peering.console.service.ArmResult;
import dev.peering.console.service.LiveEvents;
import dev.peering.console.service.SignedInUser;
import dev.peering.events.Topics;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Operator page, only for operator tokens: PeerAsns waiting for a decision and connections waiting on an
 * operator action, as the recent events show them (the APIs list per subscription; the topics span them), plus a
 * look-up of any subscription's PeerAsns or any peering's connections; each action is the API's operator action.
 */
@Path("/operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorPages {

    private static final Pattern PEER_ASN = Pattern.compile(
            "/subscriptions/[^/]+/providers/Microsoft\\.Peering/peerAsns/[^/]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PEERING = Pattern.compile(
            "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Peering/peerings/[^/]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONNECTION =
            Pattern.compile(PEERING.pattern() + "/connections/[^/]+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ASN_ACTIONS = Set.of("approve", "reject");
    private static final Set<String> CONNECTION_ACTIONS =
            Set.of("approve", "fail", "retry", "block", "unblock", "activate", "removeSession");
    private static final Set<String> WAITING = Set.of("PendingApproval", "ProvisioningFailed", "ExternalBlocker");

    private final Sessions sessions;
    private final Pages pages;
    private final ArmClient arm;
    private final LiveEvents live;
    private final Template operator;

    public OperatorPages(
            Sessions sessions, Pages pages, ArmClient arm, LiveEvents live, @Location("operator") Template operator) {
        this.sessions = sessions;
        this.pages = pages;
        this.arm = arm;
        this.live = live;
        this.operator = operator;
    }

    @GET
    public Response page(
            @CookieParam(Sessions.COOKIE) String cookie,
            @QueryParam("subscription") String subscription,
            @QueryParam("peering") String peering) {
        SignedInUser user = sessions.requireOperator(cookie);
        return render(user, subscription, peering, 200, null);
    }

    @POST
    @Path("action")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(
            @CookieParam(Sessions.COOKIE) String cookie,
            @FormParam("resource") String resource,
            @FormParam("action") String action,
            @FormParam("reason") String reason,
            @FormParam("family") String family) {
        SignedInUser user = sessions.requireOperator(cookie);
        String target = resource == null ? "" : resource.strip();
        String path;
        if (PEER_ASN.matcher(target).matches() && ASN_ACTIONS.contains(action)) {
            path = target + "/" + action;
        } else if (CONNECTION.matcher(target).matches() && CONNECTION_ACTIONS.contains(action)) {
            path = target + "/" + action
                    + ("removeSession".equals(action) ? "?family=" + Subscriptions.query(family) : "");
        } else if (PEERING.matcher(target).matches() && "deprovision".equals(action)) {
            path = target + "/deprovision";
        } else {
            return render(user, null, null, 400, "No such operator action: " + action + " on " + target);
        }
        ArmResult result = arm.post(user, path, reason == null || reason.isBlank() ? null : ArmBodies.reason(reason));
        if (!result.ok()) {
            return render(user, null, null, result.status() >= 500 ? 502 : result.status(), result.errorMessage());
        }
        return Response.seeOther(URI.create("/operator")).build();
    }

    private Response render(SignedInUser user, String subscription, String peering, int status, String error) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        Map<String, String> topicOf = new LinkedHashMap<>();
        for (var recent : live.recent().after(0, r -> r.event().data() != null)) {
            latest.put(recent.event().subject(), recent.event().data());
            topicOf.put(recent.event().subject(), recent.topic());
        }
        List<String> pendingAsns = latest.entrySet().stream()
                .filter(e -> Topics.PEER_ASN_EVENTS.equals(topicOf.get(e.getKey())))
                .filter(e ->
                        "Pending".equals(e.getValue().path("validationState").asText()))
                .map(Map.Entry::getKey)
                .toList();
        List<String> waiting = latest.entrySet().stream()
                .filter(e -> Topics.CONNECTION_EVENTS.equals(topicOf.get(e.getKey())))
                .filter(e ->
                        WAITING.contains(e.getValue().path("connectionState").asText()))
                .map(e ->
                        e.getKey() + " " + e.getValue().path("connectionState").asText())
                .toList();
        List<JsonNode> asns = subscription == null || subscription.isBlank()
                ? List.of()
                : arm.list(user, ArmPaths.peerAsns(subscription.strip()));
        List<ConnectionRow> connections = List.of();
        String peeringPath = peering == null ? "" : peering.strip();
        if (PEERING.matcher(peeringPath).matches()) {
            connections = arm.list(user, peeringPath + "/connections").stream()
                    .map(ConnectionRow::of)
                    .toList();
        }
        return Response.status(status)
                .entity(pages.page(operator, user)
                        .data("pendingAsns", pendingAsns)
                        .data("waiting", waiting)
                        .data("subscription", subscription == null ? "" : subscription)
                        .data("asns", asns)
                        .data("peering", peeringPath)
                        .data("connections", connections)
                        .data("error", error))
                .build();
    }
}
