package dev.peering.platform.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aConnectionFailureAnywhereInTheCausesIsUnavailability() {
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException("shutting down", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(new java.sql.SQLTransientConnectionException("pool exhausted")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
    }
}
