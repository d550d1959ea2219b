package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.benchmarks.support.Pools;
import dev.ignis.engine.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4: what a filter costs before the database does any work, averaged over five typical filters
 * (scores are per filter). The engine's compile step (validation against the metamodel, HQL rendering, Hibernate's
 * query-plan lookup) is not public API, so it is measured as {@code parse} alone, and as parse + {@code count} /
 * parse + {@code find} on EMPTY H2 tables, next to hand-written JDBC running the equivalent counts on the same empty
 * tables: the difference is the library's per-call cost (compile, session, observation) over one JDBC round trip.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
public class CompileBench {
    static final List<String> FILTERS = List.of(
            // 1. scenario 1's page with two joined includes
            "{\"where\":{\"group\":\"g07\"},\"order\":[\"code ASC\"],\"limit\":100,\"include\":[\"creator\",\"modifier\"]}",
            // 2. pattern and list operators, order by a timestamp, a page further down
            "{\"where\":{\"code\":{\"like\":\"c1%\"},\"group\":{\"inq\":[\"g01\",\"g02\",\"g03\"]}},\"order\":[\"createdAt DESC\"],\"limit\":20,\"skip\":40}",
            // 3. nested or/and with a timestamp comparison and a field projection
            "{\"where\":{\"or\":[{\"createdBy\":\"u1\"},{\"and\":[{\"modifiedBy\":\"u2\"},{\"createdAt\":{\"gt\":\"2024-06-01T00:00:00Z\"}}]}]},"
                    + "\"fields\":[\"id\",\"code\",\"group\"],\"limit\":50}",
            // 4. a condition on a related model's field (EXISTS) and a scoped include
            "{\"where\":{\"creator.name\":\"user-0001\"},\"include\":[{\"relation\":\"creator\",\"scope\":{\"fields\":[\"id\",\"name\"]}}],\"limit\":10}",
            // 5. between, neq and two sort keys
            "{\"where\":{\"createdAt\":{\"between\":[\"2024-01-01T00:00:00Z\",\"2024-12-31T00:00:00Z\"]},\"group\":{\"neq\":\"g00\"}},"
                    + "\"order\":[\"group ASC\",\"code DESC\"],\"limit\":50}");

    @State(Scope.Benchmark)
    public static class EmptyTables {
        static final String URL = "jdbc:h2:mem:ignis_bench_empty;DB_CLOSE_DELAY=-1";
        Engine engine;
        CrudRepository<Configuration, String> configurations;
        HikariDataSource pool;
        String[] countSql;

        @Setup(Level.Trial)
        public void setUp() {
            BenchDataSource ds = BenchDataSource.of("Empty", Db.H2, URL, SchemaAction.CREATE, User.class, Configuration.class);
            engine = BenchDataSource.start(null, ds);
            configurations = ds.repository(Configuration.class);
            pool = Pools.open(Db.H2, URL, "jdbc-empty");
            String c = " from \"Configuration\" c where ";
            countSql = new String[] {
                    "select count(*)" + c + "c.\"group\" = ?",
                    "select count(*)" + c + "c.\"code\" like ? and c.\"group\" in (?, ?, ?)",
                    "select count(*)" + c + "(c.\"created_by\" = ? or (c.\"modified_by\" = ? and c.\"created_at\" > ?))",
                    "select count(*)" + c + "exists (select 1 from \"User\" u where u.\"id\" = c.\"created_by\" and u.\"name\" = ?)",
                    "select count(*)" + c + "c.\"created_at\" between ? and ? and c.\"group\" <> ?"};
            for (String json : FILTERS) {
                configurations.find(Filter.parse(json));
                configurations.count(Filter.parse(json).where());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
            pool.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void parse(Blackhole bh) {
        for (String json : FILTERS) {
            bh.consume(Filter.parse(json));
        }
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void parseAndCount(EmptyTables s, Blackhole bh) {
        for (String json : FILTERS) {
            bh.consume(s.configurations.count(Filter.parse(json).where()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void parseAndFind(EmptyTables s, Blackhole bh) {
        for (String json : FILTERS) {
            bh.consume(s.configurations.find(Filter.parse(json)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void jdbcCount(EmptyTables s, Blackhole bh) throws SQLException {
        OffsetDateTime june = OffsetDateTime.parse("2024-06-01T00:00:00Z");
        OffsetDateTime from = OffsetDateTime.parse("2024-01-01T00:00:00Z");
        OffsetDateTime to = OffsetDateTime.parse("2024-12-31T00:00:00Z");
        Object[][] params = {
                {"g07"},
                {"c1%", "g01", "g02", "g03"},
                {"u1", "u2", june},
                {"user-0001"},
                {from, to, "g00"}};
        for (int i = 0; i < params.length; i++) {
            try (Connection connection = s.pool.getConnection(); PreparedStatement ps = connection.prepareStatement(s.countSql[i])) {
                for (int p = 0; p < params[i].length; p++) {
                    ps.setObject(p + 1, params[i][p]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bh.consume(rs.getLong(1));
                }
            }
        }
    }
}
