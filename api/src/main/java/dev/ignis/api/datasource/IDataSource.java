package dev.ignis.api.datasource;

import dev.ignis.api.runtime.DataSourceRuntime;

import java.util.List;
import java.util.function.Consumer;

/**
 * A named connection to one database and the models it owns. Repositories are bound to one; every call they
 * make is routed to it. Started and closed by the engine. Sealed: an application's datasource extends
 * {@link BaseDataSource}, the one implementation the engine can attach itself to.
 */
public sealed interface IDataSource extends AutoCloseable permits BaseDataSource {
    String name();

    /** The driver plugin's name, as configured. */
    String driver();

    DataSourceConfig config();

    /** The models this datasource owns: the configured ones, or those its repositories declared. */
    List<Class<?>> models();

    /** Runs {@code work} in a transaction on this datasource and commits, or rolls back if it throws. */
    default <T> T transaction(TransactionCallback<T> work) {
        return transaction(IsolationLevel.DEFAULT, work);
    }

    <T> T transaction(IsolationLevel isolation, TransactionCallback<T> work);

    /** {@link #transaction(TransactionCallback)} for work without a result. */
    default void runInTransaction(Consumer<Transaction> work) {
        transaction(IsolationLevel.DEFAULT, tx -> {
            work.accept(tx);
            return null;
        });
    }

    boolean isStarted();

    /** Closes the pool and the session factory; idempotent. */
    @Override
    void close();

    /**
     * Declares a model this datasource owns because a repository is bound to it (the seed's auto-discovery).
     * Called by repositories; only has an effect before the datasource starts.
     */
    void declareModel(Class<?> model);

    /**
     * The engine's side of this datasource; for repositories and the engine, not for application code.
     */
    DataSourceRuntime runtime();
}
