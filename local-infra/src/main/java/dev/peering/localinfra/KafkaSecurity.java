package dev.peering.localinfra;

import dev.peering.core.KafkaClientSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * What a SASL_SSL broker of the local stack needs, kept in {@code <data>/kafka-security/}: the TLS
 * material ({@link KafkaCertificates}), one SCRAM-SHA-512 password per principal in {@code
 * credentials.properties} (made at first start, readable by the owner only), and for each principal a
 * ready Kafka client file {@code clients/<principal>.properties}. The principal {@value #ADMIN} is the
 * broker's own (inter-broker and controller) and the only super user; the others get only what the
 * stack's ACLs give them.
 */
public final class KafkaSecurity {

    public static final String DIR = "kafka-security";
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_SSL";
    static final String CREDENTIALS = "credentials.properties";
    static final String FORMATTED_CLUSTER = "formatted-cluster-id";
    private static final String STORE_PASSWORD = "ssl.store.password";
    private static final String PASSWORD_OF = "password.";

    private final Path dir;
    private final String storePassword;
    private final Map<String, String> passwords;

    private KafkaSecurity(Path dir, String storePassword, Map<String, String> passwords) {
        this.dir = dir;
        this.storePassword = storePassword;
        this.passwords = passwords;
    }

    /**
     * Reads the credentials and certificates under {@code dataDir}, making what is missing: a password for
     * each of {@code principals} (and {@value #ADMIN}) not known yet, the certificates on first start.
     */
    public static KafkaSecurity prepare(Path dataDir, Collection<String> principals) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve(DIR));
        Path file = dir.resolve(CREDENTIALS);
        Properties credentials = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                credentials.load(reader);
            }
        }
        int known = credentials.size();
        credentials.putIfAbsent(STORE_PASSWORD, newPassword());
        Set<String> all = new TreeSet<>(principals);
        all.add(ADMIN);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : all) {
            if (!principal.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException(
                        "a principal's name is lower-case letters, digits and '-': " + principal);
            }
            credentials.putIfAbsent(PASSWORD_OF + principal, newPassword());
            passwords.put(principal, credentials.getProperty(PASSWORD_OF + principal));
        }
        if (credentials.size() != known) {
            writeOwnerOnly(file, credentials);
        }
        String storePassword = credentials.getProperty(STORE_PASSWORD);
        if (!KafkaCertificates.existIn(dir)) {
            KafkaCertificates.create(dir, storePassword.toCharArray());
        }
        return new KafkaSecurity(dir, storePassword, passwords);
    }

    public Path dir() {
        return dir;
    }

    /** The principals with a password, {@value #ADMIN} among them. */
    public Set<String> principals() {
        return passwords.keySet();
    }

    /** Records that the broker's log folder of {@code clusterId} was formatted with these credentials. */
    void formatted(String clusterId) throws IOException {
        Files.writeString(dir.resolve(FORMATTED_CLUSTER), clusterId + "\n");
    }

    /**
     * True when the log folder of {@code clusterId} was formatted with these credentials; false for one
     * formatted for a plaintext broker, which holds no SCRAM credential at all.
     */
    boolean formattedWith(String clusterId) throws IOException {
        Path file = dir.resolve(FORMATTED_CLUSTER);
        return Files.exists(file) && Files.readString(file).trim().equals(clusterId);
    }

    /** The client settings of {@code principal}: SASL_SSL, SCRAM-SHA-512 with its password, the stack's CA. */
    public KafkaClientSettings clientSettings(String principal, String bootstrapServers) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no credentials for principal " + principal + " in " + dir);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(KafkaClientSettings.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put("security.protocol", PROTOCOL);
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", principal));
        settings.putAll(trustStore());
        return KafkaClientSettings.of(settings);
    }

    /**
     * Writes {@code clients/<principal>.properties} for every principal, with today's broker address: a
     * file {@code ./peering watch --kafka-config}, {@code kafka-console-consumer --consumer.config} or a
     * test reads as is.
     */
    public void writeClientFiles(String bootstrapServers) throws IOException {
        Path clients = Files.createDirectories(dir.resolve("clients"));
        for (String principal : principals()) {
            Properties file = new Properties();
            file.putAll(clientSettings(principal, bootstrapServers).asMap());
            writeOwnerOnly(clients.resolve(principal + ".properties"), file);
        }
    }

    /** The lines of {@code server.properties} for a SASL_SSL listener and an authenticated controller. */
    List<String> brokerProperties(int port, int controllerPort) {
        List<String> lines = new ArrayList<>(List.of(
                "listeners=SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=SASL_SSL://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_SSL",
                // The controller listener stays on localhost without TLS, but authenticated (PLAIN, whose
                // users live in this file: SCRAM users live in the metadata the controller serves).
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_SSL:SASL_SSL",
                "sasl.enabled.mechanisms=" + MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config="
                        + jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ADMIN),
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config="
                        + jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN)
                                .replace(";", " user_" + ADMIN + "=\"" + passwords.get(ADMIN) + "\";"),
                "ssl.keystore.location=" + dir.resolve(KafkaCertificates.BROKER_KEYSTORE),
                "ssl.keystore.password=" + storePassword,
                "ssl.key.password=" + storePassword,
                "ssl.keystore.type=" + KafkaCertificates.STORE_TYPE,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN,
                "allow.everyone.if.no.acl.found=false"));
        trustStore().forEach((name, value) -> lines.add(name + "=" + value));
        return lines;
    }

    /** The arguments of {@code kafka-storage format} that store every principal's SCRAM credentials. */
    List<String> formatArguments() {
        List<String> arguments = new ArrayList<>();
        passwords.forEach((principal, password) -> {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + principal + ",password=" + password + "]");
        });
        return arguments;
    }

    /**
     * Through the broker's admin client: stores the SCRAM credentials of principals added after the broker
     * was formatted, then creates the ACLs of {@code access} (creating one that exists changes nothing).
     */
    public void grant(KafkaClientSettings admin, KafkaAccess access, Duration timeout)
            throws IOException, InterruptedException {
        Map<String, Object> config = admin.clientProperties();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin client = Admin.create(config)) {
            Set<String> known = new TreeSet<>(
                    client.describeUserScramCredentials().users().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            List<UserScramCredentialAlteration> missing = new ArrayList<>();
            passwords.forEach((principal, password) -> {
                if (!known.contains(principal)) {
                    missing.add(new UserScramCredentialUpsertion(
                            principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
                }
            });
            if (!missing.isEmpty()) {
                client.alterUserScramCredentials(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            List<AclBinding> bindings = access.bindings();
            client.createAcls(bindings).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The controller has committed them; the broker authorises with them once it has read them too.
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!client.describeAcls(AclBindingFilter.ANY)
                    .values()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .containsAll(bindings)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the broker did not apply its ACLs within " + timeout);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot store the credentials and ACLs of the secured broker: " + e, e);
        }
    }

    String password(String principal) {
        return passwords.get(principal);
    }

    private Map<String, String> trustStore() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(
                "ssl.truststore.location",
                dir.resolve(KafkaCertificates.TRUSTSTORE).toString());
        settings.put("ssl.truststore.password", storePassword);
        settings.put("ssl.truststore.type", KafkaCertificates.STORE_TYPE);
        return settings;
    }

    private String jaas(String loginModule, String principal) {
        return loginModule + " required username=\"" + principal + "\" password=\"" + passwords.get(principal) + "\";";
    }

    /** Hex, so that it needs no quoting in JAAS, in {@code --add-scram} or in an environment variable. */
    private static String newPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void writeOwnerOnly(Path file, Properties properties) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "made by the local stack; not to be committed");
        }
    }
}
