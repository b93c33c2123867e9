package dev.peering.platform.api;

import java.sql.SQLException;

/** Whether a failure is the database being out of reach (restarting, refusing connections), not a bug. */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                            || sql.getSQLState().startsWith("57P"))) { // server shutting down or starting
                return true;
            }
        }
        return false;
    }
}
