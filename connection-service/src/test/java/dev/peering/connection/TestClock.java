package dev.peering.connection;

import dev.peering.testsupport.AdjustableTimeSource;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's clock in tests: a provisioning step delay passes at a call. */
@Mock
@ApplicationScoped
public class TestClock extends AdjustableTimeSource {}
