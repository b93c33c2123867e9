package dev.peering.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time every schedule of a service is computed and compared with. Tests replace it to let
 * hours pass in an instant rather than shorten the delays they check.
 */
@ApplicationScoped
public class TimeSource {

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
