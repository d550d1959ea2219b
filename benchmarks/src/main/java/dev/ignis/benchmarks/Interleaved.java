package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Dataset;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.benchmarks.support.JdbcConfigurations;
import dev.ignis.benchmarks.support.Pools;
import dev.ignis.engine.Engine;

import java.util.List;

/**
 * A diagnostic, not a JMH benchmark: the library against hand-written JDBC in alternating blocks of calls in one
 * JVM ({@code -Drounds=16} rounds, the first half are warm-up; {@code -Dscale=1} multiplies the calls per block), so
 * that load from other processes on a shared machine hits both contenders alike. {@code -Ddb=H2} (or {@code POSTGRES},
 * {@code MARIADB}) limits it to one database, {@code -Ddb=CROSS} to scenario 2. Use it when JMH's per-benchmark forks
 * land in different load conditions; it has none of JMH's safeguards (dead-code elimination is prevented only by the
 * calls' side effects), so read it as a cross-check.
 * <pre>java -cp 'target/classes:target/lib/*' dev.ignis.benchmarks.Interleaved</pre>
 */
public final class Interleaved {
    private Interleaved() {
    }

    public static void main(String[] args) {
        String only = System.getProperty("db");
        for (Db db : List.of(Db.H2, Db.POSTGRES, Db.MARIADB)) {
            if (only != null && !only.equalsIgnoreCase(db.name())) {
                continue;
            }
            Dataset.ensure(db);
            List<Configuration> all = Dataset.configurations(Dataset.users());
            BenchDataSource ds = BenchDataSource.of("Core", db, SchemaAction.NONE, User.class, Configuration.class);
            try (Engine ignored = BenchDataSource.start(null, ds); HikariDataSource pool = Pools.open(db, "jdbc")) {
                CrudRepository<Configuration, String> repo = ds.repository(Configuration.class);
                JdbcConfigurations jdbc = new JdbcConfigurations(db, pool);
                int[] i = {0};
                ab(db + " findById", () -> repo.findById(all.get(i[0]++ % 1000).getId()), () -> jdbc.findById(all.get(i[0]++ % 1000).getId()), 300);
                ab(db + " page", () -> repo.find(BenchDataSource.pageFilter()), () -> jdbc.findPage(Dataset.QUERY_GROUP, Dataset.PAGE), 60);
            }
        }
        if (only == null || only.equalsIgnoreCase("CROSS")) {
            cross();
        }
    }

    /** Scenario 2: configurations on MariaDB, their creators and modifiers from PostgreSQL. */
    private static void cross() {
        CrossBench.JdbcState jdbc = new CrossBench.JdbcState();
        CrossBench.IgnisState ignis = new CrossBench.IgnisState();
        jdbc.setUp();
        ignis.setUp();
        try {
            CrossBench bench = new CrossBench();
            ab("MARIADB->POSTGRES cross", () -> bench.ignis(ignis), () -> bench.jdbc(jdbc), 60);
        } finally {
            ignis.tearDown();
            jdbc.tearDown();
        }
    }

    private static void ab(String what, Runnable ignis, Runnable jdbc, int calls) {
        int rounds = Integer.getInteger("rounds", 16);
        int block = calls * Integer.getInteger("scale", 1);
        long ti = 0;
        long tj = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < block; k++) {
                ignis.run();
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < block; k++) {
                jdbc.run();
            }
            long t2 = System.nanoTime();
            if (round >= rounds / 2) {
                ti += t1 - t0;
                tj += t2 - t1;
            }
        }
        double measured = (rounds - rounds / 2) * (double) block;
        double ui = ti / 1e3 / measured;
        double uj = tj / 1e3 / measured;
        System.out.printf("%-22s ignis %8.1f us/call   jdbc %8.1f us/call   ignis/jdbc throughput %.3f%n", what, ui, uj, uj / ui);
    }
}
