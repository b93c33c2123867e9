package dev.peering.console.api;

import dev.peering.console.service.SignedInUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which subscription a page shows: the one asked for if the token names it (any for the operator), else the first. */
final class Subscriptions {

    private Subscriptions() {}

    static String pick(SignedInUser user, String asked) {
        if (asked != null
                && !asked.isBlank()
                && (user.operator() || user.subscriptions().contains(asked.strip()))) {
            return asked.strip();
        }
        return user.subscriptions().isEmpty() ? null : user.subscriptions().get(0);
    }

    static String query(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
