package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.console.service.ArmBodies;
import dev.peering.console.service.ArmClient;
import dev.peering.console.service.ArmPaths;
import dev.peering.console.service.ArmResult;
import dev.peering.console.service.LiveKeys;
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

/** Peer ASNs: the subscription's associations with their validation state, and "Associate a Peer ASN". */
@Path("/peer-asns")
@Produces(MediaType.TEXT_HTML)
public class PeerAsnPages {

    private final Sessions sessions;
    private final Pages pages;
    private final ArmClient arm;
    private final Template peerAsns;
    private final Template peerAsnTable;

    public PeerAsnPages(
            Sessions sessions,
            Pages pages,
            ArmClient arm,
            @Location("peerAsns") Template peerAsns,
            @Location("peerAsnTable") Template peerAsnTable) {
        this.sessions = sessions;
        this.pages = pages;
        this.arm = arm;
        this.peerAsns = peerAsns;
        this.peerAsnTable = peerAsnTable;
    }

    @GET
    public TemplateInstance list(
            @CookieParam(Sessions.COOKIE) String cookie, @QueryParam("subscription") String subscription) {
        SignedInUser user = sessions.require(cookie);
        return page(user, Subscriptions.pick(user, subscription), Map.of(), Map.of());
    }

    /** The table alone: what the page reloads when an event of the subscription's PeerAsns arrives. */
    @GET
    @Path("table")
    public TemplateInstance table(
            @CookieParam(Sessions.COOKIE) String cookie, @QueryParam("subscription") String subscription) {
        SignedInUser user = sessions.require(cookie);
        String sub = Subscriptions.pick(user, subscription);
        return peerAsnTable
                .data("subscription", sub)
                .data("live", LiveKeys.peerAsns(sub))
                .data("items", items(user, sub));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response associate(@CookieParam(Sessions.COOKIE) String cookie, MultivaluedMap<String, String> form) {
        SignedInUser user = sessions.require(cookie);
        Map<String, String> values = Pages.values(form);
        String sub = Subscriptions.pick(user, values.get("subscription"));
        ArmResult result =
                arm.put(user, ArmPaths.peerAsn(sub, values.getOrDefault("name", "")), ArmBodies.peerAsn(values));
        if (result.ok()) {
            return Response.seeOther(URI.create("/peer-asns?subscription=" + Subscriptions.query(sub)))
                    .build();
        }
        String field = result.errorField();
        Map<String, String> errors =
                Map.of(field.isEmpty() || field.equals("peerContactDetail") ? "form" : field, result.errorMessage());
        return Response.status(result.status() >= 500 ? 502 : result.status())
                .entity(page(user, sub, errors, values))
                .build();
    }

    private TemplateInstance page(
            SignedInUser user, String sub, Map<String, String> errors, Map<String, String> values) {
        return pages.page(peerAsns, user)
                .data("subscription", sub)
                .data("live", LiveKeys.peerAsns(sub))
                .data("items", items(user, sub))
                .data(
                        "fields",
                        List.of(
                                FormField.of("name", "Name", "text", "", true, values, errors),
                                FormField.of("peerAsn", "Peer ASN", "text", "", true, values, errors),
                                FormField.of("peerName", "Peer name", "text", "", true, values, errors)))
                .data("roles", List.of("Noc", "Policy", "Technical", "Service", "Escalation", "Other"))
                .data(
                        "contact",
                        List.of(
                                FormField.of("email", "Email", "email", "", false, values, errors),
                                FormField.of("phone", "Phone", "tel", "", false, values, errors)))
                .data("errors", errors)
                .data("values", values);
    }

    private List<JsonNode> items(SignedInUser user, String sub) {
        return sub == null ? List.of() : arm.list(user, ArmPaths.peerAsns(sub));
    }
}
