package dev.ignis.engine.internal.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceStartException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.ModelType;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.internal.execute.Observation;
import dev.ignis.engine.internal.execute.SqlLog;
import dev.ignis.engine.internal.execute.StartedDataSource;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.ModelIntrospector;
import dev.ignis.engine.internal.relation.RelationScanner;
import dev.ignis.engine.internal.route.ReplicaRouter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.type.StandardBasicTypes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Boots one datasource: validates its models, opens its HikariCP pool and builds its Hibernate SessionFactory. */
public final class DataSourceBooter {
    private DataSourceBooter() {
    }

    public static StartedDataSource boot(IDataSource dataSource, DriverPlugin driver, EngineSettings settings, Observation observation,
                                         HibernateBootstrap hibernate) {
        DataSourceConfig config = dataSource.config();
        List<Class<?>> models = dataSource.models();
        if (models.isEmpty()) {
            throw new ModelException("DataSource " + config.name() + " owns no models: list them in its configuration's models(...)"
                    + " or bind a repository to it before the engine starts");
        }
        Set<String> excludedTables = new HashSet<>();
        for (Class<?> model : models) {
            checkDeclaration(config.name(), model);
            Model declaration = model.getAnnotation(Model.class);
            if (declaration.skipMigrate() || declaration.type() == ModelType.VIEW) {
                excludedTables.add(tableName(model));
            }
        }
        HikariDataSource pool = null;
        ReplicaRouter replicas = null;
        try {
            pool = openPool(config, driver, driver.jdbcUrl(config));
            checkServer(config, driver, pool);
            if (config.schemaAction() == SchemaAction.MIGRATE) {
                Migrator.migrate(config, pool);
            }
            replicas = ReplicaBooter.open(config, driver);
            SessionFactoryImplementor sessionFactory = buildSessionFactory(hibernate, config, driver, pool, models, excludedTables);
            Map<Class<?>, ModelDescriptor> descriptors = new LinkedHashMap<>();
            try {
                for (Class<?> model : models) {
                    descriptors.put(model, ModelIntrospector.describe(model,
                            sessionFactory.getMappingMetamodel().getEntityDescriptor(model), settings.plannedSelects()));
                }
            } catch (Throwable e) {
                new Cleanup(e).run(sessionFactory::close);
                throw e;
            }
            return new StartedDataSource(config.name(), driver, new StartedDataSource.Connections(pool, replicas), sessionFactory, descriptors,
                    settings, observation);
        } catch (Throwable e) {
            Cleanup cleanup = new Cleanup(e);
            if (replicas != null) {
                cleanup.run(replicas::close);
            }
            if (pool != null) {
                cleanup.run(pool::close);
            }
            if (config.schemaAction() == SchemaAction.MIGRATE && e instanceof SchemaManagementException mismatch) {
                throw Migrator.mismatch(config.name(), mismatch);
            }
            throw startFailure(config.name(), e);
        }
    }

    /**
     * What a failed start throws: the engine's own typed errors as they are; an {@code Error} at the root (a class
     * missing from the module path, a library failing inside Hibernate's boot) as a {@link DataSourceStartException};
     * anything else Hibernate refused as a {@link ModelException}. The message leads with the root cause.
     */
    private static RuntimeException startFailure(String dataSource, Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (e instanceof IgnisException ignis) {
            return ignis;
        }
        if (root(e) instanceof Error) {
            return new DataSourceStartException(dataSource, rootMessage(e), e);
        }
        return new ModelException("DataSource " + dataSource + " failed to start: " + rootMessage(e), e);
    }

    private static void checkDeclaration(String dataSource, Class<?> model) {
        if (model.getAnnotation(Entity.class) == null) {
            throw new ModelException("DataSource " + dataSource + " lists " + model.getName() + ", which is not a JPA @Entity");
        }
        if (model.getAnnotation(Model.class) == null) {
            throw new ModelException("DataSource " + dataSource + " lists " + model.getName() + ", which is not marked @Model");
        }
    }

