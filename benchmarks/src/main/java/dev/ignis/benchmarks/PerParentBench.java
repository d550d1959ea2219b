package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.benchmarks.model.Event;
import dev.ignis.benchmarks.model.EventParent;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.benchmarks.support.EventDataset;
import dev.ignis.benchmarks.support.JdbcEvents;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 7: 100 parents with their 3 latest events each (include scope {@code order seq DESC, limit 3}), over
 * 10,000 and over 100 events per parent: (a) the library, (b) hand-written JDBC with the index-driven statement
 * (PostgreSQL {@code lateral} over an array, MariaDB and H2 {@code union all}), (c) hand-written JDBC with the old
 * {@code row_number()} window over every event of the parents.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
public class PerParentBench {
    static final int LIMIT = 3;

    /** The database and the number of events per parent. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param({"postgres", "mariadb"})
        public String ppDb;
        @Param({"10000", "100"})
        public int children;
        Db db;

        @Setup(Level.Trial)
        public void setUp() {
            db = Db.of(ppDb);
            EventDataset.ensure(db, children);
        }
    }

    @State(Scope.Benchmark)
    public static class JdbcState {
        HikariDataSource pool;
        JdbcEvents jdbc;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            pool = Pools.open(data.db, EventDataset.url(data.db, data.children), "jdbc-events");
            jdbc = new JdbcEvents(data.db, pool);
            check(jdbc.indexed(LIMIT), data.children);
            check(jdbc.window(LIMIT), data.children);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    @State(Scope.Benchmark)
    public static class IgnisState {
        Engine engine;
        CrudRepository<EventParent, String> parents;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            BenchDataSource ds = BenchDataSource.of("Events", data.db, EventDataset.url(data.db, data.children), SchemaAction.NONE,
                    EventParent.class, Event.class);
            engine = BenchDataSource.start(null, ds);
            parents = ds.repository(EventParent.class);
            check(find(this), data.children);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /** Every contender returns the parents in id order, each with its 3 events of the highest seq. */
    static void check(List<EventParent> parents, int children) {
        if (parents.size() != EventDataset.PARENTS) {
            throw new IllegalStateException(parents.size() + " parents instead of " + EventDataset.PARENTS);
        }
        for (EventParent parent : parents) {
            List<Integer> seqs = parent.getEvents().stream().map(Event::getSeq).toList();
            if (!seqs.equals(List.of(children - 1, children - 2, children - 3))) {
                throw new IllegalStateException(parent.getId() + " has events " + seqs);
            }
        }
    }

    static List<EventParent> find(IgnisState s) {
        return s.parents.find(Filter.empty().order("id").limit(EventDataset.PARENTS)
                .include(Include.of("events", Filter.empty().order("seq DESC").limit(LIMIT))));
    }

    @Benchmark
    public List<EventParent> ignis(IgnisState s) {
        return find(s);
    }

    @Benchmark
    public List<EventParent> jdbcIndexed(JdbcState s) {
        return s.jdbc.indexed(LIMIT);
    }

    @Benchmark
    public List<EventParent> jdbcWindow(JdbcState s) {
        return s.jdbc.window(LIMIT);
    }
}
