package dev.peering.testsupport;

import dev.peering.platform.time.TimeSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link TimeSource} a test moves forward. A service's test declares it as its clock with a
 * subclass annotated {@code @io.quarkus.test.Mock @ApplicationScoped}.
 */
public class AdjustableTimeSource extends TimeSource {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Override
    public OffsetDateTime now() {
        return super.now().plus(OFFSET.get());
    }

    /** Lets {@code duration} pass at once, for every bean of the application. */
    public static void advance(Duration duration) {
        OFFSET.updateAndGet(d -> d.plus(duration));
    }
}
