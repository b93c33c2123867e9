package dev.peering.platform.tracing;

import org.jboss.logging.MDC;

/**
 * What every log line written while a request or an event is handled carries (MDC, printed by the log
 * format as {@code %X{correlationId}} and so on, and as fields of a JSON log): the correlation id, the
 * subscription, the resource id and the trace id ({@code traceId}, the key Quarkus's OpenTelemetry extension
 * uses for the REST requests' spans). Closing restores what was there before.
 */
public final class LogContext implements AutoCloseable {

    public static final String CORRELATION_ID = "correlationId";
    public static final String SUBSCRIPTION = "subscription";
    public static final String RESOURCE_ID = "resourceId";
    public static final String TRACE_ID = "traceId";
    private static final String[] KEYS = {CORRELATION_ID, SUBSCRIPTION, RESOURCE_ID, TRACE_ID};

    private final Object[] previous = new Object[KEYS.length];

    private LogContext(String... values) {
        for (int i = 0; i < KEYS.length; i++) {
            previous[i] = values[i] == null ? MDC.get(KEYS[i]) : MDC.put(KEYS[i], values[i]);
        }
    }

    /** Puts the values that are not null; the others keep what the enclosing context had. */
    public static LogContext of(String correlationId, String subscription, String resourceId, String traceId) {
        return new LogContext(correlationId, subscription, resourceId, traceId);
    }

    /**
     * Puts the values that are not null for the rest of a request; {@link #clear} takes them out. The trace id is
     * Quarkus's to put for a request.
     */
    public static void set(String correlationId, String subscription, String resourceId) {
        String[] values = {correlationId, subscription, resourceId};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                MDC.put(KEYS[i], values[i]);
            }
        }
    }

    /** Takes out what {@link #set} put, when a request ends. */
    public static void clear() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(SUBSCRIPTION);
        MDC.remove(RESOURCE_ID);
    }

    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            if (previous[i] == null) {
                MDC.remove(KEYS[i]);
            } else {
                MDC.put(KEYS[i], previous[i]);
            }
        }
    }
}
