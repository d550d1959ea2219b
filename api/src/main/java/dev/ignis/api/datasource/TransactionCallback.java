package dev.ignis.api.datasource;

/** Work done inside a transaction; its result is returned after the commit. */
@FunctionalInterface
public interface TransactionCallback<T> {
    T execute(Transaction transaction);
}
