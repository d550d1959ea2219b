package dev.ignis.api.datasource;

/**
 * A transaction on one datasource. Repository calls of that datasource made by the same thread inside
 * the callback join it; calls on another datasource throw.
 */
public interface Transaction {
    String dataSource();

    IsolationLevel isolation();

    /** Roll back instead of committing when the callback returns. */
    void setRollbackOnly();

    boolean isRollbackOnly();
}
