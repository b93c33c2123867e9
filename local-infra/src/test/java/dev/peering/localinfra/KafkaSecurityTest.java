package dev.peering.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.KafkaClientSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured broker's material, made in a data folder without a broker. */
class KafkaSecurityTest {

    @TempDir
    Path dataDir;

    @Test
    void theBrokersCertificateIsSignedByTheStacksOwnAuthorityForLocalhost() throws Exception {
        KafkaSecurity security = KafkaSecurity.prepare(dataDir, List.of("peering-service"));
        Path dir = dataDir.resolve(KafkaSecurity.DIR);
        char[] password = security.clientSettings("peering-service", "localhost:1")
                .asMap()
                .get("ssl.truststore.password")
                .toCharArray();

        KeyStore trust = load(dir.resolve(KafkaCertificates.TRUSTSTORE), password);
        X509Certificate ca =
                (X509Certificate) trust.getCertificate(trust.aliases().nextElement());
        KeyStore broker = load(dir.resolve(KafkaCertificates.BROKER_KEYSTORE), password);
        Certificate[] chain = broker.getCertificateChain("broker");
        X509Certificate leaf = (X509Certificate) chain[0];

        assertEquals(1, trust.size(), "the trust store holds the authority alone");
        assertTrue(ca.getBasicConstraints() >= 0, "the authority may sign");
        leaf.verify(ca.getPublicKey());
        assertEquals(-1, leaf.getBasicConstraints(), "the broker's certificate signs nothing");
        assertTrue(
                leaf.getSubjectAlternativeNames().stream()
                        .anyMatch(name -> name.get(1).equals("localhost")),
                "clients check the host name");
        assertTrue(Files.readString(dir.resolve(KafkaCertificates.CA_CERTIFICATE))
                .startsWith("-----BEGIN CERTIFICATE-----"));
        // the authority's private key is not kept: nothing else can be issued in its name
        try (var files = Files.list(dir)) {
            assertEquals(
                    Set.of(
                            KafkaCertificates.TRUSTSTORE,
                            KafkaCertificates.BROKER_KEYSTORE,
                            KafkaCertificates.CA_CERTIFICATE,
                            KafkaSecurity.CREDENTIALS),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void credentialsAreMadeOnceReadableByTheOwnerAloneAndKeptAcrossStarts() throws Exception {
        KafkaSecurity first = KafkaSecurity.prepare(dataDir, List.of("peering-service"));
        KafkaSecurity second = KafkaSecurity.prepare(dataDir, List.of("peering-service", "watch"));

        first.formatted("cluster-1");
        assertTrue(second.formattedWith("cluster-1"));
        assertFalse(second.formattedWith("a-plaintext-cluster"));
        assertEquals(first.password("peering-service"), second.password("peering-service"));
        assertEquals(first.password(KafkaSecurity.ADMIN), second.password(KafkaSecurity.ADMIN));
        assertEquals(Set.of("admin", "peering-service", "watch"), second.principals());
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        dataDir.resolve(KafkaSecurity.DIR).resolve(KafkaSecurity.CREDENTIALS))));
    }

    @Test
    void eachPrincipalGetsAClientFileWithItsOwnPasswordAndTheStacksTrustStore() throws Exception {
        KafkaSecurity security = KafkaSecurity.prepare(dataDir, List.of("connection-service"));
        security.writeClientFiles("localhost:19092");

        KafkaClientSettings client = KafkaClientSettings.load(
                dataDir.resolve(KafkaSecurity.DIR).resolve("clients/connection-service.properties"));

        Map<String, String> settings = client.asMap();
        assertEquals("localhost:19092", settings.get("bootstrap.servers"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
        assertEquals(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"connection-service\""
                        + " password=\"" + security.password("connection-service") + "\";",
                settings.get("sasl.jaas.config"));
        assertEquals(
                dataDir.resolve(KafkaSecurity.DIR)
                        .resolve(KafkaCertificates.TRUSTSTORE)
                        .toString(),
                settings.get("ssl.truststore.location"));
        assertTrue(Files.exists(dataDir.resolve(KafkaSecurity.DIR).resolve("clients/admin.properties")));
    }

    @Test
    void theBrokerAuthorisesEveryRequestAndNamesOnlyItsOwnPrincipal() throws Exception {
        KafkaSecurity security = KafkaSecurity.prepare(dataDir, List.of("peering-service"));

        List<String> lines = security.brokerProperties(19092, 19093);

        assertTrue(
                lines.contains("listeners=SASL_SSL://localhost:19092,CONTROLLER://localhost:19093"), lines.toString());
        assertTrue(lines.contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer"));
        assertTrue(lines.contains("super.users=User:admin"));
        assertTrue(lines.contains("allow.everyone.if.no.acl.found=false"));
        assertFalse(String.join("\n", lines).contains(security.password("peering-service")), "a service's password");
        assertEquals(
                List.of(
                        "--add-scram",
                        "SCRAM-SHA-512=[name=admin,password=" + security.password("admin") + "]",
                        "--add-scram",
                        "SCRAM-SHA-512=[name=peering-service,password=" + security.password("peering-service") + "]"),
                security.formatArguments());
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance(KafkaCertificates.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
