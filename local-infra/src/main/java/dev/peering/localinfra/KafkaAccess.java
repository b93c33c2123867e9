package dev.peering.localinfra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on a secured broker, planned from the services' own configuration, so the ACLs follow
 * the {@code application.properties} that say which topic a service owns and which it consumes:
 *
 * <ul>
 *   <li>a service WRITEs (and may CREATE) only the topic it publishes ({@code peering.outbox.topic}), its
 *       compacted state topics ({@code peering.state-topics.*}) and the dead-letter topics of its channels;
 *   <li>it READs only the topics of its incoming channels, in its own consumer groups;
 *   <li>the read-only principal {@value #WATCH} (the CLI's {@code watch}, an integration) READs every
 *       published topic in groups named {@value #WATCH_GROUP_PREFIX}...;
 *   <li>{@link KafkaSecurity#ADMIN} is a super user and needs no ACL.
 * </ul>
 *
 * DESCRIBE comes with READ and WRITE; an idempotent producer needs no cluster ACL since Kafka 3.0
 * (KIP-679: WRITE on a topic is enough).
 */
public final class KafkaAccess {

    public static final String WATCH = "watch";
    public static final String WATCH_GROUP_PREFIX = "peering-watch-";

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic");
    /** The platform's TopicCreator reads the same prefix; local-infra does not depend on the platform. */
    private static final String STATE_TOPIC_PREFIX = "peering.state-topics.";

    /**
     * What one service's configuration says it publishes and consumes. {@code compacted} are the published
     * topics that are compacted state topics ({@code peering.state-topics.*}, ADR 0022): one record per
     * resource id, no retention.
     */
    public record ServiceTopics(
            String principal,
            Set<String> published,
            Set<String> deadLetter,
            Set<String> consumed,
            Set<String> groups,
            Set<String> compacted) {

        /** Reads the topics and groups from a service's {@code application.properties}. */
        public static ServiceTopics of(String principal, Properties config) {
            Set<String> published = new TreeSet<>();
            Set<String> deadLetter = new TreeSet<>();
            Set<String> consumed = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Set<String> compacted = new TreeSet<>();
            String outbox = config.getProperty("peering.outbox.topic");
            if (outbox != null) {
                published.add(outbox);
            }
            for (String name : config.stringPropertyNames()) {
                Matcher incoming = INCOMING.matcher(name);
                if (incoming.matches()) {
                    String channel = "mp.messaging.incoming." + incoming.group(1) + ".";
                    consumed.add(config.getProperty(name));
                    // the connector's default group is the application's name
                    groups.add(config.getProperty(
                            channel + "group.id", config.getProperty("quarkus.application.name", principal)));
                    String dlq = config.getProperty(channel + "dead-letter-queue.topic");
                    if (dlq != null) {
                        deadLetter.add(dlq);
                    }
                } else if (OUTGOING.matcher(name).matches()) {
                    published.add(config.getProperty(name));
                } else if (name.startsWith(STATE_TOPIC_PREFIX)) {
                    compacted.add(config.getProperty(name));
                }
            }
            published.addAll(compacted);
            return new ServiceTopics(principal, published, deadLetter, consumed, groups, compacted);
        }
    }

    private final List<ServiceTopics> services;

    public KafkaAccess(Collection<ServiceTopics> services) {
        this.services = List.copyOf(services);
    }

    /** Every principal that needs credentials: the services and {@value #WATCH}. */
    public List<String> principals() {
        List<String> principals =
                new ArrayList<>(services.stream().map(ServiceTopics::principal).toList());
        principals.add(WATCH);
        return principals;
    }

    /** The ACLs, all of them ALLOW from any host; whatever is not allowed is refused. */
    public List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (ServiceTopics service : services) {
            for (String topic : union(service.published(), service.deadLetter())) {
                bindings.add(
                        allow(service.principal(), ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
                bindings.add(allow(
                        service.principal(), ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE));
            }
            // its own dead-letter topics too: the operator's list and replay read them back (ADR 0018)
            for (String topic : union(service.consumed(), service.deadLetter())) {
                bindings.add(
                        allow(service.principal(), ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            }
            for (String group : service.groups()) {
                bindings.add(
                        allow(service.principal(), ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
            }
        }
        for (String topic : publishedTopics()) {
            bindings.add(allow(WATCH, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
        }
        bindings.add(allow(WATCH, ResourceType.GROUP, WATCH_GROUP_PREFIX, PatternType.PREFIXED, AclOperation.READ));
        return bindings;
    }

    /**
     * The plan as a table, one line per principal ("writes ...; reads ...; groups ..."), for the launcher to
     * print; CREATE goes with WRITE and is not repeated.
     */
    public Map<String, String> describe() {
        Map<String, Map<String, Set<String>>> byPrincipal = new LinkedHashMap<>();
        for (AclBinding binding : bindings()) {
            String column = binding.pattern().resourceType() == ResourceType.GROUP
                    ? "groups"
                    : binding.entry().operation() == AclOperation.READ
                            ? "reads"
                            : binding.entry().operation() == AclOperation.WRITE ? "writes" : null;
            if (column != null) {
                byPrincipal
                        .computeIfAbsent(
                                binding.entry().principal().substring("User:".length()),
                                p -> new TreeMap<>(Comparator.comparing(List.of("writes", "reads", "groups")::indexOf)))
                        .computeIfAbsent(column, c -> new TreeSet<>())
                        .add(binding.pattern().name()
                                + (binding.pattern().patternType() == PatternType.PREFIXED ? "*" : ""));
            }
        }
        Map<String, String> table = new LinkedHashMap<>();
        byPrincipal.forEach((principal, columns) -> {
            List<String> parts = new ArrayList<>();
            columns.forEach((column, names) -> parts.add(column + " " + String.join(", ", names)));
            table.put(principal, String.join("; ", parts));
        });
        return table;
    }

    private Set<String> publishedTopics() {
        Set<String> topics = new TreeSet<>();
        services.forEach(service -> topics.addAll(service.published()));
        return topics;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static AclBinding allow(
            String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
