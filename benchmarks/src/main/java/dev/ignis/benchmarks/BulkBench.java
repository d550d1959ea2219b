package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.UpsertOptions;
import dev.ignis.api.repository.WriteResult;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Dataset;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.benchmarks.support.JdbcBulk;
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
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario 8, bulk writes and reads on each database ({@code bulkDb}): {@code upsertAll} of 1,000 configurations
 * against a hand-written upsert batch in one transaction, and {@code stream} of all 20,000 configurations in id order
 * against a plain JDBC cursor. Each upsert call takes the next window of 1,000 ids, half of them written by the call
 * before (updates), half new (inserts); written rows carry group {@value Dataset#WRITE_GROUP} and are deleted after
 * every iteration. A stream call consumes every row (id and code into the blackhole).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 2, time = 1)
public class BulkBench {
    static final int BATCH = 1000;

    @State(Scope.Benchmark)
    public abstract static class Base {
        @Param({"postgres", "mariadb", "h2"})
        public String bulkDb;
        Db db;
        HikariDataSource cleanup;
        String[] userIds;
        final String prefix = UUID.randomUUID().toString().substring(0, 8);
        long calls;

        void initBase() {
            db = Db.of(bulkDb);
            Dataset.ensure(db);
            cleanup = Pools.open(db, "cleanup");
            List<User> users = Dataset.users();
            userIds = users.stream().map(User::getId).toArray(String[]::new);
        }

        @TearDown(Level.Iteration)
        public void deleteWritten() {
            Dataset.deleteWritten(db, cleanup);
        }

        void closeBase() {
            cleanup.close();
        }

        /** The next 1,000 rows: ids {@code calls * 500 ..}, so half overlap the previous call's. */
        List<Configuration> nextBatch(boolean stamped) {
            long first = (calls++) * (BATCH / 2);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Configuration> rows = new ArrayList<>(BATCH);
            for (long n = first; n < first + BATCH; n++) {
                String id = "u-" + prefix + "-" + String.format("%09d", n);
                Configuration row = new Configuration("c-" + id, Dataset.WRITE_GROUP, userIds[(int) (n % userIds.length)]);
                row.setId(id);
                if (stamped) {
                    // What the hand-written code does: the timestamps the library's enrichers set.
                    row.getTz().setCreatedAt(now);
                    row.getTz().setModifiedAt(now);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @State(Scope.Benchmark)
    public static class JdbcState extends Base {
        HikariDataSource pool;
        JdbcBulk jdbc;
        int fetchSize;

        @Setup(Level.Trial)
        public void setUp() {
            initBase();
            pool = Pools.open(db, "jdbc");
            jdbc = new JdbcBulk(db, pool);
            fetchSize = db.plugin().streamFetchSize();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
            closeBase();
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
    public List<Configuration> upsertAllJdbc(JdbcState s) {
        List<Configuration> rows = s.nextBatch(true);
        s.jdbc.upsertAll(rows);
        return rows;
    }

    @Benchmark
    public WriteResult<Configuration> upsertAllIgnis(IgnisState s) {
        return s.configurations.upsertAll(s.nextBatch(false), UpsertOptions.DEFAULT.withShouldReturn(false));
    }

    /** The same upsert returning the stored rows (for scale: the JDBC contender returns nothing). */
    @Benchmark
    public WriteResult<Configuration> upsertAllReturningIgnis(IgnisState s) {
        return s.configurations.upsertAll(s.nextBatch(false));
    }

    @Benchmark
    public long streamJdbc(JdbcState s, Blackhole bh) {
        return s.jdbc.streamAll(s.fetchSize, row -> {
            bh.consume(row.getId());
            bh.consume(row.getCode());
        });
    }

    @Benchmark
    public long streamIgnis(IgnisState s, Blackhole bh) {
        long count = 0;
        try (Stream<Configuration> rows = s.configurations.stream(Filter.empty().order("id"))) {
            for (Configuration row : (Iterable<Configuration>) rows::iterator) {
                bh.consume(row.getId());
                bh.consume(row.getCode());
                count++;
            }
        }
        return count;
    }
}
