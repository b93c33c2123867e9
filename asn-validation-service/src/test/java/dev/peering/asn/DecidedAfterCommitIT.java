package dev.peering.asn;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.asn.service.ApprovalScheduler;
import dev.peering.core.CorrelationId;
import dev.peering.events.EventJson;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.EventSchemas;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import dev.peering.testsupport.TopicWriter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * With no approval delay, a PeerAsn is decided right after the commit that created it: the poller
 * waits an hour here, so only the run after commit can decide it. Spans are recorded here (into {@link
 * InMemorySpans}), so the trace of that chain is checked here too.
 */
@QuarkusTest
@TestProfile(DecidedAfterCommitIT.NoDelay.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class DecidedAfterCommitIT {

    public static class NoDelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.asn.approval-delay", "PT0S",
                    "peering.asn.approval-poll-interval", "1h",
                    "peering.tracing.export", "true",
                    "quarkus.otel.bsp.schedule.delay", "50ms",
                    "quarkus.log.category.\"dev.peering.platform.outbox\".level", "DEBUG");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneTraceRunsFromThePutThroughTheOutboxAndKafkaToTheApprovalItsEventAndAConsumer() {
        String sub = PeerAsnApiIT.newSubscription();
        String id = PeerAsnApiIT.path(sub) + "/traced";
        List<TopicReader.Received> events;
        String correlationId;
        List<ExtLogRecord> outboxLines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord line = (ExtLogRecord) record;
                line.copyMdc(); // as it was on the thread that logged it
                outboxLines.add(line);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger outboxLog = Logger.getLogger("dev.peering.platform.outbox");
        outboxLog.addHandler(capture);
        try (TopicReader topic = new TopicReader("peering.peer-asn-events")) {
            correlationId = PeerAsnApiIT.put(sub, "traced", PeerAsnApiIT.body(3356, "Contoso"))
                    .statusCode(201)
                    .extract()
                    .header(CorrelationId.HEADER);
            events = topic.awaitSubjectExactly(id, 2);
        } finally {
            outboxLog.removeHandler(capture);
        }
        TopicReader.Received created = events.get(0);
        TopicReader.Received decided = events.get(1);
        assertEquals("Approved", decided.event().data().get("validationState").asText());

        // the created event carries the PUT's server span, in the CloudEvent and in the record's header
        assertNotNull(created.event().traceparent(), "the created event has no traceparent");
        String[] createdBy = created.event().traceparent().split("-");
        assertEquals(created.event().traceparent(), created.headers().get("traceparent"));
        SpanData put = awaitSpan(s -> s.getSpanId().equals(createdBy[2]));
        assertEquals(SpanKind.SERVER, put.getKind());
        assertEquals(createdBy[1], put.getTraceId());
        assertTrue(put.getName().startsWith("PUT "), put.getName());

        // the approval, taken after the commit on another thread, is a child of the PUT, and its event carries it
        String[] decidedBy = decided.event().traceparent().split("-");
        assertEquals(decided.event().traceparent(), decided.headers().get("traceparent"));
        assertEquals(put.getTraceId(), decidedBy[1]);
        SpanData approval = awaitSpan(s -> s.getSpanId().equals(decidedBy[2]));
        assertEquals(ApprovalScheduler.KIND, approval.getName());
        assertEquals(put.getSpanId(), approval.getParentSpanId());
        assertEquals(put.getTraceId(), approval.getTraceId());
        assertEquals(List.of(), new EventSchemas().problems(decided.value()));

        // what the request and the approval logged says whose work it was: every outbox line of this PeerAsn,
        // its change event and its state topic's snapshot (ADR 0022) for the PUT and again for the approval
        List<ExtLogRecord> lines = outboxLines.stream()
                .filter(l -> id.equals(l.getMdc("resourceId")))
                .toList();
        assertEquals(4, lines.size(), "outbox log lines of " + id);
        for (ExtLogRecord line : lines) {
            assertEquals(correlationId, line.getMdc("correlationId"), line.getThreadName());
            assertEquals(put.getTraceId(), line.getMdc("traceId"), line.getThreadName());
            assertEquals(sub, line.getMdc("subscription"), line.getThreadName());
        }

        // a consumer of that event continues the same trace: here, this service reading a peering event that
        // a peering-service span wrote as a child of the approval
        String peeringId = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Peering/peerings/p";
        String peeringTraceparent = "00-" + put.getTraceId() + "-" + "00f067aa0ba902b7" + "-01";
        TopicWriter.send(
                PeeringUsageIT.PEERINGS,
                peeringId,
                EventJson.write(EventJson.newEvent(
                        PeeringEvent.CREATED,
                        PeeringEvent.SOURCE,
                        peeringId,
                        "corr-traced",
                        sub,
                        peeringTraceparent,
                        new PeeringEvent(
                                peeringId, sub, "rg", "p", id, "Seattle", null, "Updating", null, List.of()))));
        SpanData consumed = awaitSpan(
                s -> s.getKind() == SpanKind.CONSUMER && s.getParentSpanId().equals("00f067aa0ba902b7"));
        assertEquals(put.getTraceId(), consumed.getTraceId());
        assertEquals("process " + PeeringEvent.CREATED, consumed.getName());
    }

    private SpanData awaitSpan(Predicate<SpanData> which) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> spans.getFinishedSpanItems().stream().filter(which).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void aPeerAsnDueAtOnceIsDecidedWithoutWaitingForThePoller() {
        String sub = PeerAsnApiIT.newSubscription();
        PeerAsnApiIT.put(sub, "contoso", PeerAsnApiIT.body(3356, "Contoso")).statusCode(201);
        PeerAsnApiIT.put(sub, "private", PeerAsnApiIT.body(64512, "Private")).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> PeerAsnApiIT.get(sub, "contoso")
                .statusCode(200)
                .body("properties.validationState", equalTo("Approved")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> PeerAsnApiIT.get(sub, "private")
                .statusCode(200)
                .body("properties.validationState", equalTo("Failed"))
                .body("properties.errorMessage", notNullValue()));
    }
}
