package dev.ignis.api.error;

/**
 * A datasource could not start for a reason that is neither its configuration, its server nor its models: most often
 * a class missing from the module path or a library that fails while Hibernate boots. The message names the
 * datasource and the root cause; the cause is attached.
 */
public class DataSourceStartException extends IgnisException {
    private final String dataSource;

    public DataSourceStartException(String dataSource, String message, Throwable cause) {
        super("DataSource " + dataSource + " failed to start: " + message, cause);
        this.dataSource = dataSource;
    }

    public String dataSource() {
        return dataSource;
    }
}