    private static String tableName(Class<?> model) {
        Table table = model.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return table.name();
        }
        Entity entity = model.getAnnotation(Entity.class);
        return entity.name().isEmpty() ? model.getSimpleName() : entity.name();
    }

    private static HikariDataSource openPool(DataSourceConfig config, DriverPlugin driver, String url) {
        return PoolOpener.open(config, driver, new PoolOpener.PoolSpec(config.name(), url, config.user(), config.password(), false,
                config.connectionTimeout()));
    }

    /** Lets the driver see which server it reached, so a wrong plugin fails at start rather than at the first query. */
    private static void checkServer(DataSourceConfig config, DriverPlugin driver, HikariDataSource pool) {
        try (java.sql.Connection connection = pool.getConnection()) {
            java.sql.DatabaseMetaData server = connection.getMetaData();
            driver.checkServer(config, server.getDatabaseProductName(), server.getDatabaseProductVersion());
        } catch (java.sql.SQLException e) {
            throw new DataSourceUnavailableException(config.name(), "cannot read the server's version: " + rootMessage(e), e);
        }
    }

    private static SessionFactoryImplementor buildSessionFactory(HibernateBootstrap hibernate, DataSourceConfig config, DriverPlugin driver,
                                                                 HikariDataSource pool, List<Class<?>> models, Set<String> excludedTables) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.DATASOURCE, pool);
        settings.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        settings.put(AvailableSettings.ORDER_INSERTS, true);
        settings.put(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true);
        settings.put(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, config.quoteIdentifiers());
        if (!config.quoteIdentifiers()) {
            // names stay unquoted (folded by the database as plain DDL folds them), except reserved words
            settings.put(AvailableSettings.KEYWORD_AUTO_QUOTING_ENABLED, true);
        }
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
        settings.put(AvailableSettings.HBM2DDL_FILTER_PROVIDER, new ExcludedTablesFilter(excludedTables));
        settings.put(AvailableSettings.HBM2DDL_AUTO, switch (config.schemaAction()) {
            case NONE -> "none";
            case VALIDATE, MIGRATE -> "validate";
            case UPDATE -> "update";
            case CREATE -> "create";
            case CREATE_DROP -> "create-drop";
        });
        settings.put(AvailableSettings.STATEMENT_INSPECTOR, new SqlLog(config.name()));
        settings.putAll(driver.hibernateSettings(config));
        settings.putAll(config.hibernateSettings());

        StandardServiceRegistry registry = hibernate.newRegistry(settings);
        try {
            MetadataSources sources = new MetadataSources(registry);
            models.forEach(sources::addAnnotatedClass);
            var relationFields = TransientRelations.binding(RelationScanner.relationFields(models));
            if (relationFields != null) {
                sources.addMappingXmlBinding(relationFields);
            }
            Metadata metadata = sources.getMetadataBuilder()
                    .applyPhysicalNamingStrategy(new SnakeCaseColumnNaming())
                    .applyFunctions(contributions -> {
                        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
                        driver.sqlFunctions().forEach((name, pattern) -> contributions.getFunctionRegistry().registerPattern(
                                name, pattern, DriverPlugin.isPredicateFunction(name) ? types.resolve(StandardBasicTypes.BOOLEAN)
                                        : name.equals(DriverPlugin.JSON_NUMBER_FUNCTION) ? types.resolve(StandardBasicTypes.BIG_DECIMAL)
                                        : types.resolve(StandardBasicTypes.STRING)));
                    })
                    .build();
            return (SessionFactoryImplementor) metadata.buildSessionFactory();
        } catch (Throwable e) {
            new Cleanup(e).run(() -> hibernate.destroy(registry));
            throw e;
        }
    }

    /** The root cause's message (an {@code Error}'s with its type, which is the news), then the outer type. */
    static String rootMessage(Throwable e) {
        Throwable root = root(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root instanceof Error ? root.getClass().getSimpleName() + ": " + root.getMessage() : root.getMessage();
        return root == e ? message : message + " (" + e.getClass().getSimpleName() + ")";
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
