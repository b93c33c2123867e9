package dev.peering.platform.api;

import java.sql.SQLException;

/** Whether a failure is the database being out of reach (restarting, refusing connections), not a bug. */
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
        return t instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") // connection exception
                        || sql.getSQLState().startsWith("57P")); // server shutting down or starting
    }
}
