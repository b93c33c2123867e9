package dev.peering.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;

class TraceparentTest {

    @Test
    void aStoredTraceparentIsTheParentOfTheNextSpan() {
        SpanContext parent = Span.fromContext(
                        Traceparent.parent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .getSpanContext();
        assertTrue(parent.isRemote());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());
        assertTrue(parent.isSampled());
    }

    @Test
    void withoutATraceparentTheNextSpanStartsATrace() {
        for (String none :
                new String[] {null, "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}) {
            assertFalse(
                    Span.fromContext(Traceparent.parent(none)).getSpanContext().isValid(), none);
        }
        assertNull(Traceparent.current());
    }
}
