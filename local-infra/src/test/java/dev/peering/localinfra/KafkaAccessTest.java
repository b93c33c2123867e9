package dev.peering.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The ACLs planned from the four services' real application.properties, against DESIGN.md's table. */
class KafkaAccessTest {

    static final List<String> SERVICES =
            List.of("asn-validation-service", "peering-service", "connection-service", "registration-service");

    static KafkaAccess access() throws IOException {
        List<KafkaAccess.ServiceTopics> services = new ArrayList<>();
        for (String service : SERVICES) {
            Properties config = new Properties();
            try (Reader reader =
                    Files.newBufferedReader(Path.of("..", service, "src/main/resources/application.properties"))) {
                config.load(reader);
            }
            services.add(KafkaAccess.ServiceTopics.of(service, config));
        }
        return new KafkaAccess(services);
    }

    /** principal -> the resources it may do {@code operation} on, as "topic NAME" / "group NAME*". */
    static Map<String, Set<String>> allowed(List<AclBinding> bindings, AclOperation operation) {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (AclBinding binding : bindings) {
            assertEquals(AclPermissionType.ALLOW, binding.entry().permissionType());
            assertEquals("*", binding.entry().host());
            if (binding.entry().operation() == operation) {
                allowed.computeIfAbsent(binding.entry().principal(), p -> new TreeSet<>())
                        .add(binding.pattern().resourceType().name().toLowerCase() + " "
                                + binding.pattern().name()
                                + (binding.pattern().patternType() == PatternType.PREFIXED ? "*" : ""));
            }
        }
        return allowed;
    }

    @Test
    void eachServiceWritesOnlyTheTopicItOwnsAndItsDeadLetterTopics() throws IOException {
        Map<String, Set<String>> write = allowed(access().bindings(), AclOperation.WRITE);

        assertEquals(
                Map.of(
                        "User:asn-validation-service",
                        Set.of(
                                "topic peering.peer-asn-events",
                                "topic peering.peer-asns.state",
                                "topic asn-validation-service.peering-events.dlq"),
                        "User:peering-service",
                        Set.of(
                                "topic peering.peering-events",
                                "topic peering.peerings.state",
                                "topic peering-service.peer-asn-events.dlq",
                                "topic peering-service.connection-events.dlq"),
                        "User:connection-service",
                        Set.of(
                                "topic peering.connection-events",
                                "topic peering.connections.state",
                                "topic connection-service.peering-events.dlq"),
                        "User:registration-service",
                        Set.of(
                                "topic peering.registration-events",
                                "topic peering.registered-asns.state",
                                "topic registration-service.peering-events.dlq",
                                "topic registration-service.connection-events.dlq")),
                write);
        // CREATE only where it may WRITE: a consumer leaves the topics it reads to their owners
        assertEquals(write, allowed(access().bindings(), AclOperation.CREATE));
    }

    @Test
    void eachServiceReadsOnlyWhatItConsumesAndItsDeadLettersInItsOwnGroupAndWatchReadsEveryPublishedTopic()
            throws IOException {
        Map<String, Set<String>> read = allowed(access().bindings(), AclOperation.READ);

        assertEquals(
                Map.of(
                        "User:asn-validation-service",
                        Set.of(
                                "topic peering.peering-events",
                                "topic asn-validation-service.peering-events.dlq",
                                "group asn-validation-service"),
                        "User:peering-service",
                        Set.of(
                                "topic peering.peer-asn-events",
                                "topic peering.connection-events",
                                "topic peering-service.peer-asn-events.dlq",
                                "topic peering-service.connection-events.dlq",
                                "group peering-service"),
                        "User:connection-service",
                        Set.of(
                                "topic peering.peering-events",
                                "topic connection-service.peering-events.dlq",
                                "group connection-service"),
                        "User:registration-service",
                        Set.of(
                                "topic peering.peering-events",
                                "topic peering.connection-events",
                                "topic registration-service.peering-events.dlq",
                                "topic registration-service.connection-events.dlq",
                                "group registration-service"),
                        "User:watch",
                        Set.of(
                                "topic peering.peer-asn-events",
                                "topic peering.peering-events",
                                "topic peering.connection-events",
                                "topic peering.registration-events",
                                "topic peering.peer-asns.state",
                                "topic peering.peerings.state",
                                "topic peering.connections.state",
                                "topic peering.registered-asns.state",
                                "group peering-watch-*")),
                read);
    }

    @Test
    void nothingElseIsAllowedAndNoRightReachesTheCluster() throws IOException {
        KafkaAccess access = access();
        for (AclBinding binding : access.bindings()) {
            assertEquals(
                    true,
                    Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE)
                            .contains(binding.entry().operation()),
                    binding.toString());
            assertEquals(
                    true,
                    Set.of(ResourceType.TOPIC, ResourceType.GROUP)
                            .contains(binding.pattern().resourceType()),
                    binding.toString());
        }
        assertEquals(
                List.of(
                        "asn-validation-service",
                        "peering-service",
                        "connection-service",
                        "registration-service",
                        KafkaAccess.WATCH),
                access.principals());
    }

    @Test
    void thePlanReadsAsOneLinePerPrincipal() throws IOException {
        Map<String, String> table = access().describe();

        assertEquals(
                "writes connection-service.peering-events.dlq, peering.connection-events,"
                        + " peering.connections.state; reads"
                        + " connection-service.peering-events.dlq, peering.peering-events;"
                        + " groups connection-service",
                table.get("connection-service"));
        assertEquals(
                "reads peering.connection-events, peering.connections.state, peering.peer-asn-events,"
                        + " peering.peer-asns.state, peering.peering-events, peering.peerings.state,"
                        + " peering.registered-asns.state, peering.registration-events; groups peering-watch-*",
                table.get(KafkaAccess.WATCH));
    }

    @Test
    void aChannelWithoutAGroupReadsInTheApplicationsNameAndAnOutgoingChannelIsWritten() {
        Properties config = new Properties();
        config.setProperty("quarkus.application.name", "billing");
        config.setProperty("mp.messaging.incoming.in.topic", "a");
        config.setProperty("mp.messaging.outgoing.out.topic", "b");

        KafkaAccess.ServiceTopics topics = KafkaAccess.ServiceTopics.of("billing-principal", config);

        assertEquals(Set.of("billing"), topics.groups());
        assertEquals(Set.of("b"), topics.published());
        assertEquals(Set.of("a"), topics.consumed());
        assertEquals(Set.of(), topics.deadLetter());
        assertEquals(Set.of(), topics.compacted());
    }

    @Test
    void aStateTopicIsPublishedAndCompacted() {
        Properties config = new Properties();
        config.setProperty("peering.outbox.topic", "b.events");
        config.setProperty("peering.state-topics.things", "b.things.state");

        KafkaAccess.ServiceTopics topics = KafkaAccess.ServiceTopics.of("billing", config);

        assertEquals(Set.of("b.events", "b.things.state"), topics.published());
        assertEquals(Set.of("b.things.state"), topics.compacted());
    }
}
