package dev.ignis.engine.internal.boot;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceStartException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.model.CurrentUser;
import dev.ignis.api.model.Model;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.include.PostTag;
import dev.ignis.engine.include.Tag;
import dev.ignis.engine.internal.execute.Observation;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A start that fails for any reason throws one typed exception that names the datasource and leads with the root
 * cause, and leaves nothing behind: no pool thread, no open Hibernate registry; a corrected engine then starts.
 */
class FailedStartTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /**
     * The test H2 driver, failing with an {@code Error} while Hibernate builds the SessionFactory, as a class missing
     * from the module path does (its functions are asked for from inside Hibernate's boot).
     */
    static final class MissingClassDriver implements dev.ignis.api.spi.DriverPlugin {
        private final TestH2Driver h2 = new TestH2Driver();

        @Override
        public String name() {
            return "missing-class";
        }

        @Override
        public String jdbcUrl(DataSourceConfig config) {
            return h2.jdbcUrl(config);
        }

        @Override
        public Map<String, Object> hibernateSettings(DataSourceConfig config) {
            return h2.hibernateSettings(config);
        }

        @Override
        public Map<String, String> sqlFunctions() {
            throw new NoClassDefFoundError("jakarta/transaction/TransactionManager");
        }
    }

    /** An entity Hibernate refuses: it has no identifier. */
    @Model
    @Entity
    @Table(name = "no_id")
    public static class NoIdentifier {
        public String name;
    }

    private static BaseDataSource h2(String name, String driver, Class<?> model) {
        return new BaseDataSource(DataSourceConfig.named(name).driver(driver)
                .url("jdbc:h2:mem:failed-start-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
                .schemaAction(SchemaAction.CREATE).connectionTimeout(Duration.ofMillis(500)).models(model)) {
        };
    }

    private static Engine engine(IDataSource... dataSources) {
        return Engine.builder().drivers(new TestH2Driver(), new MissingClassDriver()).dataSources(dataSources).build();
    }

    @Test
    void anErrorInsideHibernatesBootDestroysTheDataSourcesRegistryAndKeepsItsCause() {
        HibernateBootstrap bootstrap = new HibernateBootstrap();
        BaseDataSource broken = h2("Broken", "missing-class", Item.class);
        Throwable thrown = catchThrowable(() -> DataSourceBooter.boot(broken, new MissingClassDriver(), settings(), observation(), bootstrap));

        assertThat(thrown).isInstanceOf(DataSourceStartException.class)
                .hasMessageStartingWith("DataSource Broken failed to start: NoClassDefFoundError: jakarta/transaction/TransactionManager")
                .hasRootCauseInstanceOf(NoClassDefFoundError.class);
        assertThat(bootstrap.activeRegistries()).as("only the bootstrap registry itself is left").isEqualTo(1);
        bootstrap.close();
        assertThat(bootstrap.activeRegistries()).isZero();
        assertPoolThreadsEnd("Broken");
    }

    @Test
    void aModelHibernateRefusesDestroysTheRegistryToo() {
        HibernateBootstrap bootstrap = new HibernateBootstrap();
        BaseDataSource refused = h2("Refused", "test-h2", NoIdentifier.class);
        Throwable thrown = catchThrowable(() -> DataSourceBooter.boot(refused, new TestH2Driver(), settings(), observation(), bootstrap));

        assertThat(thrown).isInstanceOf(ModelException.class).hasMessageStartingWith("DataSource Refused failed to start: ")
                .hasMessageContaining("NoIdentifier");
        assertThat(bootstrap.activeRegistries()).isEqualTo(1);
        bootstrap.close();
        assertThat(bootstrap.activeRegistries()).isZero();
        assertPoolThreadsEnd("Refused");
    }

    /** The failing datasource among healthy ones booting in parallel (1, 2 or 3 datasources in all). */
    @ParameterizedTest(name = "{0} datasource(s)")
    @ValueSource(ints = {1, 2, 3})
    void theEngineThrowsTheCauseAndClosesEverything(int count) {
        List<BaseDataSource> healthy = new ArrayList<>();
        Class<?>[] models = {Tag.class, PostTag.class};
        for (int i = 0; i < count - 1; i++) {
            healthy.add(h2("Healthy" + i, "test-h2", models[i]));
        }
        BaseDataSource broken = h2("Broken", "missing-class", Item.class);
        List<BaseDataSource> all = new ArrayList<>(healthy);
        all.add(count == 3 ? 1 : all.size(), broken); // not always last: the order of registration decides what is thrown

        Engine engine = engine(all.toArray(IDataSource[]::new));
        Throwable thrown = catchThrowable(engine::start);

        assertThat(thrown).isInstanceOf(DataSourceStartException.class)
                .hasMessageStartingWith("DataSource Broken failed to start: NoClassDefFoundError: jakarta/transaction/TransactionManager");
        assertNoConcurrentModification(thrown);
        assertThat(all).noneMatch(IDataSource::isStarted);
        all.forEach(ds -> assertPoolThreadsEnd(ds.name()));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("ignis-boot") && t.isAlive());

        // The same names, corrected: a new engine in the same JVM starts and serves.
        BaseDataSource fixed = h2("Broken", "test-h2", Item.class);
        List<BaseDataSource> again = new ArrayList<>();
        healthy.forEach(ds -> again.add(h2(ds.name(), "test-h2", ds.models().get(0))));
        again.add(fixed);
        try (Engine corrected = engine(again.toArray(IDataSource[]::new)).start()) {
            assertThat(new CrudRepository<Item, String>(fixed, Item.class) {
            }.count()).isZero();
        }
    }

    @Test
    void everyFailingDataSourceIsReportedTheFirstThrownTheOthersSuppressed() {
        BaseDataSource unreachable = new BaseDataSource(DataSourceConfig.named("Unreachable").driver("test-h2")
                .url("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here").connectionTimeout(Duration.ofMillis(500)).models(Tag.class)) {
        };
        BaseDataSource broken = h2("Broken", "missing-class", Item.class);
        BaseDataSource healthy = h2("Healthy", "test-h2", PostTag.class);

        Throwable thrown = catchThrowable(engine(unreachable, healthy, broken)::start);

        assertThat(thrown).isInstanceOf(DataSourceUnavailableException.class).hasMessageStartingWith("DataSource Unreachable is unavailable");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(DataSourceStartException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("DataSource Broken failed to start"));
        assertNoConcurrentModification(thrown);
        assertThat(healthy.isStarted()).isFalse();
        List.of("Unreachable", "Broken", "Healthy").forEach(FailedStartTest::assertPoolThreadsEnd);
    }

    /** Two registries left open made Hibernate's destroy of the shared one fail, hiding the cause. */
    @Test
    void twoDataSourcesFailingInsideHibernateKeepTheirCauses() {
        BaseDataSource first = h2("First", "missing-class", Item.class);
        BaseDataSource second = h2("Second", "missing-class", Tag.class);
        BaseDataSource third = h2("Third", "missing-class", PostTag.class);

        Throwable thrown = catchThrowable(engine(first, second, third)::start);

        assertThat(thrown).isInstanceOf(DataSourceStartException.class)
                .hasMessageStartingWith("DataSource First failed to start: NoClassDefFoundError: jakarta/transaction/TransactionManager");
        assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly(
                "DataSource Second failed to start: NoClassDefFoundError: jakarta/transaction/TransactionManager",
                "DataSource Third failed to start: NoClassDefFoundError: jakarta/transaction/TransactionManager");
        assertNoConcurrentModification(thrown);
        List.of("First", "Second", "Third").forEach(FailedStartTest::assertPoolThreadsEnd);
    }

    @Test
    void theSameEngineCanBeStartedAgainOnceItsServerAnswers() {
        BaseDataSource broken = h2("Retried", "missing-class", Item.class);
        Engine engine = engine(broken);
        assertThatThrownBy(engine::start).isInstanceOf(IgnisException.class);
        assertThatThrownBy(engine::start).as("fails the same way again, nothing left over from the first try")
                .isInstanceOf(DataSourceStartException.class).hasMessageContaining("NoClassDefFoundError");
        engine.close();
    }

    private static void assertNoConcurrentModification(Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        collect(thrown, seen);
        assertThat(seen).noneMatch(ConcurrentModificationException.class::isInstance);
    }

    private static void collect(Throwable t, List<Throwable> seen) {
        if (t == null || seen.contains(t)) {
            return;
        }
        seen.add(t);
        collect(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, seen);
        }
    }

    /** HikariCP names its threads after the pool (= datasource); each must end, waited for, not sampled. */
    static void assertPoolThreadsEnd(String pool) {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(pool + " ") || t.getName().startsWith(pool + ":")).toList();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(threads).as("threads of pool " + pool).noneMatch(Thread::isAlive);
    }

    private static EngineSettings settings() {
        return new EngineSettings(EngineSettings.DEFAULT_LIMIT, EngineSettings.MAX_LIMIT, Clock.systemUTC(), CurrentUser.ANONYMOUS,
                EngineSettings.MAX_INCLUDE_DEPTH, 0, EngineSettings.MAX_RELATED_KEYS, false);
    }

    private static Observation observation() {
        return new Observation(QueryListener.NONE, io.micrometer.observation.ObservationRegistry.NOOP);
    }
}
