package dev.ignis.conformance.migration;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.MigrationException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.EngineBuilders;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code SchemaAction.MIGRATE} on one database: Flyway migrations from {@code db/migration/<datasource name>} or given
 * locations, then Hibernate's validation of the models. Runs in schemas (databases) of its own,
 * {@value #SCHEMA} and {@value #OTHER_SCHEMA}, dropped and created before each test, apart from the conformance tables.
 * A driver module runs it with {@code class XMigrationTest extends MigrationContract { DatabaseTarget target() ... }}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MigrationContract {
    public static final String SCHEMA = "ignis_migration";
    public static final String OTHER_SCHEMA = "ignis_migration_other";
    /** Finds its scripts at the default location, {@code db/migration/MigBooks}: V1 creates mig_book, V2 adds pages. */
    static final String BOOKS = "MigBooks";
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private DatabaseTarget database;
    private String skipReason;
    private String h2Prefix;

    protected abstract DatabaseTarget target();

    @BeforeAll
    void prepareServer() {
        database = target();
        skipReason = database.prepare().orElse(null);
    }

    @BeforeEach
    void emptySchemas() throws SQLException {
        if (skipReason != null) {
            Assumptions.abort(skipReason);
        }
        if (database.kind() == DatabaseTarget.Kind.H2) {
            h2Prefix = "jdbc:h2:mem:ignis_migration_" + H2_DATABASES.incrementAndGet();
            return;
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String schema : List.of(SCHEMA, OTHER_SCHEMA)) {
                if (database.kind() == DatabaseTarget.Kind.POSTGRES) {
                    s.execute("drop schema if exists " + schema + " cascade");
                    s.execute("create schema " + schema);
                } else {
                    s.execute("drop database if exists " + schema);
                    s.execute("create database " + schema);
                }
            }
        }
    }

    /** The JDBC URL of a test schema: a fresh in-memory database on H2 (folding names to lower case, as the others do). */
    private String url(String schema) {
        return database.kind() == DatabaseTarget.Kind.H2 ? h2Prefix + "_" + schema + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE"
                : database.url(schema);
    }

    private DataSourceConfig.Builder books(String name, String schema) {
        return connection(name, schema).models(MigBook.class);
    }

    /** A second datasource: the same tables in the other schema, through a model of its own. */
    private DataSourceConfig.Builder archive(String name) {
        return connection(name, OTHER_SCHEMA).models(MigArchivedBook.class);
    }

    private DataSourceConfig.Builder connection(String name, String schema) {
        return DataSourceConfig.named(name).driver(database.driver()).url(url(schema)).user(database.user()).password(database.password())
                .transactionPooling(database.transactionPooling()).schemaAction(SchemaAction.MIGRATE).maxPoolSize(2);
    }

    private static BaseDataSource dataSource(DataSourceConfig.Builder config) {
        return new BaseDataSource(config) {
        };
    }

    @Test
    void appliesV1AndV2FromTheDefaultLocationThenServesTheModel() throws SQLException {
        BaseDataSource books = dataSource(books(BOOKS, SCHEMA));
        try (Engine engine = EngineBuilders.builder().dataSource(books).build().start()) {
            var repository = new CrudRepository<MigBook, String>(books, MigBook.class);
            repository.create(new MigBook("Dune", 412));
            assertThat(repository.find()).extracting(MigBook::getTitle, MigBook::getPages).containsExactly(tuple("Dune", 412));
        }
        assertThat(history(SCHEMA, "flyway_history_migbooks")).containsExactly("1 create book true", "2 add pages true");
    }

    @Test
    void aSecondStartAppliesNothingAndEachDataSourceKeepsItsOwnHistory() throws SQLException {
        DataSourceConfig.Builder other = archive("MigOther")
                .migrationLocations("classpath:db/migration/mig/base", "classpath:db/migration/mig/pages");
        for (int run = 0; run < 2; run++) {
            try (Engine engine = EngineBuilders.builder().dataSources(dataSource(books(BOOKS, SCHEMA)), dataSource(other)).build().start()) {
                assertThat(engine.dataSources()).allMatch(ds -> ds.isStarted());
            }
        }
        assertThat(history(SCHEMA, "flyway_history_migbooks")).containsExactly("1 create book true", "2 add pages true");
        assertThat(history(OTHER_SCHEMA, "flyway_history_migother")).containsExactly("1 create book true", "2 add pages true");
    }

    @Test
    void aModelThatDiffersFromTheMigratedSchemaFailsTheStartNamingTableAndColumn() throws SQLException {
        BaseDataSource onlyV1 = dataSource(books(BOOKS, SCHEMA).migrationLocations("classpath:db/migration/mig/base"));
        Engine engine = EngineBuilders.builder().dataSource(onlyV1).build();
        ModelException e = catchThrowableOfType(ModelException.class, engine::start);
        assertThat(e).isNotInstanceOf(MigrationException.class);
        assertThat(e.getMessage()).contains("DataSource MigBooks", "do not match the schema its migrations built", "pages", "mig_book");
        assertThat(onlyV1.isStarted()).isFalse();
        assertThat(history(SCHEMA, "flyway_history_migbooks")).containsExactly("1 create book true");
        engine.close();
    }

    @Test
    void skipMigrateModelsAreNeitherValidatedNorCreated() throws SQLException {
        BaseDataSource books = dataSource(books(BOOKS, SCHEMA).models(MigLegacy.class));
        try (Engine engine = EngineBuilders.builder().dataSource(books).build().start()) {
            assertThat(new CrudRepository<MigBook, String>(books, MigBook.class).count()).isZero();
        }
        assertThat(tables(SCHEMA)).contains("mig_book").doesNotContain("mig_legacy");
    }

    @Test
    void aFailedMigrationNamesTheScriptAndTheDatabaseMessageAndClosesTheOtherDataSources() throws SQLException {
        String application = "ignis-migration-" + System.nanoTime();
        BaseDataSource broken = dataSource(tagged(books("MigBroken", SCHEMA), application)
                .migrationLocations("classpath:db/migration/mig/base", "classpath:db/migration/mig/broken"));
        BaseDataSource healthy = dataSource(tagged(archive(BOOKS), application));
        Engine engine = EngineBuilders.builder().dataSources(broken, healthy).build();

        MigrationException e = catchThrowableOfType(MigrationException.class, engine::start);

        assertThat(e.dataSource()).isEqualTo("MigBroken");
        assertThat(e.script()).isEqualTo("V2__broken.sql");
        assertThat(e.databaseMessage()).containsIgnoringCase("mig_missing");
        assertThat(e.getMessage()).contains("MigBroken", "V2__broken.sql", e.databaseMessage());
        assertThat(broken.isStarted()).isFalse();
        assertThat(healthy.isStarted()).isFalse();
        if (database.kind() == DatabaseTarget.Kind.POSTGRES) {
            assertThat(openConnections(application)).as("connections left open by the engine's pools").isZero();
        }
        // PostgreSQL runs the script in one transaction and rolls it back; MariaDB and H2 commit each DDL statement,
        // so Flyway records V2 as failed and the column V2 added stays.
        List<String> expected = database.kind() == DatabaseTarget.Kind.POSTGRES ? List.of("1 create book true")
                : List.of("1 create book true", "2 broken false");
        assertThat(history(SCHEMA, "flyway_history_migbroken")).containsExactlyElementsOf(expected);
        assertThat(history(OTHER_SCHEMA, "flyway_history_migbooks")).containsExactly("1 create book true", "2 add pages true");
        engine.close();
    }

    @Test
    void twoEnginesStartingAtOnceMigrateOnce() throws Exception {
        int engines = 2;
        CountDownLatch ready = new CountDownLatch(engines);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(engines);
        List<Engine> started = new ArrayList<>();
        try {
            List<Future<Engine>> starts = new ArrayList<>();
            for (int i = 0; i < engines; i++) {
                Engine engine = EngineBuilders.builder().dataSource(dataSource(books(BOOKS, SCHEMA))).build();
                starts.add(threads.submit((Callable<Engine>) () -> {
                    ready.countDown();
                    go.await();
                    return engine.start();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Engine> start : starts) {
                started.add(start.get(120, TimeUnit.SECONDS));
            }
            for (Engine engine : started) {
                var repository = new CrudRepository<MigBook, String>(engine.dataSource(BOOKS), MigBook.class);
                repository.create(new MigBook("copy", 1));
            }
            assertThat(new CrudRepository<MigBook, String>(started.get(0).dataSource(BOOKS), MigBook.class).count()).isEqualTo(2);
        } finally {
            started.forEach(Engine::close);
            threads.shutdownNow();
        }
        assertThat(history(SCHEMA, "flyway_history_migbooks")).containsExactly("1 create book true", "2 add pages true");
    }

    @Test
    void theSchemaScriptOfTheModelsIsAFirstMigrationThatValidates(@TempDir Path migrations) throws Exception {
        BaseDataSource source = dataSource(books("MigScript", SCHEMA).schemaAction(SchemaAction.NONE).models(MigLegacy.class));
        String script;
        try (Engine engine = EngineBuilders.builder().dataSource(source).build()) {
            script = engine.createSchemaScript("MigScript");
        }
        assertThat(script).containsIgnoringCase("create table").contains("mig_book", "title", "pages").doesNotContain("mig_legacy");
        assertThat(tables(SCHEMA)).as("printing the script changes nothing").doesNotContain("mig_book");

        Files.writeString(migrations.resolve("V1__init.sql"), script);
        BaseDataSource migrated = dataSource(books("MigScript", SCHEMA).models(MigLegacy.class)
                .migrationLocations("filesystem:" + migrations.toAbsolutePath()));
        try (Engine engine = EngineBuilders.builder().dataSource(migrated).build().start()) {
            var repository = new CrudRepository<MigBook, String>(migrated, MigBook.class);
            repository.create(new MigBook("Solaris", 204));
            assertThat(repository.count()).isEqualTo(1);
        }
        assertThat(history(SCHEMA, "flyway_history_migscript")).containsExactly("1 init true");
    }

    @Test
    void aMigrateDataSourceWithoutMigrationsFailsTyped() {
        BaseDataSource none = dataSource(books("MigNowhere", SCHEMA));
        Engine engine = EngineBuilders.builder().dataSource(none).build();
        assertThatThrownBy(engine::start).isInstanceOf(MigrationException.class)
                .hasMessageContaining("MigNowhere").hasMessageContaining("db/migration/MigNowhere");
        engine.close();
    }

    /** On PostgreSQL, names the pool's connections in pg_stat_activity, so the test can count those left open. */
    private DataSourceConfig.Builder tagged(DataSourceConfig.Builder config, String application) {
        return database.kind() == DatabaseTarget.Kind.POSTGRES ? config.property("ApplicationName", application) : config;
    }

    /** The history table's rows, "version description success", in the order Flyway installed them. */
    private List<String> history(String schema, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(schema); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, description, success from " + table + " where version is not null order by installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2).toLowerCase(Locale.ROOT) + " " + rs.getBoolean(3));
            }
        }
        return rows;
    }

    private List<String> tables(String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(schema);
             ResultSet rs = c.getMetaData().getTables(database.kind() == DatabaseTarget.Kind.MARIADB ? schema : null,
                     database.kind() == DatabaseTarget.Kind.POSTGRES ? schema : null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private long openConnections(String application) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), database.user(), database.password());
    }
}
