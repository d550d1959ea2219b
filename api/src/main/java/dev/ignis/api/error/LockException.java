package dev.ignis.api.error;

/**
 * A row lock that could not be had: {@code NOWAIT} found a locked row, the lock wait timed out, or the database chose
 * this transaction as a deadlock victim. The transaction it happened in is rolled back; nothing it wrote stays.
 */
public class LockException extends IgnisException {
    private final String dataSource;
    private final String model;
    private final String sqlState;
    private final String detail;

    public LockException(String dataSource, String model, String sqlState, String message, Throwable cause) {
        super("Lock not acquired on datasource " + dataSource + (model == null ? "" : ", model " + model)
                + " (SQLState " + sqlState + "): " + message, cause);
        this.dataSource = dataSource;
        this.model = model;
        this.sqlState = sqlState;
        this.detail = message;
    }

    public String dataSource() {
        return dataSource;
    }

    /** The model whose statement failed; null when the failure came from a commit. */
    public String model() {
        return model;
    }

    public String sqlState() {
        return sqlState;
    }

    /** The same failure, naming the model whose statement it came from. */
    public LockException forModel(String modelName) {
        return model != null ? this : new LockException(dataSource, modelName, sqlState, detail, getCause());
    }
}
