package dev.ignis.api.error;

/** A write refused by the database's integrity rules: unique key, foreign key, not-null or check. */
public class ConflictException extends IgnisException {
    private final String dataSource;
    private final String sqlState;

    public ConflictException(String dataSource, String sqlState, String message, Throwable cause) {
        super("Write rejected by datasource " + dataSource + " (SQLState " + sqlState + "): " + message, cause);
        this.dataSource = dataSource;
        this.sqlState = sqlState;
    }

    public String dataSource() {
        return dataSource;
    }

    public String sqlState() {
        return sqlState;
    }
}
