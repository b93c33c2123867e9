package dev.peering.console.api;

import dev.peering.console.service.SignedInUser;
import dev.peering.console.service.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed-in user's bearer token lives only in an HttpOnly, SameSite=Strict cookie: the browser sends it
 * back, no script can read it, no page contains it, and no other site can make the browser send it. The
 * console keeps no session of its own; every request is verified from the cookie.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "console_session";

    private final TokenVerifier verifier;

    public Sessions(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Optional<SignedInUser> user(String cookie) {
        return verifier.verify(cookie);
    }

    /** The user of the cookie, or a redirect to the sign-in page. */
    public SignedInUser require(String cookie) {
        return user(cookie)
                .orElseThrow(() -> new WebApplicationException(
                        Response.seeOther(URI.create("/sign-in")).build()));
    }

    /** The operator, or a 403 page: the operator's pages exist only for operator tokens. */
    public SignedInUser requireOperator(String cookie) {
        SignedInUser user = require(cookie);
        if (!user.operator()) {
            throw new OperatorOnly();
        }
        return user;
    }

    public NewCookie signIn(SignedInUser user) {
        long seconds =
                Math.max(0, Duration.between(Instant.now(), user.expiresAt()).toSeconds());
        return cookie(user.token(), (int) Math.min(seconds, Integer.MAX_VALUE));
    }

    public NewCookie signOut() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    /** A peer asked for an operator page. */
    public static class OperatorOnly extends RuntimeException {
        OperatorOnly() {
            super("The Operator page is only for operator tokens.");
        }
    }
}
