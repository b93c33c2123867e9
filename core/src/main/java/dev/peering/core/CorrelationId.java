package dev.peering.core;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request, as ARM names it: the caller's {@code x-ms-correlation-request-id}
 * when it sends a sane one, made up otherwise. The gateway and every service apply the same rule, so
 * a request keeps one id from the front door to the last event it causes.
 */
public final class CorrelationId {

    public static final String HEADER = "x-ms-correlation-request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {}

    /** The caller's id if it is sane, a fresh one otherwise. */
    public static String fromHeader(String given) {
        return given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }
}
