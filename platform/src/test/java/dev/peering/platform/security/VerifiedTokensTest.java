package dev.peering.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        MovableClock clock = new MovableClock();
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(5), clock);
        tokens.put("a.b.c", "claims", T0.plusSeconds(60));
        assertEquals(Optional.of("claims"), tokens.get("a.b.c"));
        clock.now = T0.plusSeconds(59);
        assertEquals(Optional.of("claims"), tokens.get("a.b.c"));
        clock.now = T0.plusSeconds(60);
        assertEquals(Optional.empty(), tokens.get("a.b.c"), "a token is never trusted at or past its exp");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheBound() {
        MovableClock clock = new MovableClock();
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(5), clock);
        tokens.put("a.b.c", "claims", T0.plus(Duration.ofHours(12)));
        clock.now = T0.plus(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), tokens.get("a.b.c"), "the bound caps trust after a key change");
    }

    @Test
    void onlyTheSameTextIsKnown() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(5), new MovableClock());
        tokens.put("a.b.c", "claims", T0.plusSeconds(60));
        assertEquals(Optional.empty(), tokens.get("a.b.d"), "another signature is another token");
        assertEquals(Optional.empty(), tokens.get("a.b.c "));
    }

    @Test
    void aTokenWithoutExpiryIsNotRemembered() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(5), new MovableClock());
        tokens.put("a.b.c", "claims", null);
        assertEquals(Optional.empty(), tokens.get("a.b.c"));
    }

    @Test
    void memoryStaysWithinTheCapacityAndZeroTurnsItOff() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(100, Duration.ofMinutes(5), new MovableClock());
        for (int i = 0; i < 1_000; i++) {
            tokens.put("token-" + i, "claims", T0.plusSeconds(60));
            assertTrue(tokens.size() <= 100);
        }
        VerifiedTokens<String> off = new VerifiedTokens<>(0, Duration.ofMinutes(5), new MovableClock());
        off.put("a.b.c", "claims", T0.plusSeconds(60));
        assertEquals(Optional.empty(), off.get("a.b.c"));
    }
}
