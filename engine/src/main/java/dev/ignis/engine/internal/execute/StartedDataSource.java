package dev.ignis.engine.internal.execute;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.datasource.TransactionCallback;
import dev.ignis.api.error.LockException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.runtime.DataSourceRuntime;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.runtime.RepositoryOperations;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.model.ModelDescriptor;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.engine.internal.route.ReadRoute;
import dev.ignis.engine.internal.route.Replica;
import dev.ignis.engine.internal.route.ReplicaRouter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A running datasource: its pool, its SessionFactory, its models, and the sessions and transactions on them. */
public final class StartedDataSource implements DataSourceRuntime {
    /** Query shapes kept per datasource; a filter language yields few shapes per model, so this is rarely reached. */
    private static final int SELECT_PLAN_CAPACITY = 4096;

    /** The {@code limit} of {@link #select} that leaves the rows unlimited. */
    public static final int NO_LIMIT = -1;

    private final String name;
    private final DriverPlugin driver;
    private final HikariDataSource pool;
    private final ReplicaRouter replicas;
    private final SessionFactoryImplementor sessionFactory;
    private final Map<Class<?>, ModelDescriptor> models;
    private final EngineSettings settings;
    private final QueryCompiler compiler;
    private final ErrorTranslator errors;
    private final Observation observation;
    private final Map<Class<?>, ModelOperations<?, ?>> operations = new ConcurrentHashMap<>();
    private final SelectPlans selects;
    /** Where statements on the primary run, as their reports name it. */
    private final Observation.Target primaryTarget;
    private volatile boolean closed;
    private volatile ReadExecutor reads;

    /** Where a datasource's connections come from: the primary's pool, and the replicas reads may use instead. */
    public record Connections(HikariDataSource primary, ReplicaRouter replicas) {
    }

    public StartedDataSource(String name, DriverPlugin driver, Connections connections, SessionFactoryImplementor sessionFactory,
                             Map<Class<?>, ModelDescriptor> models, EngineSettings settings, Observation observation) {
        this.name = name;
        this.driver = driver;
        this.pool = connections.primary();
        this.replicas = connections.replicas();
        this.sessionFactory = sessionFactory;
        this.models = Map.copyOf(models);
        this.settings = settings;
        this.compiler = new QueryCompiler(driver);
        this.errors = new ErrorTranslator(name, driver);
        this.observation = observation;
        this.selects = new SelectPlans(sessionFactory, SELECT_PLAN_CAPACITY, settings.plannedSelects());
        this.primaryTarget = new Observation.Target(name, Observation.PRIMARY, pool.getPoolName());
    }

    /**
     * Runs a select on {@code session}: the rows, each select item at its index; {@code limit} {@link #NO_LIMIT} and
     * {@code skip} 0 mean none. Each query shape is translated to SQL once; see {@link SelectPlans}.
     */
    List<Object[]> select(StatelessSession session, String hql, QueryParameters params, int limit, int skip) {
        return selects.tuples(session, hql, params, limit, skip);
    }

    /** How many selects of this datasource ran through Hibernate's query API rather than a plan. */
    long queryApiSelects() {
        return selects.queryApiRuns();
    }

    /** How many selects of this datasource ran a kept plan without a session ({@link #selectKept}). */
    long sessionFreeSelects() {
        return selects.sessionFreeRuns();
    }

    /** {@link #select} with a row lock clause appended; null when the shape cannot carry one. */
    List<Object[]> selectLocked(StatelessSession session, String hql, QueryParameters params, int limit, int skip, String lockClause) {
        return selects.tuples(session, hql, params, limit, skip, lockClause);
    }

    /** A planned cursor over {@code hql}'s rows for a stream; null when the shape has no plan. */
    SelectPlan.Cursor cursor(StatelessSession session, String hql, QueryParameters params) {
        return selects.cursor(session, hql, params, driver().streamFetchSize());
    }

    /** The session of this datasource's transaction the calling thread is in, or null outside one. */
    StatelessSession transactionSession() {
        checkOpen();
        TransactionContext tx = joinable();
        return tx == null ? null : tx.session();
    }

