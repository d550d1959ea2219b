package dev.ignis.engine.internal.execute;

import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.datasource.Transaction;
import org.hibernate.StatelessSession;

/**
 * The transaction a thread is in: which datasource owns it and the session every joining repository call uses.
 * Bound to the thread for the duration of the callback; a call on another datasource meanwhile is an error.
 */
final class TransactionContext implements Transaction {
    private static final ThreadLocal<TransactionContext> CURRENT = new ThreadLocal<>();

    private final StartedDataSource owner;
    private final StatelessSession session;
    private final IsolationLevel isolation;
    private boolean rollbackOnly;
    /** Whether a write ran in it: only then does its commit matter to read-your-writes. */
    private boolean wrote;

    TransactionContext(StartedDataSource owner, StatelessSession session, IsolationLevel isolation) {
        this.owner = owner;
        this.session = session;
        this.isolation = isolation;
    }

    static TransactionContext current() {
        return CURRENT.get();
    }

    void wrote() {
        wrote = true;
    }

    boolean hasWritten() {
        return wrote;
    }

    void bind() {
        CURRENT.set(this);
    }

    void unbind() {
        CURRENT.remove();
    }

    StartedDataSource owner() {
        return owner;
    }

    StatelessSession session() {
        return session;
    }

    @Override
    public String dataSource() {
        return owner.name();
    }

    @Override
    public IsolationLevel isolation() {
        return isolation;
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    @Override
    public boolean isRollbackOnly() {
        return rollbackOnly;
    }
}
