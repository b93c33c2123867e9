package dev.peering.faultsuite.stack;

import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code Authorization} header of every request the suite sends: an operator's token, which acts
 * on every subscription, signed by the key pair the stack keeps in {@code <data-dir>/keys} (the same
 * layout as the local stack's).
 */
public final class OperatorTokens implements Supplier<String> {

    private static final Duration TTL = Duration.ofHours(2);

    private final PrivateKey key;
    private volatile String header;
    private volatile Instant renewAt = Instant.MIN;

    private OperatorTokens(PrivateKey key) {
        this.key = key;
    }

    /** Makes the key pair in {@code keyDir} and returns the tokens it signs. */
    static OperatorTokens createIn(Path keyDir) throws IOException {
        return new OperatorTokens(Tokens.keyPairIn(keyDir));
    }

    static Path publicKey(Path keyDir) {
        return keyDir.resolve(Tokens.PUBLIC_KEY_FILE);
    }

    @Override
    public String get() {
        if (Instant.now().isAfter(renewAt)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAt)) {
                    header = "Bearer " + Tokens.mint(key, "fault-suite", List.of(), Tokens.OPERATOR, TTL);
                    renewAt = Instant.now().plus(TTL.dividedBy(2));
                }
            }
        }
        return header;
    }
}
