package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.CloudEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.EventSchemas;
import dev.peering.testsupport.TopicReader;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seed's story, from the ASN association to deprovisioning, against the packaged services behind
 * the gateway, asserted at each step on GET and on the topics, in order. Steps share one peering, so
 * they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryIT {

    static final Duration STEP = Duration.ofSeconds(60);
    static final String RG = "rg-ix";
    static final String ASN = Stack.ASN;
    static final String PEERING = Stack.PEERING;
    static final String CONNECTION = Stack.CONNECTION;
    static final String REGISTRATION = Stack.REGISTRATION;

    static Stack stack;
    static Api peer;
    static Api operator;
    static Api customer;
    static String sub;
    static String customerSub;
    static String correlation;
    static String peeringPath;
    static String peeringId;
    static TopicReader peerAsnTopic;
    static TopicReader peeringTopic;
    static TopicReader connectionTopic;
    static TopicReader registrationTopic;
    static final List<String> keys = new ArrayList<>();
    /** The MD5 key of sea-v4's BGP session: write-only, it must never appear anywhere after the PUT. */
    static final String MD5_KEY =
            "md5-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @BeforeAll
    static void start() {
        stack = Stack.get();
        sub = "sub-" + UUID.randomUUID();
        customerSub = "sub-customer-" + UUID.randomUUID();
        correlation = "story-" + UUID.randomUUID();
        // the whole story goes through the one front door, as a newcomer following the README does
        peer = new Api(stack, stack.peerToken(sub)).correlation(correlation).throughTheGateway();
        operator = new Api(stack, stack.operatorToken()).throughTheGateway();
        customer = new Api(stack, stack.peerToken(customerSub)).throughTheGateway();
        peeringPath = Api.peering(sub, RG, "ix-seattle");
        peeringId = peeringPath;
        peerAsnTopic = new TopicReader(stack.kafka(), "peering.peer-asn-events");
        peeringTopic = new TopicReader(stack.kafka(), "peering.peering-events");
        connectionTopic = new TopicReader(stack.kafka(), "peering.connection-events");
        registrationTopic = new TopicReader(stack.kafka(), "peering.registration-events");
    }

    @AfterAll
    static void close() {
        for (TopicReader reader : List.of(peerAsnTopic, peeringTopic, connectionTopic, registrationTopic)) {
            reader.close();
        }
    }

    static List<String> transitions(List<TopicReader.Received> events, String previous, String next) {
        return events.stream()
                .map(r -> r.event().data().path(previous).asText("null") + "->"
                        + r.event().data().path(next).asText())
                .toList();
    }

    static Predicate<TopicReader.Received> about(String subject, String type) {
        return r -> r.event() != null
                && subject.equals(r.event().subject())
                && type.equals(r.event().type());
    }

    @Test
    @Order(1)
    void associateTheAsnAndCreateThePeeringWhileItIsPending() {
        peer.put(ASN, Api.peerAsns(sub) + "/contoso", Api.peerAsnBody(30000))
                .then()
                .statusCode(201)
                .body("properties.validationState", equalTo("Pending"));
        // the peering names the PeerAsn while it is still Pending: accepted, and it waits
        Response created = await().atMost(STEP)
                .until(
                        () -> peer.put(
                                PEERING,
                                peeringPath,
                                Api.peeringBody(
                                        sub,
                                        "contoso",
                                        Api.connection("sea-v4", "206.81.81.10", null)
                                                .replace(
                                                        "\"maxPrefixesAdvertisedV4\":1000",
                                                        "\"maxPrefixesAdvertisedV4\":1000,\"md5AuthenticationKey\":\""
                                                                + MD5_KEY + "\""),
                                        Api.connection("sea-dual", "206.81.81.11", "2001:504:16::a:11"))),
                        r -> r.statusCode() != 400 || !r.asString().contains("names no PeerAsn"));
        created.then()
                .statusCode(201)
                .body("properties.direct.connections[0].bgpSession.md5AuthenticationKey", equalTo(null))
                .body("properties.provisioningState", equalTo("Updating"))
                .body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"))
                .body("sku.tier", equalTo("Premium"));
        peer.get(ASN, Api.peerAsns(sub) + "/contoso").then().body("properties.validationState", equalTo("Pending"));
    }

    @Test
    @Order(2)
    void thePeeringProceedsWhenTheAsnIsApproved() {
        await().atMost(STEP).untilAsserted(() -> peer.get(PEERING, peeringPath)
                .then()
                .statusCode(200)
                .body("properties.provisioningState", equalTo("Succeeded")));
        String asnId = Api.peerAsns(sub) + "/contoso";
        List<TopicReader.Received> asnEvents = peerAsnTopic.awaitSubject(asnId, 2);
        assertEquals(
                List.of("None->Pending", "Pending->Approved"),
                transitions(asnEvents, "previousValidationState", "validationState"));
        List<TopicReader.Received> peeringEvents = peeringTopic.awaitSubject(peeringId, 2);
        assertEquals(
                List.of("dev.peering.peering.created", "dev.peering.peering.connectionsRequested"),
                peeringEvents.stream().map(r -> r.event().type()).toList());
        assertTrue(
                !peeringEvents
                        .get(1)
                        .event()
                        .time()
                        .isBefore(asnEvents.get(1).event().time()),
                "connections are requested only after the approval");
        // one workflow: the request's correlation id is on the ASN's and the peering's events
        assertEquals(correlation, asnEvents.get(0).event().correlationid());
        assertEquals(correlation, peeringEvents.get(1).event().correlationid());
        // and one trace per request (ADR 0015): the approval continues the PeerAsn PUT's trace, and the
        // peering's hand-off, woken by the approval's event, continues the peering PUT's trace, not the PeerAsn's
        assertEquals(traceId(asnEvents.get(0)), traceId(asnEvents.get(1)));
        assertEquals(traceId(peeringEvents.get(0)), traceId(peeringEvents.get(1)));
        assertFalse(traceId(peeringEvents.get(0)).equals(traceId(asnEvents.get(0))));
    }

    /** The trace id of the span that wrote the event, the same in its CloudEvent attribute and its header. */
    static String traceId(TopicReader.Received r) {
        String traceparent = r.event().traceparent();
        assertNotNull(
                traceparent,
                "no traceparent on " + r.event().type() + " " + r.event().subject());
        assertEquals(traceparent, r.headers().get("traceparent"));
        return traceparent.split("-")[1];
    }

    @Test
    @Order(3)
    void bothConnectionsReachActiveWithTheirSessionsEstablished() {
        await().atMost(STEP).untilAsserted(() -> peer.get(PEERING, peeringPath)
                .then()
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-v4' }.connectionState",
                        equalTo("Active"))
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-v4' }.bgpSession.sessionStateV4",
                        equalTo("Established"))
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-dual' }.connectionState",
                        equalTo("Active"))
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-dual' }.bgpSession.sessionStateV4",
                        equalTo("Established"))
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-dual' }.bgpSession.sessionStateV6",
                        equalTo("Established")));
        for (String id : List.of("sea-v4", "sea-dual")) {
            String subject = peeringId + "/connections/" + id;
            List<TopicReader.Received> states =
                    connectionTopic.awaitEvents(about(subject, "dev.peering.connection.stateChanged"), 6);
            assertEquals(
                    List.of(
                            "null->PendingApproval",
                            "PendingApproval->Approved",
                            "Approved->ProvisioningStarted",
                            "ProvisioningStarted->ProvisioningCompleted",
                            "ProvisioningCompleted->Validating",
                            "Validating->Active"),
                    transitions(states, "previousConnectionState", "connectionState"));
            states.forEach(r -> assertEquals(peeringId, r.key(), "keyed by the peering"));
            assertEquals(correlation, states.get(0).event().correlationid());
            // one trace from the peering's PUT, through peering-service's outbox, Kafka and connection-service's
            // steps, to Active
            String peeringTrace =
                    traceId(peeringTopic.awaitSubject(peeringId, 1).get(0));
            states.forEach(
                    r -> assertEquals(peeringTrace, traceId(r), r.event().data().toString()));
        }
        List<TopicReader.Received> v4 = connectionTopic.awaitEvents(
                about(peeringId + "/connections/sea-v4", "dev.peering.connection.sessionStateChanged"), 5);
        assertEquals(
                "Established",
                v4.get(v4.size() - 1).event().data().path("sessionStateV4").asText());
        assertEquals(traceId(peeringTopic.awaitSubject(peeringId, 1).get(0)), traceId(v4.get(v4.size() - 1)));
    }

    @Test
    @Order(4)
    void addAConnectionThenRemoveOneWithTheWordYes() {
        String connections = peeringPath + "/connections";
        peer.put(CONNECTION, connections + "/sea-added", Api.connection("sea-added", "206.81.81.12", null))
                .then()
                .statusCode(201)
                .body("connectionState", equalTo("PendingApproval"));
        await().atMost(STEP).untilAsserted(() -> peer.get(PEERING, peeringPath)
                .then()
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-added' }.connectionState",
                        equalTo("Active")));

        peer.delete(CONNECTION, connections + "/sea-added")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("ConfirmationRequired"));
        peer.get(CONNECTION, connections + "/sea-added")
                .then()
                .statusCode(200)
                .body("connectionState", equalTo("Active"));
        peer.to(CONNECTION)
                .queryParam("confirm", "yes")
                .delete(connections + "/sea-added")
                .then()
                .statusCode(202);
        await().atMost(STEP)
                .untilAsserted(() ->
                        peer.get(CONNECTION, connections + "/sea-added").then().statusCode(404));
        await().atMost(STEP).untilAsserted(() -> peer.get(PEERING, peeringPath)
                .then()
                .body("properties.direct.connections.find { it.connectionIdentifier == 'sea-added' }", equalTo(null)));
        connectionTopic.awaitEvents(about(peeringId + "/connections/sea-added", "dev.peering.connection.removed"), 1);
    }

    @Test
    @Order(5)
    void addAnIpv6SessionToAnActiveConnection() {
        peer.patch(
                        CONNECTION,
                        peeringPath + "/connections/sea-v4",
                        """
                        {"bgpSession":{"sessionPrefixV6":"2001:504:16::/64","microsoftSessionIPv6Address":"2001:504:16::1f9b",
                         "peerSessionIPv6Address":"2001:504:16::a:10","maxPrefixesAdvertisedV6":100}}""")
                .then()
                .statusCode(200)
                .body("bgpSession.sessionStateV6", equalTo("PendingAdd"));
        await().atMost(STEP).untilAsserted(() -> peer.get(PEERING, peeringPath)
                .then()
                .body(
                        "properties.direct.connections.find { it.connectionIdentifier == 'sea-v4' }.bgpSession.sessionStateV6",
                        equalTo("Established")));
    }

    @Test
    @Order(6)
    void registerTwoCustomerAsnsAndUseAKeyFromTheCustomersSubscription() {
        for (String name : List.of("fabrikam", "tailspin")) {
            long asn = name.equals("fabrikam") ? 13335 : 15169;
            peer.put(REGISTRATION, peeringPath + "/registeredAsns/" + name, "{\"properties\":{\"asn\":" + asn + "}}")
                    .then()
                    .statusCode(201);
            String key = await().atMost(STEP)
                    .until(
                            () -> peer.get(REGISTRATION, peeringPath + "/registeredAsns/" + name)
                                    .then()
                                    .extract()
                                    .path("properties.peeringServicePrefixKey"),
                            notNullValue());
            keys.add(key);
        }
        assertFalse(keys.get(0).equals(keys.get(1)));
        List<TopicReader.Received> registered = registrationTopic.awaitEvents(
                r -> r.event() != null && sub.equals(r.event().subscription()), 2);
        registered.forEach(
                r -> assertTrue(r.event().data().path("prefixKeyIssued").asBoolean()));

        String service = Api.peeringService(customerSub, "rg-customer", "fabrikam-ps");
        customer.put(
                        REGISTRATION,
                        service,
                        """
                        {"location":"westus2","properties":{"peeringServiceLocation":"Washington","peeringServiceProvider":"Contoso IX"}}""")
                .then()
                .statusCode(201);
        customer.put(
                        REGISTRATION,
                        service + "/prefixes/web",
                        "{\"properties\":{\"prefix\":\"20.1.2.0/24\",\"peeringServicePrefixKey\":\"" + keys.get(0)
                                + "\"}}")
                .then()
                .statusCode(201)
                .body("properties.prefixValidationState", equalTo("Pending"));
        await().atMost(STEP).untilAsserted(() -> customer.get(REGISTRATION, service + "/prefixes/web")
                .then()
                .body("properties.prefixValidationState", equalTo("Verified")));
    }

    /**
     * ADR 0022: an integration that starts now, read-only (the watch principal), rebuilds from offset 0 of the
     * compacted state topics what REST shows, sea-added (removed in step 4) gone by its tombstone.
     */
    @Test
    @Order(7)
    void aLateIntegrationRebuildsWhatRestShowsFromTheStateTopics() {
        Map<String, String> rest = LateIntegration.restPicture(peer, sub, peeringPath);
        assertEquals(6, rest.size(), "PeerAsn, peering, two connections, two registered ASNs: " + rest);
        await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, LateIntegration.Rebuilt> rebuilt =
                    LateIntegration.rebuild(stack.kafkaClient(Stack.WATCH_PRINCIPAL), LateIntegration.STATE_TOPICS);
            assertEquals(rest, LateIntegration.statePicture(rebuilt, sub));
            assertTrue(
                    rebuilt.get(Topics.CONNECTIONS_STATE).forgotten().contains(peeringId + "/connections/sea-added"));
        });
    }

    @Test
    @Order(8)
    void theOperatorDeprovisionsAndEverythingDownstreamIsRevokedOrRemoved() {
        peer.delete(PEERING, peeringPath).then().statusCode(409).body("error.code", equalTo("DeprovisionNotAllowed"));
        operator.post(PEERING, peeringPath + "/deprovision", null).then().statusCode(202);
        await().atMost(STEP)
                .untilAsserted(() -> peer.get(PEERING, peeringPath).then().statusCode(404));
        peer.get(CONNECTION, peeringPath + "/connections/sea-v4").then().statusCode(404);
        List<TopicReader.Received> unregistered = registrationTopic.awaitEvents(
                r -> r.event() != null
                        && sub.equals(r.event().subscription())
                        && r.event().type().equals("dev.peering.registration.asnUnregistered"),
                2);
        unregistered.forEach(
                r -> assertTrue(r.event().data().path("prefixKeyRevoked").asBoolean()));
        String service = Api.peeringService(customerSub, "rg-customer", "fabrikam-ps");
        await().atMost(STEP).untilAsserted(() -> customer.get(REGISTRATION, service + "/prefixes/web")
                .then()
                .body("properties.prefixValidationState", equalTo("Failed")));
        List<TopicReader.Received> peeringEvents =
                peeringTopic.awaitEvents(about(peeringId, "dev.peering.peering.deleted"), 1);
        assertNotNull(peeringEvents.get(0).event().time());
        // asn-validation-service learned that the peering is gone: the PeerAsn may now be deleted
        await().atMost(STEP)
                .untilAsserted(() ->
                        peer.delete(ASN, Api.peerAsns(sub) + "/contoso").then().statusCode(200));
    }

    @Test
    @Order(9)
    void everyEventTheServicesEmittedMatchesTheAsyncApiDocument() {
        EventSchemas schemas = new EventSchemas();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (TopicReader reader : List.of(peerAsnTopic, peeringTopic, connectionTopic, registrationTopic)) {
            for (TopicReader.Received received : reader.poll()) {
                CloudEvent event = received.event();
                assertNotNull(event, "a record that is not a CloudEvent: " + received.value());
                problems.addAll(schemas.problems(received.value()));
                checked++;
            }
        }
        assertTrue(checked > 40, "checked " + checked + " events");
        assertEquals(List.of(), problems);
        // no secret ever travels: neither a Prefix Key nor an MD5 key, on any topic or in any log line
        assertEquals(2, keys.size());
        List<String> secrets = new ArrayList<>(keys);
        secrets.add(MD5_KEY);
        for (TopicReader reader : List.of(peerAsnTopic, peeringTopic, connectionTopic, registrationTopic)) {
            for (TopicReader.Received received : reader.poll()) {
                for (String secret : secrets) {
                    assertFalse(received.value().contains(secret), "a secret on a topic: " + received.value());
                }
            }
        }
        try (var logs = java.nio.file.Files.list(stack.dataDir().resolve("logs"))) {
            for (java.nio.file.Path log : logs.toList()) {
                String text = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a secret in " + log.getFileName());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The steps above wait for at least the events they expect; this checks that none came twice. Once
     * nothing new has arrived on any topic for a quiet period, no two events of the story may tell the same
     * change: same subject, type and data apart from timestamps (a step applied or relayed twice).
     */
    @Test
    @Order(10)
    void noChangeOfTheStoryWasPublishedTwice() {
        List<TopicReader> readers = List.of(peerAsnTopic, peeringTopic, connectionTopic, registrationTopic);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger(-1);
        await().during(TopicReader.QUIET)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    int now = readers.stream().mapToInt(r -> r.poll().size()).sum();
                    return seen.getAndSet(now) == now;
                });
        java.util.Map<String, Integer> changes = new java.util.TreeMap<>();
        for (TopicReader reader : readers) {
            for (TopicReader.Received received : reader.poll()) {
                CloudEvent event = received.event();
                if (event != null && (sub.equals(event.subscription()) || customerSub.equals(event.subscription()))) {
                    com.fasterxml.jackson.databind.node.ObjectNode data =
                            event.data().deepCopy();
                    data.remove(List.of("changedAt", "lastFailureTimeUtc", "time"));
                    changes.merge(event.subject() + " " + event.type() + " " + data, 1, Integer::sum);
                }
            }
        }
        assertTrue(changes.size() > 40, "the story's changes: " + changes.size());
        List<String> twice = changes.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(e -> e.getValue() + "x " + e.getKey())
                .toList();
        assertEquals(List.of(), twice, "changes published more than once");
    }

    /**
     * After the whole story every resource of it is deleted: a late integration finds nothing of the
     * subscription, each resource forgotten by its tombstone, every snapshot it read valid against the AsyncAPI
     * document, and no secret (Prefix Key, MD5 key) on any state topic.
     */
    @Test
    @Order(11)
    void afterTheStoryTheStateTopicsHoldNothingOfItAndNoSecret() {
        List<String> ids = List.of(
                Api.peerAsns(sub) + "/contoso",
                peeringId,
                peeringId + "/connections/sea-v4",
                peeringId + "/connections/sea-dual",
                peeringId + "/registeredAsns/fabrikam",
                peeringId + "/registeredAsns/tailspin");
        Map<String, LateIntegration.Rebuilt> rebuilt = await().atMost(STEP)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> LateIntegration.rebuild(
                                stack.kafkaClient(Stack.WATCH_PRINCIPAL), LateIntegration.STATE_TOPICS),
                        r -> LateIntegration.statePicture(r, sub).isEmpty());
        Set<String> forgotten = new java.util.TreeSet<>();
        rebuilt.values().forEach(topic -> forgotten.addAll(topic.forgotten()));
        assertTrue(forgotten.containsAll(ids), "tombstones for " + ids + " in " + forgotten);
        EventSchemas schemas = new EventSchemas();
        List<String> secrets = new ArrayList<>(keys);
        secrets.add(MD5_KEY);
        int snapshots = 0;
        for (LateIntegration.Rebuilt topic : rebuilt.values()) {
            for (String value : topic.values()) {
                secrets.forEach(secret -> assertFalse(value.contains(secret), "a secret on a state topic: " + value));
                if (value.contains(sub)) {
                    assertEquals(List.of(), schemas.problems(value));
                    snapshots++;
                }
            }
        }
        assertTrue(snapshots >= ids.size(), "the story's snapshots: " + snapshots);
    }
}
