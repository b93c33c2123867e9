package dev.peering.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArmExceptionMappersTest {

    /** As the 1,000-workflow fault run met it: a client that gave up while its PUT body was being read. */
    @Test
    void aClientThatClosedTheConnectionMidBodyIsABadRequestNotAServerFailure() {
        IOException reading = new IOException(new IOException(new HttpClosedException("Connection was closed")));

        assertEquals(400, new ArmExceptionMappers().unexpected(reading).getStatus());
    }

    @Test
    void anythingElseUnknownIsStillAServerFailure() {
        assertEquals(
                500,
                new ArmExceptionMappers()
                        .unexpected(new IllegalStateException("a bug"))
                        .getStatus());
    }
}
