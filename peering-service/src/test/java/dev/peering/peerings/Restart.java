package dev.peering.peerings;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A restart of the service: {@link RestartPhase1IT} and {@link RestartPhase2IT} run under two profiles,
 * so Quarkus stops the application between them and starts it again, on the same database and the same
 * broker (its committed consumer offsets included). Quarkus groups test classes by profile and orders
 * them by name, so phase 1 runs before phase 2.
 */
final class Restart {

    static final String SUBSCRIPTION = "peering.test.restart-subscription";
    // System properties, because each application start loads the test classes (and their statics) anew.
    private static final String DATABASE = "peering.test.restart-database";
    private static final String BOOTSTRAP = "peering.test.restart-bootstrap";

    private Restart() {}

    static synchronized String database() {
        String url = System.getProperty(DATABASE);
        if (url == null) {
            url = PostgresTestResource.newDatabase();
            System.setProperty(DATABASE, url);
        }
        return url;
    }

    static synchronized String bootstrapServers() {
        String servers = System.getProperty(BOOTSTRAP);
        if (servers == null) {
            servers = KafkaTestResource.bootstrapServers();
            System.setProperty(BOOTSTRAP, servers);
        }
        return servers;
    }

    /** Writes a record to the broker both phases share. */
    static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    private static Map<String, String> sameStores() {
        return Map.of("quarkus.datasource.jdbc.url", database(), "kafka.bootstrap.servers", bootstrapServers());
    }

    /**
     * The stores come from the overrides alone: the global test resources would start a broker and a
     * database server per application start, which only slows the JVM's exit.
     */
    abstract static class SameStores implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return sameStores();
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        /** The one global resource the phases still need: the key that verifies the tests' tokens. */
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(TokensTestResource.class));
        }
    }

    public static class Phase1 extends SameStores {}

    public static class Phase2 extends SameStores {}
}
