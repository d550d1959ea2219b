package dev.ignis.api.datasource;

/** What the engine does to the database schema of a datasource's models when it starts. */
public enum SchemaAction {
    /** Touch nothing. */
    NONE,
    /** Check that tables and columns exist; fail to start otherwise. */
    VALIDATE,
    /** Create missing tables and columns; never drop. */
    UPDATE,
    /** Drop and create the models' tables. */
    CREATE,
    /** Like CREATE, and drop them again when the datasource closes. */
    CREATE_DROP,
    /**
     * Run the datasource's versioned migrations (Flyway) from {@link DataSourceConfig#migrationLocations()}, then
     * validate the models against the migrated schema like VALIDATE; the engine never alters the schema itself.
     */
    MIGRATE
}
