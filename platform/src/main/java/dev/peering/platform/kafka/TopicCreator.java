package dev.peering.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates, before the channels start, every topic this service's configuration names (its outbox
 * topic, its compacted state topics, the topics of its channels and their dead-letter topics), with the
 * partition count and retention of configuration (state topics are compacted instead, ADR 0022). The
 * brokers do not create topics on first use.
 */
@ApplicationScoped
public class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);
    private static final Pattern TOPIC_PROPERTY =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)");
    /** {@code peering.state-topics.<resources>}: the compacted state topics this service owns (ADR 0022). */
    public static final String STATE_TOPIC_PREFIX = "peering.state-topics.";

    @Inject
    KafkaClients kafkaClients;

    @ConfigProperty(name = "peering.topics.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "peering.topics.replication-factor", defaultValue = "1")
    short replicationFactor;

    /** The topic's min.insync.replicas; 0 leaves the cluster's default. */
    @ConfigProperty(name = "peering.topics.min-insync-replicas", defaultValue = "0")
    int minInsyncReplicas;

    @ConfigProperty(name = "peering.topics.retention", defaultValue = "P30D")
    Duration retention;

    @ConfigProperty(name = "peering.topics.create-timeout", defaultValue = "PT30S")
    Duration timeout;

    void create(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup)
            throws InterruptedException {
        Config config = ConfigProvider.getConfig();
        Set<String> topics = configuredTopics(config);
        Set<String> consumed = consumedTopics(config);
        Set<String> state = stateTopics(config);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> props = kafkaClients.forClient("topic-creator");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    continue;
                }
                Map<String, String> configs = new java.util.HashMap<>();
                boolean compacted = state.contains(topic);
                if (compacted) {
                    // one record per resource id, its latest snapshot, kept until a tombstone removes it: no
                    // retention, so an integration that starts late rebuilds the whole picture from offset 0
                    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                } else {
                    configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
                }
                if (minInsyncReplicas > 0) {
                    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
                }
                NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(configs);
                try {
                    admin.createTopics(Set.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.infof(
                            "created topic %s (%d partitions, replication factor %d, %s)",
                            topic, partitions, replicationFactor, compacted ? "compacted" : "retention " + retention);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException && consumed.contains(topic)) {
                        // On a secured cluster only a topic's owner may create it (the ACLs of the README):
                        // a consumer started before the owner waits for the topic and is assigned it then.
                        LOG.infof("not allowed to create topic %s; it is left to the service that owns it", topic);
                    } else if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "cannot reach Kafka at " + kafkaClients.bootstrapServers() + " to create topics " + topics + ": "
                            + e,
                    e);
        }
    }

    /** The topics of the incoming channels: other services' topics, which their owners create. */
    static Set<String> consumedTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic") && !name.contains("dead-letter")) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        config.getOptionalValue("peering.outbox.topic", String.class).ifPresent(topics::remove);
        return topics;
    }

    /** The compacted state topics of {@code peering.state-topics.*}. */
    static Set<String> stateTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(STATE_TOPIC_PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
    }

    static Set<String> configuredTopics(Config config) {
        Set<String> topics = new TreeSet<>(stateTopics(config));
        config.getOptionalValue("peering.outbox.topic", String.class).ifPresent(topics::add);
        for (String name : config.getPropertyNames()) {
            Matcher m = TOPIC_PROPERTY.matcher(name);
            if (m.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
    }
}
