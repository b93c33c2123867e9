package dev.peering.console.api;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Registered ASNs of a peering: register a customer ASN, read its Prefix Key once (a deliberate "Show key",
 * with a copy button; every other rendering masks it), delete it (which revokes the key).
 */
@Path("/peering/{subscription}/{resourceGroup}/{name}/registered-asns")
@Produces(MediaType.TEXT_HTML)
public class RegisteredAsnPages {

    private final Sessions sessions;
    private final Pages pages;
    private final ArmClient arm;
    private final Template registeredAsns;
    private final Template registeredAsnTable;

    public RegisteredAsnPages(
            Sessions sessions,
            Pages pages,
            ArmClient arm,
            @Location("registeredAsns") Template registeredAsns,
            @Location("registeredAsnTable") Template registeredAsnTable) {
        this.sessions = sessions;
        this.pages = pages;
        this.arm = arm;
        this.registeredAsns = registeredAsns;
        this.registeredAsnTable = registeredAsnTable;
    }

    @GET
    public TemplateInstance list(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name) {
        SignedInUser user = sessions.require(cookie);
        return page(user, sub, rg, name, null, Map.of(), Map.of());
    }

    @GET
    @Path("table")
    public TemplateInstance table(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name) {
        SignedInUser user = sessions.require(cookie);
        return rows(registeredAsnTable.instance(), user, sub, rg, name, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            MultivaluedMap<String, String> form) {
        SignedInUser user = sessions.require(cookie);
        Map<String, String> values = Pages.values(form);
        ArmResult result = arm.put(
                user,
                ArmPaths.registeredAsn(sub, rg, name, values.getOrDefault("registeredAsnName", "")),
                ArmBodies.registeredAsn(values));
        if (result.ok()) {
            return Response.seeOther(URI.create(Overview.link(sub, rg, name) + "/registered-asns"))
                    .build();
        }
        String field = values.containsKey(result.errorField()) ? result.errorField() : "banner";
        return Response.status(result.status() >= 500 ? 502 : result.status())
                .entity(page(user, sub, rg, name, null, Map.of(field, result.errorMessage()), values))
                .build();
    }

    /** The one rendering that shows a Prefix Key in full. */
    @POST
    @Path("{asn}/show-key")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance showKey(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            @PathParam("asn") String asn) {
        SignedInUser user = sessions.require(cookie);
        return page(user, sub, rg, name, asn, Map.of(), Map.of());
    }

    @POST
    @Path("{asn}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(
            @CookieParam(Sessions.COOKIE) String cookie,
            @PathParam("subscription") String sub,
            @PathParam("resourceGroup") String rg,
            @PathParam("name") String name,
            @PathParam("asn") String asn) {
        SignedInUser user = sessions.require(cookie);
        ArmResult result = arm.delete(user, ArmPaths.registeredAsn(sub, rg, name, asn));
        if (!result.ok() && result.status() != 404) {
            return Response.status(result.status() >= 500 ? 502 : result.status())
                    .entity(page(user, sub, rg, name, null, Map.of("banner", result.errorMessage()), Map.of()))
                    .build();
        }
        return Response.seeOther(URI.create(Overview.link(sub, rg, name) + "/registered-asns"))
                .build();
    }

    private TemplateInstance page(
            SignedInUser user,
            String sub,
            String rg,
            String name,
            String shown,
            Map<String, String> errors,
            Map<String, String> values) {
        return rows(pages.page(registeredAsns, user), user, sub, rg, name, shown)
                .data(
                        "fields",
                        List.of(
                                FormField.of("registeredAsnName", "Name", "text", "", true, values, errors),
                                FormField.of("asn", "ASN", "text", "", true, values, errors)))
                .data("errors", errors)
                .data("values", values);
    }

    private TemplateInstance rows(
            TemplateInstance page, SignedInUser user, String sub, String rg, String name, String shown) {
        List<RegisteredAsnRow> rows =
                Lists.orEmptyWhileUnknown(() -> arm.list(user, ArmPaths.registeredAsns(sub, rg, name))).stream()
                        .map(r -> RegisteredAsnRow.of(r, shown))
                        .toList();
        // A Prefix Key on show is not refreshed away by the next live event: the table stops following them
        // until the page is loaded again (the key is shown once; the person may still be copying it).
        boolean keyShown = rows.stream().anyMatch(r -> !r.key().isEmpty());
        return page.data("rows", rows)
                .data("keyShown", keyShown)
                .data("name", name)
                .data("link", Overview.link(sub, rg, name))
                .data("live", LiveKeys.peering(ArmPaths.peering(sub, rg, name)));
    }
}
