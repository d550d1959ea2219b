package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.benchmarks.hibernate.HConfiguration;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Dataset;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.benchmarks.support.JdbcConfigurations;
import dev.ignis.benchmarks.support.PlainHibernate;
import dev.ignis.benchmarks.support.Pools;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.metrics.MicrometerQueryListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 1: 100 configurations of one group (indexed column), ordered by code, with their creator and modifier
 * (same datasource) — (a) hand-written JDBC, (b) plain Hibernate with {@code join fetch}, (c) the library with a
 * typed filter, (d) the library with the same filter parsed from JSON on every call — on H2 in memory and on
 * PostgreSQL. Scenario 6: (c) again with a Micrometer registry listening to every statement and call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 7, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReadBench {

    @State(Scope.Benchmark)
    public static class JdbcState {
        @Param({"h2", "postgres", "mariadb"})
        public String db;
        HikariDataSource pool;
        JdbcConfigurations jdbc;

        @Setup(Level.Trial)
        public void setUp() {
            Db database = Db.of(db);
            Dataset.ensure(database);
            pool = Pools.open(database, "jdbc");
            jdbc = new JdbcConfigurations(database, pool);
            Checks.page(jdbc.findPage(Dataset.QUERY_GROUP, Dataset.PAGE));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    /** Plain Hibernate on H2 and PostgreSQL, the databases scenario 1 names for it (MariaDB through {@code -p db=...}). */
    @State(Scope.Benchmark)
    public static class HibernateState {
        @Param({"h2", "postgres"})
        public String db;
        PlainHibernate hibernate;

        @Setup(Level.Trial)
        public void setUp() {
            Db database = Db.of(db);
            Dataset.ensure(database);
            hibernate = new PlainHibernate(database);
            Checks.hibernatePage(hibernate.findPage(Dataset.QUERY_GROUP, Dataset.PAGE));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            hibernate.close();
        }
    }

    /** The library on one datasource owning User and Configuration. */
    public abstract static class EngineState {
        Engine engine;
        CrudRepository<Configuration, String> configurations;

        abstract String database();

        QueryListener listener() {
            return null;
        }

        @Setup(Level.Trial)
        public void setUp() {
            Db database = Db.of(database());
            Dataset.ensure(database);
            BenchDataSource ds = BenchDataSource.of("Core", database, SchemaAction.NONE, User.class, Configuration.class);
            engine = BenchDataSource.start(listener(), ds);
            configurations = ds.repository(Configuration.class);
            Checks.page(configurations.find(BenchDataSource.pageFilter()));
            Checks.page(configurations.find(Filter.parse(BenchDataSource.PAGE_FILTER_JSON)));
            checkListener();
        }

        void checkListener() {
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @State(Scope.Benchmark)
    public static class IgnisState extends EngineState {
        @Param({"h2", "postgres", "mariadb"})
        public String db;

        @Override
        String database() {
            return db;
        }
    }

    /** (d), the filter parsed from JSON, against (c) on H2 and PostgreSQL (MariaDB through {@code -p db=...}). */
    @State(Scope.Benchmark)
    public static class IgnisJsonState extends EngineState {
        @Param({"h2", "postgres"})
        public String db;

        @Override
        String database() {
            return db;
        }
    }

    /** Scenario 6: the same engine with {@link MicrometerQueryListener} on a {@link SimpleMeterRegistry}. */
    @State(Scope.Benchmark)
    public static class IgnisMetricsState extends EngineState {
        @Param({"h2"})
        public String metricsDb;
        SimpleMeterRegistry registry;

        @Override
        String database() {
            return metricsDb;
        }

        @Override
        QueryListener listener() {
            registry = new SimpleMeterRegistry();
            return new MicrometerQueryListener(registry);
        }

        @Override
        void checkListener() {
            if (registry.find(MicrometerQueryListener.STATEMENT_TIMER).timer() == null) {
                throw new IllegalStateException("the registry recorded no statement");
            }
        }
    }

    @Benchmark
    public List<Configuration> jdbc(JdbcState s) {
        return s.jdbc.findPage(Dataset.QUERY_GROUP, Dataset.PAGE);
    }

    @Benchmark
    public List<HConfiguration> hibernate(HibernateState s) {
        return s.hibernate.findPage(Dataset.QUERY_GROUP, Dataset.PAGE);
    }

    @Benchmark
    public List<Configuration> ignisTyped(IgnisState s) {
        return s.configurations.find(Filter.where("group", Dataset.QUERY_GROUP).order("code ASC").limit(Dataset.PAGE)
                .include("creator", "modifier"));
    }

    @Benchmark
    public List<Configuration> ignisJson(IgnisJsonState s) {
        return s.configurations.find(Filter.parse(BenchDataSource.PAGE_FILTER_JSON));
    }

    @Benchmark
    public List<Configuration> ignisTypedMetrics(IgnisMetricsState s) {
        return s.configurations.find(Filter.where("group", Dataset.QUERY_GROUP).order("code ASC").limit(Dataset.PAGE)
                .include("creator", "modifier"));
    }
}
