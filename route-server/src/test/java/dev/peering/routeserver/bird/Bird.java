package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/** The installed BIRD for the tests that need it; where there is none they say so loudly and are skipped. */
final class Bird {

    static final String MISSING = "BIRD 2 is not installed (no bird/birdc on PATH or in /usr/sbin): the generated"
            + " configurations were NOT checked by BIRD and the router tests did NOT run."
            + " Install Debian's bird2 (apt-get install bird2; .ci/run does it in CI).";

    private static final Optional<BirdCommands> INSTALLED = BirdCommands.installed();

    private Bird() {}

    /** The installed programs, or a failed assumption with {@link #MISSING} (also printed to stderr). */
    static BirdCommands required() {
        if (INSTALLED.isEmpty()) {
            System.err.println("WARNING: " + MISSING);
        }
        assumeTrue(INSTALLED.isPresent(), MISSING);
        return INSTALLED.get();
    }
}
