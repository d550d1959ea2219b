package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.WriteResult;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3 on PostgreSQL (or another database with {@code -p crudDb=...}): findById, count on the indexed
 * column, create one row, createAll 1000 rows — the library against hand-written JDBC (a JDBC batch in one
 * transaction for the 1000 rows). Rows written here carry group {@value Dataset#WRITE_GROUP} and are deleted after
 * every iteration, so the table the reads see stays the same.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 2, time = 1)
public class CrudBench {
    static final int BATCH = 1000;

    @State(Scope.Benchmark)
    public abstract static class Base {
        @Param({"postgres"})
        public String crudDb;
        Db db;
        HikariDataSource cleanup;
        String[] ids;
        int next;
        final String prefix = UUID.randomUUID().toString().substring(0, 8);
        long written;

        void initBase() {
            db = Db.of(crudDb);
            Dataset.ensure(db);
            cleanup = Pools.open(db, "cleanup");
            List<Configuration> all = Dataset.configurations(Dataset.users());
            ids = new String[1024];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = all.get((i * 7919) % all.size()).getId();
            }
        }

        @TearDown(Level.Iteration)
        public void deleteWritten() {
            Dataset.deleteWritten(db, cleanup);
        }

        void closeBase() {
            cleanup.close();
        }

        String nextId() {
            return ids[next++ & 1023];
        }

        /** A new row as an application would build it; the contender fills id and timestamps. */
        Configuration newRow() {
            return new Configuration("w-" + prefix + "-" + (written++), Dataset.WRITE_GROUP, ids[(int) (written & 1023)]);
        }
    }

    @State(Scope.Benchmark)
    public static class JdbcState extends Base {
        HikariDataSource pool;
        JdbcConfigurations jdbc;

        @Setup(Level.Trial)
        public void setUp() {
            initBase();
            pool = Pools.open(db, "jdbc");
            jdbc = new JdbcConfigurations(db, pool);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
            closeBase();
        }

        /** What the hand-written code does on create: an id and the timestamps, like the library's enrichers. */
        Configuration stamped(Configuration row) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            row.setId(UUID.randomUUID().toString());
            row.getTz().setCreatedAt(now);
            row.getTz().setModifiedAt(now);
            return row;
        }
    }

    @State(Scope.Benchmark)
    public static class IgnisState extends Base {
        Engine engine;
        CrudRepository<Configuration, String> configurations;

        @Setup(Level.Trial)
        public void setUp() {
            initBase();
            BenchDataSource ds = BenchDataSource.of("Core", db, SchemaAction.NONE, User.class, Configuration.class);
            engine = BenchDataSource.start(null, ds);
            configurations = ds.repository(Configuration.class);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
            closeBase();
        }
    }

    @Benchmark
    public Configuration findByIdJdbc(JdbcState s) {
        return s.jdbc.findById(s.nextId());
    }

    @Benchmark
    public Optional<Configuration> findByIdIgnis(IgnisState s) {
        return s.configurations.findById(s.nextId());
    }

    @Benchmark
    public long countJdbc(JdbcState s) {
        return s.jdbc.count(Dataset.QUERY_GROUP);
    }

    @Benchmark
    public long countIgnis(IgnisState s) {
        return s.configurations.count(Where.eq("group", Dataset.QUERY_GROUP));
    }

    @Benchmark
    public Configuration createJdbc(JdbcState s) {
        Configuration row = s.stamped(s.newRow());
        s.jdbc.insert(row);
        return row;
    }

    @Benchmark
    public WriteResult<Configuration> createIgnis(IgnisState s) {
        return s.configurations.create(s.newRow());
    }

    @Benchmark
    public List<Configuration> createAllJdbc(JdbcState s) {
        List<Configuration> rows = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            rows.add(s.stamped(s.newRow()));
        }
        s.jdbc.insertAll(rows);
        return rows;
    }

    @Benchmark
    public WriteResult<Configuration> createAllIgnis(IgnisState s) {
        List<Configuration> rows = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            rows.add(s.newRow());
        }
        return s.configurations.createAll(rows);
    }
}
