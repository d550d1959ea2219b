package dev.ignis.engine.internal.boot;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.MigrationException;
import dev.ignis.api.error.ModelException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * {@code SchemaAction.MIGRATE}: runs a datasource's Flyway migrations on its pool before its SessionFactory is built
 * (which then validates the models against the result). Flyway's lock (an advisory lock on PostgreSQL, a named lock
 * on MySQL/MariaDB) makes engines that start at once apply each migration once.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private Migrator() {
    }

    static MigrateResult migrate(DataSourceConfig config, DataSource pool) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations(config.migrationLocations().toArray(String[]::new))
                .table(config.migrationTable())
                // A datasource set to MIGRATE without migrations is a mistake; say so instead of failing validation.
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            LOG.info("DataSource {}: {} migration(s) applied from {}, schema version {}", config.name(), result.migrationsExecuted,
                    config.migrationLocations(), result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
            return result;
        } catch (FlywayException e) {
            throw failure(config.name(), e);
        }
    }

    private static MigrationException failure(String dataSource, FlywayException e) {
        String script = e instanceof FlywayMigrateException failed && failed.getMigration() != null ? failed.getMigration().getScript() : null;
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        String message = sql != null ? sql.getMessage() : firstLine(e.getMessage());
        return new MigrationException(dataSource, script, message, e);
    }

    /** The models differ from the schema the migrations built: Hibernate's message names the table and the column. */
    static ModelException mismatch(String dataSource, SchemaManagementException e) {
        return new ModelException("DataSource " + dataSource + ": the models do not match the schema its migrations built: "
                + e.getMessage() + "; add a migration that makes them match, or change the model", e);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
