package dev.ignis.api.error;

/**
 * A datasource's schema migration failed at start ({@code SchemaAction.MIGRATE}): the datasource did not start. Names
 * the datasource, the migration script that failed (when one did) and the database's own message.
 */
public class MigrationException extends IgnisException {
    private final String dataSource;
    private final String script;
    private final String databaseMessage;

    public MigrationException(String dataSource, String script, String databaseMessage, Throwable cause) {
        super("DataSource " + dataSource + ": migration " + (script == null ? "" : script + " ") + "failed: " + databaseMessage, cause);
        this.dataSource = dataSource;
        this.script = script;
        this.databaseMessage = databaseMessage;
    }

    public String dataSource() {
        return dataSource;
    }

    /** The script that failed, e.g. {@code V2__add_title.sql}, or null when the failure was not in one script. */
    public String script() {
        return script;
    }

    /** What the database (or Flyway, when no statement ran) said. */
    public String databaseMessage() {
        return databaseMessage;
    }
}
