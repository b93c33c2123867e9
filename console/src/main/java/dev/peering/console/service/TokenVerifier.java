package dev.peering.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.console.config.ConsoleConfig;
import dev.peering.tokens.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks a bearer token as the services do (RS256 with the stack's public key, issuer, audience, expiry)
 * before the console trusts its claims: the subscriptions in it decide which live events a page receives,
 * so a forged token must not pass here even though the APIs would refuse it anyway.
 */
@ApplicationScoped
public class TokenVerifier {

    private final ObjectMapper json = new ObjectMapper();
    private final ConsoleConfig config;
    private volatile PublicKey key;

    public TokenVerifier(ConsoleConfig config) {
        this.config = config;
    }

    /** The user of a valid token; empty for anything else (bad signature, expired, another issuer). */
    public Optional<SignedInUser> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String bare = token.strip();
        if (bare.regionMatches(true, 0, "Bearer ", 0, 7)) {
            bare = bare.substring(7).strip();
        }
        String[] parts = bare.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            JsonNode header = json.readTree(url.decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(url.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = json.readTree(url.decode(parts[1]));
            Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong(0));
            if (!Tokens.ISSUER.equals(claims.path("iss").asText())
                    || !audience(claims).contains(Tokens.AUDIENCE)
                    || !Instant.now().isBefore(expiresAt)) {
                return Optional.empty();
            }
            List<String> subscriptions = new ArrayList<>();
            claims.path("subscriptions").forEach(s -> subscriptions.add(s.asText()));
            String role = claims.path("groups").path(0).asText(Tokens.PEER);
            return Optional.of(
                    new SignedInUser(bare, claims.path("sub").asText(), role, List.copyOf(subscriptions), expiresAt));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> values = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> values.add(a.asText()));
        } else {
            values.add(aud.asText());
        }
        return values;
    }

    private PublicKey publicKey() throws IOException, GeneralSecurityException {
        PublicKey loaded = key;
        if (loaded == null) {
            String location = config.publicKeyLocation();
            Path file = location.startsWith("file:/")
                    ? Path.of(URI.create(location))
                    : Path.of(location.replaceFirst("^file:", ""));
            String pem = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            loaded = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            key = loaded;
        }
        return loaded;
    }
}
