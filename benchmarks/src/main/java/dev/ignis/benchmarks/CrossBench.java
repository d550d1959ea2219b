package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Dataset;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.benchmarks.support.JdbcConfigurations;
import dev.ignis.benchmarks.support.Pools;
import dev.ignis.engine.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2: configurations on MariaDB, their creator and modifier on PostgreSQL. The library's include crosses
 * datasources; the hand-written equivalent runs two statements (the page on MariaDB, the users by id on PostgreSQL
 * with one array parameter) and stitches them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 7, time = 1)
@Measurement(iterations = 3, time = 1)
public class CrossBench {

    @State(Scope.Benchmark)
    public static class JdbcState {
        HikariDataSource mariaPool;
        HikariDataSource pgPool;
        JdbcConfigurations maria;
        JdbcConfigurations pg;

        @Setup(Level.Trial)
        public void setUp() {
            Dataset.ensureMariaDb();
            mariaPool = Pools.open(Db.MARIADB, "jdbc-mariadb");
            pgPool = Pools.open(Db.POSTGRES, "jdbc-postgres");
            maria = new JdbcConfigurations(Db.MARIADB, mariaPool);
            pg = new JdbcConfigurations(Db.POSTGRES, pgPool);
            Checks.page(stitched(this));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            mariaPool.close();
            pgPool.close();
        }
    }

    @State(Scope.Benchmark)
    public static class IgnisState {
        Engine engine;
        CrudRepository<Configuration, String> configurations;

        @Setup(Level.Trial)
        public void setUp() {
            Dataset.ensureMariaDb();
            BenchDataSource legacy = BenchDataSource.of("Legacy", Db.MARIADB, SchemaAction.NONE, Configuration.class);
            BenchDataSource core = BenchDataSource.of("Core", Db.POSTGRES, SchemaAction.NONE, User.class);
            engine = BenchDataSource.start(null, legacy, core);
            configurations = legacy.repository(Configuration.class);
            Checks.page(configurations.find(BenchDataSource.pageFilter()));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    static List<Configuration> stitched(JdbcState s) {
        List<Configuration> rows = s.maria.findPageWithoutRelations(Dataset.QUERY_GROUP, Dataset.PAGE);
        Set<String> ids = new LinkedHashSet<>();
        for (Configuration row : rows) {
            ids.add(row.getCreatedBy());
            ids.add(row.getModifiedBy());
        }
        Map<String, User> users = s.pg.usersById(ids);
        for (Configuration row : rows) {
            row.setCreator(users.get(row.getCreatedBy()));
            row.setModifier(users.get(row.getModifiedBy()));
        }
        return rows;
    }

    @Benchmark
    public List<Configuration> jdbc(JdbcState s) {
        return stitched(s);
    }

    @Benchmark
    public List<Configuration> ignis(IgnisState s) {
        return s.configurations.find(Filter.where("group", Dataset.QUERY_GROUP).order("code ASC").limit(Dataset.PAGE)
                .include("creator", "modifier"));
    }
}
