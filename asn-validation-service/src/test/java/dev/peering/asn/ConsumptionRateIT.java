package dev.peering.asn;

import static org.awaitility.Awaitility.await;

import dev.peering.asn.messaging.PeeringEventsConsumer;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check (it asserts nothing about time): how fast the peering-events consumer applies
 * events, and, for comparison, how many single-row transactions per second this machine's PostgreSQL
 * commits. Runs only when asked:
 *
 * <pre>
 * mvn verify -pl asn-validation-service -Dtest=ConsumptionRateIT -Dmeasure=true [-Dmeasure.events=5000]
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
@EnabledIfSystemProperty(named = "measure", matches = "true")
class ConsumptionRateIT {

    static final String CONSUMER = "asn-validation-service." + PeeringEventsConsumer.CHANNEL;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measureTheConsumptionRate() throws Exception {
        int events = Integer.getInteger("measure.events", 5000);
        String marker = UUID.randomUUID().toString();
        long before = applied();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaTestResource.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        "5"),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String peeringId = "/subscriptions/sub-rate/resourceGroups/rg/providers/Microsoft.Peering/peerings/p-"
                        + marker + i;
                String value = EventJson.write(EventJson.newEvent(
                        PeeringEvent.CREATED,
                        PeeringEvent.SOURCE,
                        peeringId,
                        "corr-rate",
                        "sub-rate",
                        new PeeringEvent(
                                peeringId,
                                "sub-rate",
                                "rg",
                                "p",
                                "asn-" + marker,
                                "Seattle",
                                null,
                                "Updating",
                                null,
                                List.of())));
                ProducerRecord<String, String> record =
                        new ProducerRecord<>("peering.peering-events", peeringId, value);
                record.headers()
                        .add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        long written = System.nanoTime();
        await().atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> applied() - before >= events);
        long done = System.nanoTime();
        double seconds = (done - start) / 1e9;
        System.out.printf(
                "MEASURE consumption: %d events written in %.2f s, all applied after %.2f s: %.0f events/s%n",
                events, (written - start) / 1e9, seconds, events / seconds);
        measureCommitRate();
    }

    private long applied() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from consumed_event where consumer = ?")) {
            s.setString(1, CONSUMER);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Single-row inserts, each its own transaction (autocommit), on the same database. */
    private void measureCommitRate() throws Exception {
        int commits = 2000;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement ddl = c.createStatement()) {
                ddl.execute("create table if not exists measure_commit (id bigint primary key, at timestamptz)");
                ddl.execute("truncate measure_commit");
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("insert into measure_commit values (?, now())")) {
                for (int i = 0; i < commits; i++) {
                    insert.setLong(1, i);
                    insert.executeUpdate();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "MEASURE PostgreSQL: %d single-row insert+commit in %.2f s: %.0f commits/s%n",
                    commits, seconds, commits / seconds);
            try (Statement ddl = c.createStatement()) {
                ddl.execute("drop table measure_commit");
            }
        }
    }
}
