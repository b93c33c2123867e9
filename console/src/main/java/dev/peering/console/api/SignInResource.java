package dev.peering.console.api;

import dev.peering.console.service.DemoTokens;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Sign in with a bearer token (or, on the local stack, a demo token minted by the button); sign out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final Sessions sessions;
    private final DemoTokens demo;
    private final Pages pages;
    private final Template signin;

    public SignInResource(Sessions sessions, DemoTokens demo, Pages pages, @Location("signin") Template signin) {
        this.sessions = sessions;
        this.demo = demo;
        this.pages = pages;
        this.signin = signin;
    }

    @GET
    public Response home(@CookieParam(Sessions.COOKIE) String cookie) {
        Optional<SignedInUser> user = sessions.user(cookie);
        String next = user.isEmpty() ? "/sign-in" : user.get().operator() ? "/operator" : "/peer-asns";
        return Response.seeOther(URI.create(next)).build();
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form() {
        return page(null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        Optional<SignedInUser> user = sessions.user(token);
        if (user.isEmpty()) {
            return Response.status(401)
                    .entity(page("That token is not valid here: it must be signed by this stack's key and not expired.")
                            .render())
                    .build();
        }
        return Response.seeOther(URI.create("/"))
                .cookie(sessions.signIn(user.get()))
                .build();
    }

    @POST
    @Path("sign-in/demo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response demo(@FormParam("subscription") String subscription, @FormParam("role") String role) {
        if (!demo.enabled()) {
            return Response.status(404).build();
        }
        String sub = subscription == null || subscription.isBlank()
                ? "sub-" + UUID.randomUUID().toString().substring(0, 8)
                : subscription.strip();
        return signIn(demo.mint(sub, "operator".equals(role)));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return Response.seeOther(URI.create("/sign-in"))
                .cookie(sessions.signOut())
                .build();
    }

    private TemplateInstance page(String error) {
        return pages.page(signin, null).data("error", error).data("demo", demo.enabled());
    }
}
