package dev.ignis.api.error;

/** The datasource cannot be reached: connection refused, authentication failed, or the pool timed out. */
public class DataSourceUnavailableException extends IgnisException {
    private final String dataSource;

    public DataSourceUnavailableException(String dataSource, String message, Throwable cause) {
        super("DataSource " + dataSource + " is unavailable: " + message, cause);
        this.dataSource = dataSource;
    }

    public String dataSource() {
        return dataSource;
    }
}
