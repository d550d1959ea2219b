package dev.ignis.benchmarks.support;

import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.benchmarks.model.Event;
import dev.ignis.benchmarks.model.EventParent;
import dev.ignis.engine.Engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The per-parent scenario's data: {@link #PARENTS} parents with {@code children} events each, in a schema (PostgreSQL),
 * database (MariaDB) or in-memory database (H2) of its own per size, {@code ignis_pp_<children>}. Seeded with one
 * set-based statement per table (generate_series, MariaDB's sequence engine, H2's system_range) when the event count
 * is not the expected one.
 */
public final class EventDataset {
    public static final int PARENTS = 100;

    private EventDataset() {
    }

    /** The JDBC URL of the size's own schema. */
    public static String url(Db db, int children) {
        String schema = "ignis_pp_" + children;
        return switch (db) {
            case H2 -> "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
            case POSTGRES -> db.url().replace("currentSchema=" + Dataset.SCHEMA, "currentSchema=" + schema);
            case MARIADB -> db.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + schema);
        };
    }

    public static synchronized void ensure(Db db, int children) {
        String schema = "ignis_pp_" + children;
        if (db == Db.POSTGRES) {
            exec(db, db.url().replaceFirst("\\?.*$", ""), "create schema if not exists " + schema);
        } else if (db == Db.MARIADB) {
            exec(db, db.url().replaceFirst("/[^/?]*(\\?.*)?$", "/"), "create database if not exists " + schema);
        }
        String url = url(db, children);
        long events = (long) PARENTS * children;
        if (count(db, url) == events) {
            return;
        }
        System.out.println("[bench] seeding " + db.key() + " " + schema + " (" + PARENTS + " parents x " + children + " events)");
        try (Engine ignored = BenchDataSource.start(null, BenchDataSource.of("SeedEvents", db, url, SchemaAction.CREATE, EventParent.class, Event.class))) {
            // the engine created the tables and the (parent, seq DESC, id) index
        }
        String parent = db.q("pp_parent");
        String event = db.q("pp_event");
        String columns = " (" + db.q("id") + ", " + db.q("parent_id") + ", " + db.q("seq") + ", " + db.q("payload") + ")";
        switch (db) {
            case POSTGRES -> {
                exec(db, url, "insert into " + parent + " (id, name) select 'p' || lpad(g::text, 3, '0'), 'parent ' || g from generate_series(0, "
                        + (PARENTS - 1) + ") g");
                exec(db, url, "insert into " + event + columns + " select 'e' || lpad(g::text, 7, '0'), 'p' || lpad((g / " + children
                        + ")::text, 3, '0'), g % " + children + ", 'payload ' || g from generate_series(0, " + (events - 1) + ") g");
                exec(db, url, "vacuum analyze " + parent);
                exec(db, url, "vacuum analyze " + event);
            }
            case MARIADB -> {
                exec(db, url, "insert into " + parent + " (id, name) select concat('p', lpad(seq, 3, '0')), concat('parent ', seq) from seq_0_to_"
                        + (PARENTS - 1));
                exec(db, url, "insert into " + event + columns + " select concat('e', lpad(seq, 7, '0')), concat('p', lpad(seq div " + children
                        + ", 3, '0')), seq mod " + children + ", concat('payload ', seq) from seq_0_to_" + (events - 1));
                exec(db, url, "analyze table " + parent + ", " + event);
            }
            case H2 -> {
                exec(db, url, "insert into " + parent + " (" + db.q("id") + ", " + db.q("name") + ") select 'p' || lpad(cast(x as varchar), 3, '0'),"
                        + " 'parent ' || x from system_range(0, " + (PARENTS - 1) + ")");
                exec(db, url, "insert into " + event + columns + " select 'e' || lpad(cast(x as varchar), 7, '0'), 'p' || lpad(cast(x / "
                        + children + " as varchar), 3, '0'), mod(x, " + children + "), 'payload ' || x from system_range(0, " + (events - 1) + ")");
                exec(db, url, "analyze");
            }
        }
    }

    private static long count(Db db, String url) {
        try (Connection c = connect(db, url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + db.q("pp_event"))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // no table yet
        }
    }

    private static void exec(Db db, String url, String sql) {
        try (Connection c = connect(db, url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(Db db, String url) throws SQLException {
        Properties props = new Properties();
        props.putAll(db.plugin().connectionDefaults());
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        return DriverManager.getConnection(url, props);
    }
}
