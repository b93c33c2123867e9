package dev.peering.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims were verified, remembered until the earlier of their expiry and
 * a bound, so that a client's next request with the same token costs a map lookup instead of an RSA
 * verification (measured: RSA verification was ~30% of peering-service's CPU under the benchmark's load).
 *
 * <p>The key is the whole token text: only the very same bytes that were verified are taken on trust.
 * An entry past its token's {@code exp} is never returned. The bound caps how long a token stays trusted
 * after the verification key changed; at {@code capacity} entries the cache starts over (a client pays
 * one verification again), so memory stays bounded whatever clients send.
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T token, Instant until) {}

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration bound;
    private final Clock clock;

    public VerifiedTokens(int capacity, Duration bound, Clock clock) {
        this.capacity = capacity;
        this.bound = bound;
        this.clock = clock;
    }

    /** The verified token for this text, if it was verified and neither it nor its entry has expired. */
    public Optional<T> get(String text) {
        if (capacity <= 0) {
            return Optional.empty();
        }
        Entry<T> entry = entries.get(text);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(text, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /**
     * Remembers a token that was just verified, until {@code expiresAt} (its {@code exp}) or the bound,
     * whichever comes first; a token without an expiry is not remembered.
     */
    public void put(String text, T token, Instant expiresAt) {
        if (capacity <= 0 || expiresAt == null) {
            return;
        }
        Instant until = clock.instant().plus(bound);
        if (expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(text, new Entry<>(token, until));
    }

    int size() {
        return entries.size();
    }
}
