package dev.peering.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @Test
    void mintsAVerifiableTokenWithTheClaimsTheServicesRead(@TempDir Path dir) throws Exception {
        PrivateKey key = Tokens.keyPairIn(dir);
        String token = Tokens.mint(key, "alice", List.of("sub-1", "sub-2"), Tokens.PEER, Duration.ofHours(1));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        String pem = Files.readString(dir.resolve(Tokens.PUBLIC_KEY_FILE));
        byte[] der = Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));

        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(Tokens.ISSUER, claims.get("iss").asText());
        assertEquals(Tokens.AUDIENCE, claims.get("aud").asText());
        assertEquals("peer", claims.get("groups").get(0).asText());
        assertEquals("sub-2", claims.get("subscriptions").get(1).asText());
        assertTrue(claims.get("exp").asLong() > claims.get("iat").asLong());
    }

    @Test
    void theKeyPairIsKeptAndReused(@TempDir Path dir) throws Exception {
        PrivateKey first = Tokens.keyPairIn(dir);
        PrivateKey again = Tokens.keyPairIn(dir);
        assertEquals(first, again);
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(Tokens.PRIVATE_KEY_FILE))));
    }
}
