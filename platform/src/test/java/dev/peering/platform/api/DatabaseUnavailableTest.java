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

    /** As the fault suite met it: the postmaster killed (kill -9) while a consumer's transaction committed. */
    @Test
    void aCommitThatMetACrashingServerIsUnavailability() {
        jakarta.transaction.RollbackException commit =
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException(
                "Error trying to transactionCommit local transaction: FATAL: terminating connection due to"
                        + " unexpected postmaster exit");
        xa.initCause(new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(commit)));
    }

    /** As the 1,000-workflow fault run met it: every pooled connection busy while PostgreSQL restarted. */
    @Test
    void thePoolsAcquisitionTimeoutIsUnavailability() {
        SQLException agroal = new SQLException("Sorry, acquisition timeout!");
        agroal.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.agroal.pool.ConnectionPool", "waitAvailableHandler", "ConnectionPool.java", 437)
        });
        assertTrue(DatabaseUnavailable.causedBy(
                new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection", agroal)));
        // The same words from elsewhere are not the pool's.
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
        RuntimeException withSuppressed = new RuntimeException("rolled back");
        withSuppressed.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseUnavailable.causedBy(withSuppressed));
    }
}
