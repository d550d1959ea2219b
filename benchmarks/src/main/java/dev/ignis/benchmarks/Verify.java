package dev.ignis.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
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

import java.util.List;
import java.util.Objects;

/**
 * Before anything is measured: every contender of scenarios 1 and 2 must return the same rows in the same order,
 * with the same related users and the same column values. Run by {@link Run} first; also runnable alone.
 */
public final class Verify {
    private Verify() {
    }

    public static void main(String[] args) {
        run();
    }

    static void run() {
        for (Db db : List.of(Db.H2, Db.POSTGRES, Db.MARIADB)) {
            Dataset.ensure(db);
            List<Configuration> expected;
            try (HikariDataSource pool = Pools.open(db, "verify")) {
                expected = new JdbcConfigurations(db, pool).findPage(Dataset.QUERY_GROUP, Dataset.PAGE);
            }
            Checks.page(expected);
            try (PlainHibernate hibernate = new PlainHibernate(db)) {
                List<HConfiguration> rows = hibernate.findPage(Dataset.QUERY_GROUP, Dataset.PAGE);
                for (int i = 0; i < rows.size(); i++) {
                    HConfiguration h = rows.get(i);
                    Configuration e = expected.get(i);
                    require(db + " hibernate row " + i, e.getId().equals(h.getId()) && e.getCode().equals(h.getCode())
                            && e.getCreator().getName().equals(h.getCreator().getName())
                            && e.getModifier().getName().equals(h.getModifier().getName())
                            && e.getTz().getCreatedAt().equals(h.getTz().getCreatedAt()));
                }
            }
            BenchDataSource ds = BenchDataSource.of("Core", db, SchemaAction.NONE, User.class, Configuration.class);
            try (Engine ignored = BenchDataSource.start(null, ds)) {
                same(db + " ignis typed", expected, ds.repository(Configuration.class).find(BenchDataSource.pageFilter()));
                same(db + " ignis json", expected, ds.repository(Configuration.class).find(Filter.parse(BenchDataSource.PAGE_FILTER_JSON)));
            }
        }
        Dataset.ensureMariaDb();
        CrossBench.JdbcState jdbc = new CrossBench.JdbcState();
        jdbc.setUp();
        try {
            List<Configuration> expected = CrossBench.stitched(jdbc);
            BenchDataSource legacy = BenchDataSource.of("Legacy", Db.MARIADB, SchemaAction.NONE, Configuration.class);
            BenchDataSource core = BenchDataSource.of("Core", Db.POSTGRES, SchemaAction.NONE, User.class);
            try (Engine ignored = BenchDataSource.start(null, legacy, core)) {
                same("mariadb+postgres ignis", expected, legacy.repository(Configuration.class).find(BenchDataSource.pageFilter()));
            }
        } finally {
            jdbc.tearDown();
        }
        System.out.println("[bench] verify: every contender returns the same 100 rows with the same creators and modifiers");
    }

    private static void same(String what, List<Configuration> expected, List<Configuration> actual) {
        Checks.page(actual);
        for (int i = 0; i < expected.size(); i++) {
            Configuration e = expected.get(i);
            Configuration a = actual.get(i);
            require(what + " row " + i, e.getId().equals(a.getId()) && e.getCode().equals(a.getCode())
                    && Objects.equals(e.getTz().getCreatedAt(), a.getTz().getCreatedAt())
                    && Objects.equals(e.getTz().getModifiedAt(), a.getTz().getModifiedAt())
                    && sameUser(e.getCreator(), a.getCreator()) && sameUser(e.getModifier(), a.getModifier()));
        }
    }

    private static boolean sameUser(User e, User a) {
        return e.getId().equals(a.getId()) && Objects.equals(e.getName(), a.getName())
                && Objects.equals(e.getTz().getCreatedAt(), a.getTz().getCreatedAt())
                && Objects.equals(e.getUser().getLastLoginAt(), a.getUser().getLastLoginAt())
                && Objects.equals(e.getUser().getRealm(), a.getUser().getRealm());
    }

    private static void require(String what, boolean ok) {
        if (!ok) {
            throw new IllegalStateException("contenders disagree: " + what);
        }
    }
}
