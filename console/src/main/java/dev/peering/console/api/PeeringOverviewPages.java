package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.console.service.ArmBodies;
import dev.peering.console.service.ArmClient;
import dev.peering.console.service.ArmPaths;
import dev.peering.console.service.ArmResult;
import dev.peering.console.service.LiveEvents;
import dev.peering.console.service.LiveKeys;
import dev.peering.console.service.SignedInUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A peering's overview and its Connections view: every connection's state and session states, reloaded when
 * an event of this peering arrives over SSE; add a connection, add a session, remove a connection (typing
 * {@code yes}), remove a session (the seed's message for a peer).
 */
@Path("/peering/{subscription}/{resourceGroup}/{name}")
@Produces(MediaType.TEXT_HTML)
public class PeeringOverviewPages {

    private final Sessions sessions;
    private final Pages pages;
    private final ArmClient arm;
    private final LiveEvents live;
    private final Template peeringOverview;
    private final Template connectionTable;

    public PeeringOverviewPages(
            Sessions sessions,
            Pages pages,
            ArmClient arm,
            LiveEvents live,
            @Location("peeringOverview") Template peeringOverview,
            @Location("connectionTable") Template connectionTable) {
        this.sessions = sessions;
        this.pages = pages;
        this.arm = arm;
        this.live = live;
        this.peeringOverview = peeringOverview;
        this.connectionTable = connectionTable;
    }

    @GET
    public Response overview(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name) {
        SignedInUser user = sessions.require(cookie);
        return page(user, sub, rg, name, 200, Map.of(), Map.of());
    }

    /** The Connections view alone, as the page reloads it on each event of this peering. */
    @GET
    @Path("connections")
    public TemplateInstance connections(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name) {
        SignedInUser user = sessions.require(cookie);
        return table(connectionTable, user, sub, rg, name);
    }

    @POST
    @Path("connections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addConnection(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            MultivaluedMap<String, String> form) {
        SignedInUser user = sessions.require(cookie);
        Map<String, String> values = Pages.values(form);
        String id = values.getOrDefault("connectionIdentifier", "");
        return done(
                user,
                sub,
                rg,
                name,
                values,
                arm.put(user, ArmPaths.connection(sub, rg, name, id), ArmBodies.connection(values, "")));
    }

    @POST
    @Path("connections/{connection}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeConnection(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            @PathParam("connection") String connection,
            @FormParam("confirm") String confirm) {
        SignedInUser user = sessions.require(cookie);
        // the service checks the word; the console passes on what was typed
        String path = ArmPaths.connection(sub, rg, name, connection) + "?confirm="
                + Subscriptions.query(confirm == null ? "" : confirm.strip());
        return done(user, sub, rg, name, Map.of(), arm.delete(user, path));
    }

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSession(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            MultivaluedMap<String, String> form) {
        SignedInUser user = sessions.require(cookie);
        Map<String, String> values = Pages.values(form);
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.set("bgpSession", ArmBodies.session(values, "s."));
        String connection = values.getOrDefault("connection", "");
        return done(user, sub, rg, name, values, arm.patch(user, ArmPaths.connection(sub, rg, name, connection), body));
    }

    @POST
    @Path("connections/{connection}/remove-session")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeSession(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            @PathParam("connection") String connection,
            @FormParam("family") String family) {
        SignedInUser user = sessions.require(cookie);
        String path =
                ArmPaths.connection(sub, rg, name, connection) + "/removeSession?family=" + Subscriptions.query(family);
        return done(user, sub, rg, name, Map.of(), arm.post(user, path, null));
    }

    /** Back to the overview after a change; after a refusal, the overview again with the service's message. */
    private Response done(
            SignedInUser user, String sub, String rg, String name, Map<String, String> values, ArmResult result) {
        if (result.ok()) {
            return Response.seeOther(URI.create(Overview.link(sub, rg, name))).build();
        }
        String field = result.errorField();
        // the "Add a session" form names its inputs s.<property>
        field = values.containsKey(field) ? field : values.containsKey("s." + field) ? "s." + field : "banner";
        Map<String, String> errors = Map.of(field, result.errorMessage());
        return page(user, sub, rg, name, result.status() >= 500 ? 502 : result.status(), errors, values);
    }

    private Response page(
            SignedInUser user,
            String sub,
            String rg,
            String name,
            int status,
            Map<String, String> errors,
            Map<String, String> values) {
        ArmResult peering = arm.get(user, ArmPaths.peering(sub, rg, name));
        if (!peering.ok()) {
            throw new dev.peering.console.service.ArmFailure(peering);
        }
        String peeringId = ArmPaths.peering(sub, rg, name);
        List<TimelineRow> timeline = live
                .recent()
                .after(
                        0,
                        r -> user.sees(r.event().subscription())
                                && peeringId.equalsIgnoreCase(
                                        LiveKeys.peeringOf(r.event().subject())))
                .stream()
                .map(TimelineRow::of)
                .toList();
        TemplateInstance page = table(pages.page(peeringOverview, user), user, sub, rg, name)
                .data("peering", peering.body())
                .data("timeline", timeline)
                .data("registeredAsns", Overview.link(sub, rg, name) + "/registered-asns")
                .data("addConnection", FormField.connection("", values, errors))
                .data("addSession", FormField.session(values, errors))
                .data("errors", errors)
                .data("values", values);
        return Response.status(status).entity(page).build();
    }

    private TemplateInstance table(Template template, SignedInUser user, String sub, String rg, String name) {
        return table(template.instance(), user, sub, rg, name);
    }

    private TemplateInstance table(TemplateInstance page, SignedInUser user, String sub, String rg, String name) {
        List<JsonNode> connections =
                Lists.orEmptyWhileUnknown(() -> arm.list(user, ArmPaths.connections(sub, rg, name)));
        return page.data("link", Overview.link(sub, rg, name))
                .data("name", name)
                .data("subscription", sub)
                .data("resourceGroup", rg)
                .data("live", LiveKeys.peering(ArmPaths.peering(sub, rg, name)))
                .data("connections", connections.stream().map(ConnectionRow::of).toList())
                .data("operator", user.operator());
    }
}
