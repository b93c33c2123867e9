package dev.peering.registration;

import dev.peering.testsupport.AdjustableTimeSource;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's clock in tests: the prefix validation delay (as in production) passes at a call. */
@Mock
@ApplicationScoped
public class TestClock extends AdjustableTimeSource {}
