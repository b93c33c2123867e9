package dev.peering.console.service;

import dev.peering.tokens.Tokens;
import java.time.Instant;
import java.util.List;

/**
 * Who a verified bearer token says the user is: the same claims the services read (subscriptions, role), so
 * the console shows and streams exactly what the APIs would let that user read.
 */
public record SignedInUser(String token, String subject, String role, List<String> subscriptions, Instant expiresAt) {

    public boolean operator() {
        return Tokens.OPERATOR.equals(role);
    }

    /** Whether this user may see an event or resource of {@code subscription}. */
    public boolean sees(String subscription) {
        return operator() || (subscription != null && subscriptions.contains(subscription));
    }

    public String bearer() {
        return "Bearer " + token;
    }
}
