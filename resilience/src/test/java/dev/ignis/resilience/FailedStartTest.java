package dev.ignis.resilience;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.error.DataSourceStartException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.Engine;
import dev.ignis.resilience.model.NoIdentifier;
import dev.ignis.resilience.model.StartLabel;
import dev.ignis.resilience.model.StartMark;
import dev.ignis.resilience.model.StartNote;
import dev.ignis.resilience.support.SharedDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every kind of start failure on every database, alone and beside healthy datasources of the other two databases
 * booting in parallel: {@code start()} throws one typed exception naming the failing datasource and leading with the
 * root cause (never a {@code ConcurrentModificationException} from the clean-up), every pool's threads end, and an
 * engine with the mistake corrected starts in the same JVM.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class FailedStartTest {
    private static final String SCHEMA = "res_start";
    /** Where schema validation finds nothing: the failing datasource's tables were never created there. */
    private static final String EMPTY_SCHEMA = "res_start_empty";
    private static final String H2_CREDENTIALS_URL = "jdbc:h2:mem:res-start-credentials;DB_CLOSE_DELAY=-1";
    private static final Class<?>[] MODELS = {StartNote.class, StartLabel.class, StartMark.class};
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    enum Database { H2, POSTGRES, MARIADB }

    enum Failure {
        ERROR_INSIDE_HIBERNATE_BOOT, WRONG_CREDENTIALS, UNREACHABLE_SERVER, URL_REJECTED_BY_PLUGIN, SCHEMA_VALIDATION, MODEL_REJECTED
    }

    @BeforeAll
    static void createTheH2DatabaseWithAPassword() throws SQLException {
        try (Connection creator = DriverManager.getConnection(H2_CREDENTIALS_URL, "sa", "right")) {
            assertThat(creator.isValid(1)).isTrue(); // the database now exists with this password, and outlives the connection
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Database failing : Database.values()) {
            for (Failure failure : Failure.values()) {
                for (int count = 1; count <= 3; count++) {
                    cases.add(Arguments.of(failing, failure, count));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on {0}, {2} datasource(s)")
    @MethodSource("cases")
    void startFailsWithItsCauseAndLeavesNothingBehind(Database failing, Failure failure, int count) throws ReflectiveOperationException {
        List<Database> others = Stream.of(Database.values()).filter(db -> db != failing).limit(count - 1).toList();
        List<BaseDataSource> all = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            all.add(healthy(others.get(i), "Healthy" + others.get(i), MODELS[i]));
        }
        Class<?> model = MODELS[count - 1];
        all.add(count / 2, broken(failing, failure, failure == Failure.MODEL_REJECTED ? NoIdentifier.class : model));

        Throwable thrown = catchThrowable(engine(all)::start);

        assertThat(thrown).isInstanceOf(expectedType(failure)).hasMessageStartingWith(expectedStart(failure))
                .hasMessageContaining(expectedCause(failing, failure));
        assertThat(chain(thrown)).noneMatch(ConcurrentModificationException.class::isInstance);
        assertThat(all).noneMatch(IDataSource::isStarted);
        all.forEach(ds -> assertPoolThreadsEnd(ds.name()));

        List<BaseDataSource> corrected = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            corrected.add(healthy(others.get(i), "Healthy" + others.get(i), MODELS[i]));
        }
        BaseDataSource fixed = healthy(failing, "Broken", model);
        corrected.add(fixed);
        try (Engine engine = engine(corrected).start()) {
            CrudRepository<Object, String> rows = new CrudRepository<>(fixed, castModel(model)) {
            };
            StringIdEntity written = (StringIdEntity) rows.create(model.getDeclaredConstructor().newInstance()).single();
            assertThat(rows.findById(written.getId())).as("the corrected datasource writes and reads").isPresent();
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> castModel(Class<?> model) {
        return (Class<Object>) model;
    }

    private static Class<? extends IgnisException> expectedType(Failure failure) {
        return switch (failure) {
            case ERROR_INSIDE_HIBERNATE_BOOT -> DataSourceStartException.class;
            case WRONG_CREDENTIALS, UNREACHABLE_SERVER -> DataSourceUnavailableException.class;
            case URL_REJECTED_BY_PLUGIN -> DataSourceConfigException.class;
            case SCHEMA_VALIDATION, MODEL_REJECTED -> ModelException.class;
        };
    }

    private static String expectedStart(Failure failure) {
        return switch (failure) {
            case ERROR_INSIDE_HIBERNATE_BOOT -> "DataSource Broken failed to start: NoClassDefFoundError: jakarta/transaction/TransactionManager";
            case WRONG_CREDENTIALS, UNREACHABLE_SERVER -> "DataSource Broken is unavailable: cannot connect to ";
            case URL_REJECTED_BY_PLUGIN -> "DataSource Broken: driver ";
            case SCHEMA_VALIDATION, MODEL_REJECTED -> "DataSource Broken failed to start: ";
        };
    }

    private static String expectedCause(Database failing, Failure failure) {
        return switch (failure) {
            case ERROR_INSIDE_HIBERNATE_BOOT -> "TransactionManager";
            case WRONG_CREDENTIALS -> switch (failing) {
                case H2 -> "Wrong user name or password";
                case POSTGRES -> "ignis_no_such_role";
                case MARIADB -> "Access denied";
            };
            case UNREACHABLE_SERVER -> "127.0.0.1:1";
            case URL_REJECTED_BY_PLUGIN -> "expects a JDBC URL starting with";
            case SCHEMA_VALIDATION -> "missing table";
            case MODEL_REJECTED -> "NoIdentifier";
        };
    }

    private static Engine engine(List<BaseDataSource> dataSources) {
        List<DriverPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(DriverPlugin.class).forEach(plugins::add);
        List<DriverPlugin> missingClass = plugins.stream().<DriverPlugin>map(MissingClassPlugin::new).toList();
        plugins.addAll(missingClass);
        return Engine.builder().drivers(plugins.toArray(DriverPlugin[]::new)).dataSources(dataSources.toArray(IDataSource[]::new)).build();
    }

    private static BaseDataSource healthy(Database database, String name, Class<?> model) {
        return dataSource(base(database, name).schemaAction(SchemaAction.UPDATE).models(model));
    }

    private static BaseDataSource broken(Database database, Failure failure, Class<?> model) {
        DataSourceConfig.Builder config = base(database, "Broken").schemaAction(SchemaAction.UPDATE).models(model);
        switch (failure) {
            case ERROR_INSIDE_HIBERNATE_BOOT -> config.driver(MissingClassPlugin.PREFIX + plugin(database));
            case WRONG_CREDENTIALS -> {
                switch (database) {
                    case H2 -> config.url(H2_CREDENTIALS_URL).user("sa").password("wrong");
                    case POSTGRES -> config.user("ignis_no_such_role");
                    case MARIADB -> config.password("wrong");
                }
            }
            case UNREACHABLE_SERVER -> config.url(switch (database) {
                case H2 -> "jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here";
                case POSTGRES -> "jdbc:postgresql://127.0.0.1:1/test";
                case MARIADB -> "jdbc:mysql://127.0.0.1:1/test";
            });
            case URL_REJECTED_BY_PLUGIN -> config.url(database == Database.POSTGRES ? "jdbc:mysql://127.0.0.1:3306/test"
                    : "jdbc:postgresql://127.0.0.1:5432/test");
            case SCHEMA_VALIDATION -> {
                config.schemaAction(SchemaAction.VALIDATE);
                switch (database) {
                    case H2 -> config.url(freshH2());
                    case POSTGRES -> config.url(SharedDatabases.postgresUrl(EMPTY_SCHEMA));
                    case MARIADB -> config.url(SharedDatabases.mariadbUrl(EMPTY_SCHEMA));
                }
            }
            case MODEL_REJECTED -> {
            }
        }
        return dataSource(config);
    }

    private static DataSourceConfig.Builder base(Database database, String name) {
        DataSourceConfig.Builder config = DataSourceConfig.named(name).driver(plugin(database)).connectionTimeout(Duration.ofSeconds(1));
        return switch (database) {
            case H2 -> config.url(freshH2());
            case POSTGRES -> config.url(SharedDatabases.postgresUrl(SCHEMA)).user(SharedDatabases.postgresUser())
                    .password(SharedDatabases.postgresPassword());
            case MARIADB -> config.url(SharedDatabases.mariadbUrl(SCHEMA)).user(SharedDatabases.mariadbUser())
                    .password(SharedDatabases.mariadbPassword());
        };
    }

    private static String plugin(Database database) {
        return switch (database) {
            case H2 -> "h2";
            case POSTGRES -> "postgres";
            case MARIADB -> "mariadb";
        };
    }

    private static String freshH2() {
        return "jdbc:h2:mem:res-start-" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    private static BaseDataSource dataSource(DataSourceConfig.Builder config) {
        return new BaseDataSource(config) {
        };
    }

    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(thrown));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t != null && seen.stream().noneMatch(s -> s == t)) {
                seen.add(t);
                todo.add(t.getCause());
                todo.addAll(List.of(t.getSuppressed()));
            }
        }
        return seen;
    }

    /** HikariCP names its threads after the pool (= datasource); each must end, waited for, not sampled. */
    private static void assertPoolThreadsEnd(String pool) {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(pool + " ") || t.getName().startsWith(pool + ":")).toList();
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(threads).as("threads of pool " + pool).noneMatch(Thread::isAlive);
    }

    /**
     * A real driver plugin that fails with an {@code Error} from inside Hibernate's SessionFactory building (its SQL
     * functions are asked for there), as a class missing from the module path does.
     */
    static final class MissingClassPlugin implements DriverPlugin {
        static final String PREFIX = "missing-class-";
        private final DriverPlugin real;

        MissingClassPlugin(DriverPlugin real) {
            this.real = real;
        }

        @Override
        public String name() {
            return PREFIX + real.name();
        }

        @Override
        public List<String> aliases() {
            return real.aliases().stream().map(alias -> PREFIX + alias).toList();
        }

        @Override
        public String jdbcUrl(DataSourceConfig config) {
            return real.jdbcUrl(config);
        }

        @Override
        public Map<String, Object> hibernateSettings(DataSourceConfig config) {
            return real.hibernateSettings(config);
        }

        @Override
        public Map<String, String> connectionDefaults() {
            return real.connectionDefaults();
        }

        @Override
        public Map<String, String> sqlFunctions() {
            throw new NoClassDefFoundError("jakarta/transaction/TransactionManager");
        }
    }
}
