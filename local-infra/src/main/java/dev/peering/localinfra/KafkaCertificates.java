package dev.peering.localinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS material of a secured local broker, made once into its data folder: a certificate authority
 * of its own, the broker's key and certificate (for {@code localhost} and {@code 127.0.0.1}) signed by it,
 * and a trust store holding only that authority, which every client of the stack is given. The
 * authority's private key is thrown away once it has signed, so nothing else can be issued with it; a
 * new certificate takes a new data folder. Nothing of this is committed: the data folder is git-ignored.
 */
public final class KafkaCertificates {

    public static final String BROKER_KEYSTORE = "broker.p12";
    public static final String TRUSTSTORE = "truststore.p12";
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String STORE_TYPE = "PKCS12";

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String SIGNATURE = "SHA256withECDSA";

    private KafkaCertificates() {}

    /** True when {@code dir} holds the broker's key store and the trust store. */
    public static boolean existIn(Path dir) {
        return Files.isRegularFile(dir.resolve(BROKER_KEYSTORE)) && Files.isRegularFile(dir.resolve(TRUSTSTORE));
    }

    /**
     * Writes {@link #BROKER_KEYSTORE}, {@link #TRUSTSTORE} (both PKCS12, protected by {@code storePassword})
     * and {@link #CA_CERTIFICATE} (PEM, for clients such as kcat) into {@code dir}.
     */
    public static void create(Path dir, char[] storePassword) throws IOException {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair brokerKeys = generator.generateKeyPair();
            X500Name caName = new X500Name("CN=peering local stack CA");
            X509Certificate ca = sign(caName, caName, caKeys.getPublic(), caKeys, true);
            X509Certificate broker = sign(caName, new X500Name("CN=localhost"), brokerKeys.getPublic(), caKeys, false);

            KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
            keyStore.load(null, storePassword);
            keyStore.setKeyEntry("broker", brokerKeys.getPrivate(), storePassword, new Certificate[] {broker, ca});
            store(keyStore, dir.resolve(BROKER_KEYSTORE), storePassword);

            KeyStore trustStore = KeyStore.getInstance(STORE_TYPE);
            trustStore.load(null, storePassword);
            trustStore.setCertificateEntry("peering-local-ca", ca);
            store(trustStore, dir.resolve(TRUSTSTORE), storePassword);

            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(dir.resolve(CA_CERTIFICATE), pem);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the broker's certificates in " + dir + ": " + e, e);
        }
    }

    private static X509Certificate sign(
            X500Name issuer, X500Name subject, PublicKey subjectKey, KeyPair issuerKeys, boolean authority)
            throws CertIOException, OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                // a day back, so a clock a little behind still accepts it
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            // clients check the host name (ssl.endpoint.identification.algorithm=https, Kafka's default)
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
        }
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKeys.getPrivate())));
    }

    private static void store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
