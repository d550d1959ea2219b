package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.LockException;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ErrorKind;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/** Maps what Hibernate, HikariCP and JDBC throw to the library's exception types, using the driver's classification. */
final class ErrorTranslator {
    private final String dataSource;
    private final DriverPlugin driver;

    ErrorTranslator(String dataSource, DriverPlugin driver) {
        this.dataSource = dataSource;
        this.driver = driver;
    }

    RuntimeException translate(RuntimeException e) {
        // The library's own errors, and the application's (thrown from a transaction callback), pass unchanged.
        if (e instanceof IgnisException || !fromPersistenceLayer(e)) {
            return e;
        }
        SQLException sql = findSqlException(e);
        if (sql instanceof SQLTransientConnectionException || e instanceof JDBCConnectionException && sql == null) {
            return new DataSourceUnavailableException(dataSource, messageOf(sql != null ? sql : e), e);
        }
        if (sql != null) {
            ErrorKind kind = driver.classify(sql.getSQLState(), sql.getErrorCode());
            switch (kind) {
                case CONFLICT:
                    return new ConflictException(dataSource, sql.getSQLState(), messageOf(sql), e);
                case UNAVAILABLE:
                    return new DataSourceUnavailableException(dataSource, messageOf(sql), e);
                case LOCK:
                    return new LockException(dataSource, null, sql.getSQLState(), messageOf(sql), e);
                case REJECTED_VALUE:
                    return new FilterException("where", "datasource " + dataSource + " could not evaluate a value of this filter: "
                            + messageOf(sql));
                default:
                    break;
            }
            if (e instanceof JDBCConnectionException || connectionLost(e)) {
                return new DataSourceUnavailableException(dataSource, messageOf(sql), e);
            }
            return new IgnisException("Statement on datasource " + dataSource + " failed (SQLState " + sql.getSQLState() + "): " + messageOf(sql), e);
        }
        return new IgnisException("Operation on datasource " + dataSource + " failed: " + messageOf(e), e);
    }

    /**
     * A failure seen again once its transaction was rolled back: when the rollback itself found the connection gone,
     * a generic statement failure is really the datasource going away.
     */
    RuntimeException afterRollback(RuntimeException e) {
        if (e.getClass() == IgnisException.class && connectionLost(e)) {
            return new DataSourceUnavailableException(dataSource, messageOf(e), e);
        }
        return translate(e);
    }

    /**
     * Whether a connection-class error (SQLState 08) stands anywhere in the chain or among suppressed exceptions
     * (a failed rollback). Connector/J, cut off mid-batch, reports "statement closed" (S1009) first and the lost
     * connection only on the rollback.
     */
    private boolean connectionLost(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException s && driver.classify(s.getSQLState(), s.getErrorCode()) == ErrorKind.UNAVAILABLE) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.push(suppressed);
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.push(s.getNextException());
            }
        }
        return false;
    }

    private static boolean fromPersistenceLayer(Throwable e) {
        return e instanceof org.hibernate.HibernateException || e instanceof jakarta.persistence.PersistenceException
                || findSqlException(e) != null;
    }

    private static SQLException findSqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
