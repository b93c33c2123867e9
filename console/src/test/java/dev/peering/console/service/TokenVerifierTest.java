package dev.peering.console.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.console.config.ConsoleConfig;
import dev.peering.tokens.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console trusts a token's subscriptions only when the stack's key signed it and it has not expired. */
class TokenVerifierTest {

    @TempDir
    Path keys;

    TokenVerifier verifier() throws Exception {
        Tokens.keyPairIn(keys);
        String location = keys.resolve(Tokens.PUBLIC_KEY_FILE).toUri().toString();
        // a hand-written ConsoleConfig: only the public key location is read
        ConsoleConfig config = new ConsoleConfig() {
            public String apiUrl() {
                return "http://localhost:8080";
            }

            public Duration apiTimeout() {
                return Duration.ofSeconds(1);
            }

            public String publicKeyLocation() {
                return location;
            }

            public int recentEvents() {
                return 10;
            }

            public DemoTokens demoTokens() {
                return null;
            }
        };
        return new TokenVerifier(config);
    }

    @Test
    void aTokenOfTheStacksKeyGivesItsSubscriptionsAndRole() throws Exception {
        TokenVerifier verifier = verifier();
        String token = Tokens.mint(
                Tokens.readPrivateKey(keys.resolve(Tokens.PRIVATE_KEY_FILE)),
                "u",
                List.of("s1"),
                Tokens.PEER,
                Duration.ofMinutes(5));
        SignedInUser user = verifier.verify("Bearer " + token).orElseThrow();
        assertEquals(List.of("s1"), user.subscriptions());
        assertTrue(user.sees("s1") && !user.sees("s2") && !user.operator());
    }

    @Test
    void anotherKeysTokenAnExpiredOneAndGarbageAreRefused() throws Exception {
        TokenVerifier verifier = verifier();
        KeyPair other = Tokens.newKeyPair();
        assertTrue(verifier.verify(
                        Tokens.mint(other.getPrivate(), "u", List.of("s1"), Tokens.OPERATOR, Duration.ofMinutes(5)))
                .isEmpty());
        String expired = Tokens.mint(
                Tokens.readPrivateKey(keys.resolve(Tokens.PRIVATE_KEY_FILE)),
                "u",
                List.of("s1"),
                Tokens.PEER,
                Duration.ofSeconds(-5));
        assertTrue(verifier.verify(expired).isEmpty());
        assertTrue(verifier.verify("a.b.c").isEmpty());
        assertTrue(verifier.verify(null).isEmpty());
        assertTrue(Files.exists(keys.resolve(Tokens.PUBLIC_KEY_FILE)));
    }
}
