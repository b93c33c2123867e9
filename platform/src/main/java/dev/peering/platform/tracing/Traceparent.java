package dev.peering.platform.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * The W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}) as this project stores and sends it:
 * in the outbox row, the record's header, the CloudEvents {@code traceparent} extension and the rows whose
 * pending work a later step takes (ADR 0015). Always W3C, whatever propagators the service configures, since
 * it is part of the event contract.
 */
public final class Traceparent {

    /** The Kafka header and the CloudEvents extension attribute. */
    public static final String NAME = "traceparent";

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(NAME);
        }

        @Override
        public String get(String carrier, String key) {
            return NAME.equals(key) ? carrier : null;
        }
    };

    private Traceparent() {}

    /** The traceparent of the current span, or null when there is none. */
    public static String current() {
        SpanContext span = Tracing.currentSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /**
     * A context whose span is the (remote) one {@code traceparent} names, to start a child span in; the root
     * context when it is null or malformed, so the child starts a trace of its own.
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_VALUE);
    }
}
