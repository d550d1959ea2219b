package dev.ignis.benchmarks.support;

import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserColumns;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;
import dev.ignis.engine.Engine;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The data every contender reads: 1 000 users and 20 000 configurations in 40 groups of 500, deterministic
 * (seeded random), with microsecond timestamps. The schema is created by the engine itself (SchemaAction.CREATE,
 * so column types are Hibernate's), the rows are written with a JDBC batch. PostgreSQL (schema {@value #SCHEMA})
 * and MariaDB (database {@value #SCHEMA}) are seeded once and marked with a version row; H2 in memory once per JVM.
 */
public final class Dataset {
    public static final String SCHEMA = "ignis_bench";
    public static final int USERS = 1_000;
    public static final int CONFIGURATIONS = 20_000;
    public static final int GROUPS = 40;
    public static final String QUERY_GROUP = "g07";
    public static final int PAGE = 100;
    /** Rows the write benchmarks create carry this group; they are deleted after each iteration. */
    public static final String WRITE_GROUP = "w";
    private static final String VERSION = "ignis-bench-1";
    /** MariaDB holds users since scenario 1 runs there too. */
    private static final String MARIADB_VERSION = "ignis-bench-2";
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    private static boolean h2Seeded;
    private static boolean postgresChecked;
    private static boolean mariaDbChecked;

    private Dataset() {
    }

    public static synchronized void ensure(Db db) {
        switch (db) {
            case H2 -> ensureH2();
            case POSTGRES -> ensurePostgres();
            case MARIADB -> ensureMariaDb();
        }
    }

    public static synchronized void ensureH2() {
        if (h2Seeded) {
            return;
        }
        try (Engine ignored = BenchDataSource.start(null, BenchDataSource.of("SeedH2", Db.H2, SchemaAction.CREATE, User.class, Configuration.class))) {
            // the engine created the tables
        }
        List<User> users = users();
        insert(Db.H2, Db.H2.url(), users, configurations(users));
        h2Seeded = true;
    }

    public static synchronized void ensurePostgres() {
        if (postgresChecked) {
            return;
        }
        String admin = Db.POSTGRES.url().replaceFirst("\\?.*$", "");
        exec(Db.POSTGRES, admin, "create schema if not exists " + SCHEMA);
        if (!VERSION.equals(marker(Db.POSTGRES))) {
            System.out.println("[bench] seeding PostgreSQL schema " + SCHEMA + " (" + USERS + " users, " + CONFIGURATIONS + " configurations)");
            try (Engine ignored = BenchDataSource.start(null, BenchDataSource.of("SeedPg", Db.POSTGRES, SchemaAction.CREATE, User.class, Configuration.class))) {
                // the engine created the tables
            }
            List<User> users = users();
            insert(Db.POSTGRES, Db.POSTGRES.url(), users, configurations(users));
            exec(Db.POSTGRES, Db.POSTGRES.url(), "analyze " + Db.POSTGRES.q("Configuration"));
            exec(Db.POSTGRES, Db.POSTGRES.url(), "analyze " + Db.POSTGRES.q("User"));
            setMarker(Db.POSTGRES);
        }
        // The write benchmarks insert and delete rows in the same table, and autovacuum may be off: without this, dead
        // rows and stale statistics make later forks' plans (and every contender's speed) drift from fork to fork.
        exec(Db.POSTGRES, Db.POSTGRES.url(), "vacuum analyze " + Db.POSTGRES.q("Configuration"));
        exec(Db.POSTGRES, Db.POSTGRES.url(), "vacuum analyze " + Db.POSTGRES.q("User"));
        postgresChecked = true;
    }

    /**
     * Users and configurations on MariaDB: scenario 1 reads both there; scenario 2 reads the configurations there and
     * their creators and modifiers from the same users on PostgreSQL.
     */
    public static synchronized void ensureMariaDb() {
        if (mariaDbChecked) {
            return;
        }
        ensurePostgres();
        String admin = Db.MARIADB.url().replaceFirst("/[^/?]*(\\?.*)?$", "/");
        exec(Db.MARIADB, admin, "create database if not exists " + SCHEMA);
        if (!MARIADB_VERSION.equals(marker(Db.MARIADB))) {
            System.out.println("[bench] seeding MariaDB database " + SCHEMA + " (" + USERS + " users, " + CONFIGURATIONS + " configurations)");
            try (Engine ignored = BenchDataSource.start(null,
                    BenchDataSource.of("SeedMaria", Db.MARIADB, SchemaAction.CREATE, User.class, Configuration.class))) {
                // the engine created the tables on MariaDB
            }
            List<User> users = users();
            insert(Db.MARIADB, Db.MARIADB.url(), users, configurations(users));
            exec(Db.MARIADB, Db.MARIADB.url(), "analyze table " + Db.MARIADB.q("Configuration") + ", " + Db.MARIADB.q("User"));
            setMarker(Db.MARIADB, MARIADB_VERSION);
        }
        exec(Db.MARIADB, Db.MARIADB.url(), "analyze table " + Db.MARIADB.q("Configuration") + ", " + Db.MARIADB.q("User"));
        mariaDbChecked = true;
    }

    /** Deletes what the write benchmarks created. */
    public static void deleteWritten(Db db, DataSource pool) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from " + db.q("Configuration") + " where " + db.q("group") + " = ?")) {
            ps.setString(1, WRITE_GROUP);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<User> users() {
        Random random = new Random(7);
        List<User> users = new ArrayList<>(USERS);
        for (int i = 0; i < USERS; i++) {
            User u = new User();
            u.setId(uuid(random));
            u.setName(String.format("user-%04d", i));
            TzColumns tz = new TzColumns();
            tz.setCreatedAt(timestamp(random));
            tz.setModifiedAt(timestamp(random));
            u.setTz(tz);
            UserColumns extra = new UserColumns();
            extra.setRealm(i % 3 == 0 ? "internal" : "customers");
            extra.setStatus("ACTIVATED");
            extra.setType(i % 10 == 0 ? "admin" : "member");
            extra.setActivatedAt(timestamp(random));
            extra.setLastLoginAt(i % 4 == 0 ? null : timestamp(random));
            u.setUser(extra);
            users.add(u);
        }
        return users;
    }

    public static List<Configuration> configurations(List<User> users) {
        Random random = new Random(11);
        List<Configuration> rows = new ArrayList<>(CONFIGURATIONS);
        for (int i = 0; i < CONFIGURATIONS; i++) {
            String creator = users.get(random.nextInt(users.size())).getId();
            Configuration c = new Configuration(String.format("c%08x-%05d", random.nextInt(), i),
                    String.format("g%02d", random.nextInt(GROUPS)), creator);
            c.setId(uuid(random));
            c.setModifiedBy(random.nextInt(4) == 0 ? creator : users.get(random.nextInt(users.size())).getId());
            c.getTz().setCreatedAt(timestamp(random));
            c.getTz().setModifiedAt(timestamp(random));
            rows.add(c);
        }
        return rows;
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static Instant timestamp(Random random) {
        return BASE.plus(random.nextInt(365 * 24 * 3600), ChronoUnit.SECONDS).plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
    }

    private static void insert(Db db, String url, List<User> users, List<Configuration> configurations) {
        try (Connection c = DriverManager.getConnection(url, props(db))) {
            c.setAutoCommit(false);
            if (!users.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(JdbcConfigurations.insertUserSql(db))) {
                    for (User u : users) {
                        JdbcConfigurations.bindUser(db, ps, u);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(JdbcConfigurations.insertSql(db))) {
                int n = 0;
                for (Configuration row : configurations) {
                    JdbcConfigurations.bind(db, ps, row);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + db + " failed: " + e.getMessage(), e);
        }
    }

    private static java.util.Properties props(Db db) {
        java.util.Properties props = new java.util.Properties();
        props.putAll(db.plugin().connectionDefaults());
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        return props;
    }

    private static void exec(Db db, String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, props(db)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage()
                    + (db == Db.H2 ? "" : " (is the server running? see BENCHMARKS.md)"), e);
        }
    }

    private static String marker(Db db) {
        try (Connection c = DriverManager.getConnection(db.url(), props(db)); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_dataset (version varchar(64) not null)");
            try (ResultSet rs = s.executeQuery("select version from bench_dataset")) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(db + " at " + db.url() + ": " + e.getMessage() + " (is the server running? see BENCHMARKS.md)", e);
        }
    }

    private static void setMarker(Db db) {
        setMarker(db, VERSION);
    }

    private static void setMarker(Db db, String version) {
        exec(db, db.url(), "delete from bench_dataset");
        exec(db, db.url(), "insert into bench_dataset (version) values ('" + version + "')");
    }
}
