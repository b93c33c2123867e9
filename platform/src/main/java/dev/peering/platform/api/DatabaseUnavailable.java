package dev.peering.platform.api;

import java.sql.SQLException;

/**
 * Whether a failure is the database being out of reach (restarting, refusing connections, or no pooled
 * connection free within the pool's acquisition timeout), not a bug.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /**
     * Whether {@code e}, one of its causes, or an exception suppressed along the way says the database is
     * out of reach. A commit that meets a crashing server fails as a {@code RollbackException} whose own
     * cause chain is empty: the driver's exception is suppressed in it, under the XA layer's.
     */
    public static boolean causedBy(Throwable e) {
        return causedBy(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean causedBy(Throwable e, java.util.Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (unavailable(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedBy(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLRecoverableException) {
            return true;
        }
        if (poolAcquisitionTimeout(t)) {
            return true;
        }
        return t instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") // connection exception
                        || sql.getSQLState().startsWith("57P")); // server shutting down or starting
    }

    /**
     * Agroal's "Sorry, acquisition timeout!": every pooled connection stayed busy (or could not be opened)
     * for the whole acquisition timeout, as while the database restarts under load. Agroal throws a plain
     * {@link SQLException} without a SQL state, so it is recognised by where it was thrown.
     */
    private static boolean poolAcquisitionTimeout(Throwable t) {
        if (!(t instanceof SQLException) || ((SQLException) t).getSQLState() != null) {
            return false;
        }
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0
                && trace[0].getClassName().startsWith("io.agroal.")
                && String.valueOf(t.getMessage()).contains("acquisition timeout");
    }
}
