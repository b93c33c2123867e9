package dev.peering.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, with a memory of the tokens it verified ({@link VerifiedTokens}): the one that
 * Quarkus' bearer authentication calls for every request. Verification itself, and every other method, is
 * the default parser's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final DefaultJWTParser delegate;
    private final VerifiedTokens<JsonWebToken> verified;
    // what verification allows past exp (mp.jwt.verify.clock.skew); a remembered token gets no more
    private final Duration clockSkew;

    @Inject
    public CachingJwtParser(
            JWTAuthContextInfo context,
            @ConfigProperty(name = "peering.security.verified-tokens.capacity", defaultValue = "10000") int capacity,
            @ConfigProperty(name = "peering.security.verified-tokens.bound", defaultValue = "PT5M") Duration bound) {
        this.delegate = new DefaultJWTParser(context);
        // as DefaultJWTTokenParser allows it: the deprecated grace if set, else mp.jwt.verify.clock.skew
        this.clockSkew = Duration.ofSeconds(
                context.getExpGracePeriodSecs() > 0
                        ? context.getExpGracePeriodSecs()
                        : Math.max(context.getClockSkew(), 0));
        this.verified = new VerifiedTokens<>(capacity, bound, Clock.systemUTC());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = verified.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = delegate.parse(token);
        long exp = jwt.getExpirationTime();
        verified.put(token, jwt, exp > 0 ? Instant.ofEpochSecond(exp).plus(clockSkew) : null);
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
