package dev.ignis.engine.internal.boot;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.internal.execute.Observation;
import dev.ignis.engine.internal.execute.StartedDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The DDL Hibernate would run to create a datasource's models on its database, for a first migration
 * ({@code V1__init.sql}). The datasource boots once as configured but with no schema action and Hibernate's script
 * generation on, so the script has the dialect, the quoting, the naming and the left-out tables of a real start; the
 * database is only read (for its dialect and version).
 */
public final class SchemaScript {
    private static final String SCRIPT_ACTION = "jakarta.persistence.schema-generation.scripts.action";
    private static final String SCRIPT_TARGET = "jakarta.persistence.schema-generation.scripts.create-target";
    private static final String SCRIPT_APPEND = "hibernate.hbm2ddl.schema-generation.script.append";
    private static final String DELIMITER = "hibernate.hbm2ddl.delimiter";
    private static final String FORMAT = "hibernate.format_sql";

    private SchemaScript() {
    }

    public static String create(IDataSource dataSource, DriverPlugin driver, EngineSettings settings, Observation observation,
                                HibernateBootstrap hibernate) {
        Path file = null;
        try {
            file = Files.createTempFile("ignis-" + dataSource.name() + "-", ".sql");
            DataSourceConfig config = dataSource.config();
            DataSourceConfig.Builder scripted = config.toBuilder().schemaAction(SchemaAction.NONE).minIdle(0)
                    .hibernateSetting(SCRIPT_ACTION, "create").hibernateSetting(SCRIPT_TARGET, file.toString())
                    .hibernateSetting(SCRIPT_APPEND, "false").hibernateSetting(DELIMITER, ";").hibernateSetting(FORMAT, "true");
            if (config.models().isEmpty()) {
                scripted.models(dataSource.models().toArray(new Class<?>[0])); // declared by its repositories
            }
            StartedDataSource started = DataSourceBooter.boot(new ScriptedDataSource(scripted), driver, settings, observation, hibernate);
            started.close();
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the schema script of " + dataSource.name() + " to a temporary file", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The datasource as configured, booted only to generate its script. */
    private static final class ScriptedDataSource extends BaseDataSource {
        ScriptedDataSource(DataSourceConfig.Builder config) {
            super(config);
        }
    }
}