    /** A failure of work done outside {@link #statement}, as the library's exception type. */
    RuntimeException translate(RuntimeException e) {
        return errors.translate(e);
    }

    /** The transaction of this datasource the calling thread is in, or null (a lock needs one). */
    boolean inOwnTransaction() {
        TransactionContext tx = TransactionContext.current();
        return tx != null && tx.owner() == this;
    }

    /** {@link #select} of a single item: its values. */
    List<Object> selectValues(StatelessSession session, String hql, QueryParameters params, int limit) {
        List<Object[]> rows = select(session, hql, params, limit, 0);
        List<Object> values = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            values.add(row[0]);
        }
        return values;
    }

    Observation observation() {
        return observation;
    }

    /** Runs one statement for a call, reporting it (with the error type it is translated to) to the listener. */
    <T> T statement(Observation.Call call, String model, String operation, String strategy, java.util.function.Supplier<T> work) {
        Replica replica = replicas.active();
        Observation.Target target = replica == null ? primaryTarget : new Observation.Target(name, Observation.REPLICA, replica.poolName());
        return observation.statement(call, target, model, operation, strategy, () -> {
            try {
                return translated(work);
            } catch (LockException e) {
                // A lock failure leaves the transaction unusable on some databases and half-done on others: it ends in a rollback.
                TransactionContext tx = TransactionContext.current();
                if (tx != null) {
                    tx.setRollbackOnly();
                }
                throw e.forModel(model);
            }
        });
    }

    public String name() {
        return name;
    }

    public DriverPlugin driver() {
        return driver;
    }

    QueryCompiler compiler() {
        return compiler;
    }

    /** Joins the engine's reads, once every datasource has started: see {@link ReadExecutor#connect}. */
    void connect(ReadExecutor reads) {
        this.reads = reads;
    }

    ReadExecutor reads() {
        return reads;
    }

    /** Whether this thread is inside a transaction of any datasource. */
    public static boolean inTransaction() {
        return TransactionContext.current() != null;
    }

    /** Runs read work on a new session of this datasource's primary, whatever transaction the calling thread is in. */
    public <T> T readDetached(Function<StatelessSession, T> work) {
        checkOpen();
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            // Failures are translated by the catch below (after the serving replica is restored), not inside as well.
            return ReplicaRouter.serving(null, () -> work.apply(session));
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }

    /**
     * Runs read work on a new session of a replica the route allows, chosen before a connection is taken, or of the
     * primary. A replica that cannot give a connection or loses it mid-read leaves the rotation for its backoff and
     * the whole read runs again on the next replica, at last on the primary: reads are repeatable, no row is kept.
     */
    public <T> T readDetached(ReadRoute route, Function<StatelessSession, T> work) {
        return onReplica(route, connection -> {
            try (StatelessSession session = sessionFactory.withStatelessOptions().connection(connection).openStatelessSession()) {
                return work.apply(session);
            }
        }, () -> readDetached(work));
    }

    /** See {@link SelectPlans#sessionFreePlan}. */
    SelectPlan sessionFreePlan(String hql, QueryParameters params) {
        return selects.sessionFreePlan(hql, params);
    }

    /**
     * A kept select ({@link SelectPlans#sessionFreePlan}) outside any transaction, as one statement of {@code call}: on a
     * pooled connection of where the call's route leads (replicas failing over as
     * {@link #readDetached(ReadRoute, Function)} describes), without a Hibernate session. Null, and nothing run, inside a
     * transaction: the caller then selects on the transaction's session.
     */
    List<Object[]> selectKept(Observation.Call call, String model, String operation, SelectPlans.Kept kept) {
        checkOpen();
        if (TransactionContext.current() != null) {
            return null;
        }
        java.util.function.Supplier<List<Object[]>> onPrimary = () -> statement(call, model, operation, "direct", () -> keptOnPrimary(kept));
        return onReplica(call.route(), connection -> statement(call, model, operation, "direct", () -> selects.run(kept, connection)),
                () -> replicas.isEmpty() ? onPrimary.get() : ReplicaRouter.serving(null, onPrimary));
    }

    /** A kept select on a connection of the primary's pool, taken inside the statement as a session does: a pool that has none fails it. */
    private List<Object[]> keptOnPrimary(SelectPlans.Kept kept) {
        try (Connection connection = pool.getConnection()) {
            return selects.run(kept, connection);
        } catch (SQLException e) {
            throw sessionFactory.getJdbcServices().getSqlExceptionHelper().convert(e, "Unable to use a JDBC connection");
        }
    }

    /**
     * {@code work} on a connection of a replica the route allows, chosen before the connection is taken, as the serving
     * replica of its statements; {@code onPrimary} when the route allows none or every allowed replica failed.
     */
    private <T> T onReplica(ReadRoute route, Function<Connection, T> work, java.util.function.Supplier<T> onPrimary) {
        checkOpen();
        if (replicas.isEmpty() || route.primaryOnly()) {
            return onPrimary.get();
        }
        Set<Replica> tried = new HashSet<>(4);
        for (Replica replica = replicas.choose(route, tried); replica != null; replica = replicas.choose(route, tried)) {
            tried.add(replica);
            replica.started();
            try {
                Connection connection;
                try {
                    connection = replica.pool().getConnection();
                } catch (SQLException e) {
                    replicas.failed(replica, e);
                    continue;
                }
                try (connection) {
                    T result = ReplicaRouter.serving(replica, () -> translated(() -> work.apply(connection)));
                    replicas.served(replica);
                    return result;
                } catch (DataSourceUnavailableException e) {
                    if (!e.dataSource().equals(name)) {
                        throw e; // another datasource this read reached failed: it fails over by itself
                    }
                    replicas.failed(replica, e.getCause() == null ? e : e.getCause());
                } catch (SQLException e) {
                    replicas.failed(replica, e); // closing a connection the replica dropped: the read itself succeeded
                }
            } finally {
                replica.finished();
            }
        }
        return onPrimary.get();
    }

    /** The replicas of this datasource (none: every read goes to the primary). */
    public ReplicaRouter replicas() {
        return replicas;
    }

    EngineSettings settings() {
        return settings;
    }

    public SessionFactoryImplementor sessionFactory() {
        return sessionFactory;
    }

    public HikariDataSource pool() {
        return pool;
    }

    public Map<Class<?>, ModelDescriptor> models() {
        return models;
    }

    @Override
    public boolean owns(Class<?> model) {
        return models.containsKey(model);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E, ID> RepositoryOperations<E, ID> operations(Class<E> model) {
        ModelDescriptor descriptor = models.get(model);
        if (descriptor == null) {
            throw new ModelException("Model " + model.getSimpleName() + " is not owned by datasource " + name
                    + "; it owns: " + models.values().stream().map(ModelDescriptor::name).sorted().toList());
        }
        return (RepositoryOperations<E, ID>) operations.computeIfAbsent(model, m -> new ModelOperations<>(this, descriptor));
    }

    /** Runs read work on the current transaction's session, or on a fresh stateless session of the primary outside one. */
    <T> T read(Function<StatelessSession, T> work) {
        return read(ReadRoute.PRIMARY, work);
    }

    /** Runs read work on the current transaction's session, or outside one on a session of where {@code route} leads. */
    <T> T read(ReadRoute route, Function<StatelessSession, T> work) {
        checkOpen();
        TransactionContext tx = joinable();
        if (tx != null) {
            return translated(() -> work.apply(tx.session()));
        }
        return readDetached(route, work);
    }

    /** The route of a read starting on this thread; {@code primaryRequested}: the caller asked for the primary. */
    static ReadRoute route(boolean primaryRequested) {
        return ReadRoute.capture(primaryRequested, inTransaction());
    }

    /** {@link #write} as a function, for callers that choose between it and {@link #singleStatement()}. */
    <T> Function<Function<StatelessSession, T>, T> atomic() {
        return this::write;
    }

    /** Work of one statement, atomic by itself: joins the current transaction, else runs without one. */
    <T> Function<Function<StatelessSession, T>, T> singleStatement() {
        if (!replicas.tracksWrites()) {
            return this::read;
        }
        return work -> read(session -> {
            T result = work.apply(session);
            TransactionContext tx = joinable();
            if (tx == null) {
                written(session);
            } else {
                tx.wrote();
            }
            return result;
        });
    }

    /**
     * After a committed write: remembers where the primary stood, for this thread's reads (see {@link ReplicaRouter}).
     * The write has committed, so a failure to ask is not the caller's error: the thread then reads the primary.
     */
    private void written(StatelessSession session) {
        if (replicas.tracksWrites()) {
            try {
                session.doWork(replicas::written);
            } catch (RuntimeException e) {
                replicas.writtenAtUnknownPosition();
            }
        }
    }

    /** Runs write work atomically: in the current transaction, or in a new one. */
    <T> T write(Function<StatelessSession, T> work) {
        TransactionContext tx = joinable();
        if (tx != null) {
            tx.wrote();
            return translated(() -> work.apply(tx.session()));
        }
        return transaction(IsolationLevel.DEFAULT, t -> {
            ((TransactionContext) t).wrote();
            return work.apply(((TransactionContext) t).session());
        });
    }

    private TransactionContext joinable() {
        TransactionContext tx = TransactionContext.current();
        if (tx != null && tx.owner() != this) {
            throw new TransactionException("A transaction of datasource " + tx.owner().name() + " is active on this thread; "
                    + "datasource " + name + " cannot take part in it (a transaction belongs to one datasource)");
        }
        return tx;
    }

    @Override
    public <T> T transaction(IsolationLevel isolation, TransactionCallback<T> work) {
        checkOpen();
        TransactionContext outer = joinable();
        if (outer != null) {
            if (isolation != IsolationLevel.DEFAULT && isolation != outer.isolation()) {
                throw new TransactionException("A transaction with isolation " + outer.isolation() + " is active on datasource "
                        + name + "; a nested one cannot ask for " + isolation);
            }
            return work.execute(outer);
        }
        StatelessSession session;
        try {
            session = sessionFactory.openStatelessSession();
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
        TransactionContext tx = new TransactionContext(this, session, isolation);
        try {
            org.hibernate.Transaction hibernateTx = translated(() -> {
                org.hibernate.Transaction t = session.beginTransaction();
                if (isolation != IsolationLevel.DEFAULT) {
                    session.doWork(connection -> isolate(connection, isolation));
                }
                return t;
            });
            tx.bind();
            T result;
            try {
                result = work.execute(tx);
            } catch (RuntimeException e) {
                rollbackQuietly(hibernateTx, e);
                throw errors.afterRollback(e);
            } catch (Error e) {
                rollbackQuietly(hibernateTx, e);
                throw e;
            }
            if (tx.isRollbackOnly()) {
                translated(() -> {
                    hibernateTx.rollback();
                    return null;
                });
            } else {
                try {
                    hibernateTx.commit();
                } catch (RuntimeException e) {
                    rollbackQuietly(hibernateTx, e);
                    RuntimeException translated = errors.translate(e);
                    throw translated instanceof dev.ignis.api.error.ConflictException || translated instanceof dev.ignis.api.error.DataSourceUnavailableException
                            ? translated : new TransactionException("Commit on datasource " + name + " failed: " + translated.getMessage(), e);
                }
            }
            if (tx.hasWritten() && !tx.isRollbackOnly()) {
                written(session);
            }
            return result;
        } finally {
            tx.unbind();
            session.close();
        }
    }

    /**
     * Sets the transaction's isolation: with the driver's statement for this transaction alone when it has one (a session
     * setting would stay on the server connection, which a transaction pooler hands to other clients), else through JDBC.
     */
    private void isolate(Connection connection, IsolationLevel isolation) throws SQLException {
        java.util.Optional<String> statement = driver.transactionIsolationStatement(isolation);
        if (statement.isEmpty()) {
            connection.setTransactionIsolation(isolation.jdbcLevel());
            return;
        }
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(statement.get());
        }
    }

    private static void rollbackQuietly(org.hibernate.Transaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private <T> T translated(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("DataSource " + name + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sessionFactory.close();
        } finally {
            try {
                replicas.close();
            } finally {
                pool.close();
            }
        }
    }
}
