package dev.ignis.api.runtime;

import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.datasource.TransactionCallback;

/** What the engine attaches to a started datasource: repository operations and transactions. */
public interface DataSourceRuntime {
    /** Operations on one model owned by this datasource; throws {@code ModelException} for other models. */
    <E, ID> RepositoryOperations<E, ID> operations(Class<E> model);

    boolean owns(Class<?> model);

    <T> T transaction(IsolationLevel isolation, TransactionCallback<T> work);

    void close();
}
