package dev.peering.platform.tracing;

import dev.peering.events.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The spans this project makes itself (ADR 0015); Quarkus makes the REST ones. Each is made current with
 * its log context, so what the work logs and writes to the outbox carries its trace:
 *
 * <ul>
 *   <li>{@link #consuming}: one span per applied event, a child of the span that wrote the event (its
 *       {@code traceparent}), so a workflow is one trace across every Kafka hop;
 *   <li>{@link #step}: one span per scheduled step taken for a stored resource (an approval, a provisioning
 *       step, a prefix validation, a peering that waited), a child of the span stored with the resource, i.e.
 *       the request or event that caused the work, and linked to the span current when the step runs (the
 *       event that woke it), if any.
 * </ul>
 *
 * <p>With export off (the default) the sampler records nothing: spans still get ids, so trace ids reach logs,
 * rows and events, at the cost of a few objects per span. Attributes are set only on recorded spans.
 */
@ApplicationScoped
public class Tracing {

    private static final ThreadLocal<Work> CURRENT = new ThreadLocal<>();

    @Inject
    Tracer tracer;

    /** The span of {@code consumer} applying {@code event} read from {@code topic}. */
    public Work consuming(String consumer, String topic, CloudEvent event, String headerTraceparent) {
        String traceparent = event.traceparent() != null ? event.traceparent() : headerTraceparent;
        Span span = tracer.spanBuilder("process " + event.type())
                .setParent(Traceparent.parent(traceparent))
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
        if (span.isRecording()) {
            span.setAttribute("messaging.system", "kafka");
            span.setAttribute("messaging.operation.type", "process");
            span.setAttribute("messaging.consumer.group.name", consumer);
            if (topic != null) {
                span.setAttribute("messaging.destination.name", topic);
            }
            span.setAttribute("messaging.message.id", event.id());
            span.setAttribute("cloudevents.event_id", event.id());
            span.setAttribute("cloudevents.event_type", event.type());
            span.setAttribute("cloudevents.event_source", event.source());
            attribute(span, "cloudevents.event_subject", event.subject());
            attribute(span, "peering.correlation_id", event.correlationid());
        }
        return new Work(span, event.correlationid(), event.subscription(), event.subject());
    }

    /**
     * The span of a step of kind {@code name} taken for a stored resource, continuing {@code traceparent} (the
     * one stored with it; a new trace when null).
     */
    public Work step(String name, String traceparent, String correlationId, String subscription, String resourceId) {
        SpanBuilder builder = tracer.spanBuilder(name)
                .setParent(Traceparent.parent(traceparent))
                .setSpanKind(SpanKind.INTERNAL);
        SpanContext waking = currentSpanContext();
        if (waking.isValid()) {
            builder.addLink(waking);
        }
        Span span = builder.startSpan();
        if (span.isRecording()) {
            attribute(span, "peering.correlation_id", correlationId);
            attribute(span, "peering.resource_id", resourceId);
        }
        return new Work(span, correlationId, subscription, resourceId);
    }

    /** Runs {@code work} in the span of {@link #step(String, String, String, String, String)}. */
    public void step(
            String name,
            String traceparent,
            String correlationId,
            String subscription,
            String resourceId,
            Runnable work) {
        try (Work step = step(name, traceparent, correlationId, subscription, resourceId)) {
            try {
                work.run();
            } catch (RuntimeException e) {
                step.failed(e);
                throw e;
            }
        }
    }

    /**
     * The innermost span of this project's on this thread, else the current one of the OpenTelemetry context (a
     * REST request's). Ours are kept apart as well: on a thread that runs on a Vert.x context that is not a
     * duplicated one, Quarkus's context storage cannot hold a span made current there.
     */
    static SpanContext currentSpanContext() {
        Work work = CURRENT.get();
        return work != null ? work.span.getSpanContext() : Span.current().getSpanContext();
    }

    private static void attribute(Span span, String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    /** A span made current with its log context; closing ends both. */
    public static final class Work implements AutoCloseable {

        private final Span span;
        private final Work outer;
        private final LogContext log;
        private final Scope scope;

        Work(Span span, String correlationId, String subscription, String resourceId) {
            this.span = span;
            this.outer = CURRENT.get();
            SpanContext context = span.getSpanContext();
            this.log = LogContext.of(
                    correlationId, subscription, resourceId, context.isValid() ? context.getTraceId() : null);
            this.scope = span.makeCurrent();
            CURRENT.set(this);
        }

        /** The work failed with {@code e}: the span says so. */
        public void failed(Throwable e) {
            if (span.isRecording()) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void close() {
            CURRENT.set(outer);
            scope.close();
            log.close();
            span.end();
        }
    }
}
