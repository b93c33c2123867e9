package dev.peering.peerings;

import dev.peering.testsupport.AdjustableTimeSource;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's clock in tests: the PeerAsn arrival timeout (10 minutes, as in production) passes at a call. */
@Mock
@ApplicationScoped
public class TestClock extends AdjustableTimeSource {}
