package dev.peering.testsupport;

import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens for tests, signed by a key pair made for this test JVM; {@link TokensTestResource} gives the
 * service its public key.
 */
public final class TestTokens {

    private static Path keyDir;
    private static PrivateKey key;
    // The key the services do not trust, made once per JVM: a new RSA key pair per call was a 2048-bit prime
    // search for every operation TenancyChecks sends an invalid token to; the token is refused the same way.
    private static PrivateKey strangerKey;

    private TestTokens() {}

    static synchronized Path keyDir() {
        if (keyDir == null) {
            try {
                keyDir = Files.createTempDirectory("peering-test-keys");
                key = Tokens.keyPairIn(keyDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keyDir;
    }

    static synchronized PrivateKey key() {
        keyDir();
        return key;
    }

    private static synchronized PrivateKey strangerKey() {
        if (strangerKey == null) {
            strangerKey = Tokens.newKeyPair().getPrivate();
        }
        return strangerKey;
    }

    /** "Bearer ..." for a peer holding these subscriptions, that expires after {@code ttl}. */
    public static String peerFor(Duration ttl, String... subscriptions) {
        return "Bearer " + Tokens.mint(key(), "peer-user", List.of(subscriptions), Tokens.PEER, ttl);
    }

    /** "Bearer ..." for a peer holding these subscriptions. */
    public static String peer(String... subscriptions) {
        return "Bearer " + Tokens.mint(key(), "peer-user", List.of(subscriptions), Tokens.PEER, Duration.ofHours(1));
    }

    /** "Bearer ..." for connection-service's route-server adapter (role route-server, no subscription). */
    public static String routeServer() {
        return "Bearer "
                + Tokens.mint(key(), "connection-service", List.of(), Tokens.ROUTE_SERVER, Duration.ofHours(1));
    }

    /** Where a service finds the public key that verifies these tokens (mp.jwt.verify.publickey.location). */
    public static String publicKeyLocation() {
        return keyDir().resolve(Tokens.PUBLIC_KEY_FILE).toUri().toString();
    }

    /** The operator's token without the "Bearer " prefix, as a client takes it (--token). */
    public static String operatorToken() {
        return operator().substring("Bearer ".length());
    }

    /** "Bearer ..." for the peering operator. */
    public static String operator() {
        return "Bearer " + Tokens.mint(key(), "noc-user", List.of(), Tokens.OPERATOR, Duration.ofHours(1));
    }

    /** Tokens that must be refused with 401, by what is wrong with them. */
    public static Map<String, String> invalid(String subscription) {
        Map<String, String> bad = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        bad.put(
                "expired",
                "Bearer " + Tokens.sign(key(), claims(subscription, Tokens.ISSUER, Tokens.AUDIENCE, now - 60)));
        bad.put(
                "wrong issuer",
                "Bearer " + Tokens.sign(key(), claims(subscription, "https://elsewhere", Tokens.AUDIENCE, now + 600)));
        bad.put(
                "wrong audience",
                "Bearer " + Tokens.sign(key(), claims(subscription, Tokens.ISSUER, "another-api", now + 600)));
        bad.put(
                "signed by another key",
                "Bearer "
                        + Tokens.sign(strangerKey(), claims(subscription, Tokens.ISSUER, Tokens.AUDIENCE, now + 600)));
        String good = Tokens.mint(key(), "peer-user", List.of(subscription), Tokens.PEER, Duration.ofHours(1));
        bad.put("tampered", "Bearer " + good.substring(0, good.length() - 4) + "AAAA");
        bad.put("not a JWT", "Bearer not-a-token");
        bad.put("not bearer", "Basic dXNlcjpwYXNz");
        return bad;
    }

    private static Map<String, Object> claims(String subscription, String issuer, String audience, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", "peer-user");
        claims.put("upn", "peer-user");
        claims.put("iat", exp - 3600);
        claims.put("exp", exp);
        claims.put("groups", List.of(Tokens.PEER));
        claims.put("subscriptions", List.of(subscription));
        return claims;
    }
}
