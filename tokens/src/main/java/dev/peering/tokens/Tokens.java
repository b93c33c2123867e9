package dev.peering.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bearer tokens of the control plane: RS256 JWTs with the issuer and audience the services check,
 * a {@code subscriptions} claim (the subscriptions the holder may act on) and a {@code groups} claim
 * with its role, {@code peer} or {@code operator}.
 */
public final class Tokens {

    public static final String ISSUER = "https://peering-control-plane.local/issuer";
    public static final String AUDIENCE = "peering-api";
    public static final String PEER = "peer";
    public static final String OPERATOR = "operator";
    /** connection-service's route-server adapter, pulling MD5 keys from peering-service (ADR 0014). */
    public static final String ROUTE_SERVER = "route-server";

    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {}

    /** A new 2048-bit RSA key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /**
     * The key pair kept in {@code dir}, made on first use; the private key file is readable by its
     * owner only.
     */
    public static PrivateKey keyPairIn(Path dir) throws IOException {
        Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(privateKey)) {
            Files.createDirectories(dir);
            KeyPair pair = newKeyPair();
            Files.writeString(
                    dir.resolve(PUBLIC_KEY_FILE),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            return pair.getPrivate();
        }
        return readPrivateKey(privateKey);
    }

    public static PrivateKey readPrivateKey(Path pemFile) throws IOException {
        String base64 =
                Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pemFile + " is not a PKCS#8 RSA private key", e);
        }
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** A token for {@code subject} acting on {@code subscriptions} with {@code role}, valid for {@code ttl}. */
    public static String mint(PrivateKey key, String subject, List<String> subscriptions, String role, Duration ttl) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("groups", List.of(role));
        claims.put("subscriptions", subscriptions);
        return sign(key, claims);
    }

    /** Signs any claims with RS256; tests use it to make tokens that must be refused. */
    public static String sign(PrivateKey key, Map<String, Object> claims) {
        try {
            String header = URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
