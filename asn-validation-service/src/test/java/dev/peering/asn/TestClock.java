package dev.peering.asn;

import dev.peering.testsupport.AdjustableTimeSource;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's clock in tests: the approval delay (12 hours, as in production) passes at a call. */
@Mock
@ApplicationScoped
public class TestClock extends AdjustableTimeSource {}
