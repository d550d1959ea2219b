package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.repository.RowLock;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.model.ModelDescriptor;
import org.hibernate.StatelessSession;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A row lock on the root select of a read, as the driver renders it: checked and rendered before any statement
 * (inside a transaction of the owning datasource, a lock the database can honour), then appended to the root SQL.
 */
final class RootLock {
    private final StartedDataSource dataSource;
    private final RowLock lock;
    private final String clause;
    private final Optional<String> before;

    private RootLock(StartedDataSource dataSource, RowLock lock) {
        this.dataSource = dataSource;
        this.lock = lock;
        this.clause = dataSource.driver().lockClause(lock);
        this.before = dataSource.driver().lockTimeoutStatement(lock);
    }

    /**
     * The checked lock of a read, or null for none. The executor asks for it before the plan's first statement (key
     * lookups included), so a lock outside a transaction or one the database cannot honour runs no SQL.
     */
    static RootLock of(StartedDataSource dataSource, ModelDescriptor model, RowLock lock) {
        if (lock == null) {
            return null;
        }
        if (!dataSource.inOwnTransaction()) {
            throw new TransactionException("A read of " + model.name() + " with lock " + lock + " needs a transaction of datasource "
                    + dataSource.name() + " (dataSource.transaction(...)): a row lock lasts until its transaction ends");
        }
        return new RootLock(dataSource, lock);
    }

    /** Reads that return no rows of their own (counts, pages with totals) take no lock. */
    static void refuse(RowLock lock, String operation) {
        if (lock != null) {
            throw new FilterException("lock", operation + " takes no row lock; lock rows with find, findOne or findById");
        }
    }

    /** Runs the root select with the lock; {@code asStatement} reports each statement (the lock timeout setting too). */
    List<Object[]> select(StatelessSession session, String hql, QueryParameters params, int limit, int skip,
                          Function<Supplier<List<Object[]>>, List<Object[]>> asStatement) {
        before.ifPresent(sql -> asStatement.apply(() -> {
            session.createNativeMutationQuery(sql).executeUpdate();
            return List.of();
        }));
        List<Object[]> rows = asStatement.apply(() -> dataSource.selectLocked(session, hql, params, limit, skip, clause));
        if (rows == null) {
            throw new UnsupportedOperatorException("lock", lock.toString(), dataSource.driver().name(),
                    "this query shape runs through Hibernate's query API, which cannot carry the driver's lock clause");
        }
        return rows;
    }
}
