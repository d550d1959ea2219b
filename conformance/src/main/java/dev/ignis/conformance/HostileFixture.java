package dev.ignis.conformance;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.conformance.model.HzAux;
import dev.ignis.conformance.model.HzLink;
import dev.ignis.conformance.model.HzNode;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The second engine of the hostile-input contracts ({@link FilterFuzzContract}, {@link InjectionContract}): models
 * with relations that allow include cycles ({@link HzNode} on a main datasource, {@link HzAux} on a second one,
 * {@link HzLink} as junction), a statement counter (to prove a rejected filter ran no SQL), and a canary table that
 * no model maps, created with plain JDBC. One per test class instance, started on first use and closed after all
 * tests of the class. It lives beside the suite's own engine, on the same database, with its own tables.
 */
public final class HostileFixture implements AutoCloseable {
    public static final String MAIN = "hostileMain";
    public static final String AUX = "hostileAux";
    /** A table no model maps: what an injected statement would read or change. */
    public static final String CANARY = "cf_hz_canary";
    /** The canary's rows, (id, secret). */
    public static final List<String> CANARY_SECRETS = List.of("canary-alpha", "canary-beta", "canary-gamma");
    /** The tables of the hostile models. */
    public static final List<String> TABLES = List.of("cf_hz_node", "cf_hz_link", "cf_hz_aux");
    public static final int DEFAULT_LIMIT = ConformanceFixture.ENGINE_DEFAULT_LIMIT;
    public static final int MAX_LIMIT = ConformanceFixture.ENGINE_MAX_LIMIT;
    public static final int MAX_INCLUDE_DEPTH = 5;

    private static final Map<Object, HostileFixture> BY_OWNER = new ConcurrentHashMap<>();

    private final DatabaseTarget database;
    private final Engine engine;
    private final IDataSource main;
    private final IDataSource aux;
    private final CrudRepository<HzNode, String> nodes;
    private final CrudRepository<HzLink, String> links;
    private final CrudRepository<HzAux, String> auxes;
    private final AtomicLong statements = new AtomicLong();

    private HostileFixture(DatabaseTarget database) {
        this.database = database;
        main = new ConformanceDataSource(config(database, MAIN).models(HzNode.class, HzLink.class).build());
        aux = new ConformanceDataSource(config(database, AUX).maxPoolSize(2).models(HzAux.class).build());
        engine = EngineBuilders.builder()
                .dataSource(main)
                .dataSource(aux)
                .defaultLimit(DEFAULT_LIMIT)
                .maxLimit(MAX_LIMIT)
                .maxIncludeDepth(MAX_INCLUDE_DEPTH)
                .listener(new QueryListener() {
                    @Override
                    public void onStatement(StatementEvent event) {
                        statements.incrementAndGet();
                    }
                })
                .build()
                .start();
        nodes = new CrudRepository<>(main, HzNode.class);
        links = new CrudRepository<>(main, HzLink.class);
        auxes = new CrudRepository<>(aux, HzAux.class);
        try {
            createCanary();
        } catch (SQLException e) {
            engine.close();
            throw new IllegalStateException("cannot create the canary table on " + database, e);
        }
    }

    private static DataSourceConfig.Builder config(DatabaseTarget database, String name) {
        return database.config(name)
                .maxPoolSize(4)
                .minIdle(0)
                .schemaAction(SchemaAction.CREATE);
    }

    /** The hostile fixture of a test instance, started on first use. */
    public static HostileFixture of(ConformanceFixture owner) {
        return BY_OWNER.computeIfAbsent(owner, o -> new HostileFixture(owner.database()));
    }

    /** Closes the test instance's hostile fixture, if it started one. */
    public static void closeFor(ConformanceFixture owner) {
        HostileFixture fixture = BY_OWNER.remove(owner);
        if (fixture != null) {
            fixture.close();
        }
    }

    public DatabaseTarget database() {
        return database;
    }

    public Engine engine() {
        return engine;
    }

    public IDataSource mainDataSource() {
        return main;
    }

    public IDataSource auxDataSource() {
        return aux;
    }

    public CrudRepository<HzNode, String> nodes() {
        return nodes;
    }

    public CrudRepository<HzLink, String> links() {
        return links;
    }

    public CrudRepository<HzAux, String> auxes() {
        return auxes;
    }

    /** Statements the hostile engine has run so far, on both its datasources. */
    public long statements() {
        return statements.get();
    }

    /**
     * Empties the hostile tables and writes the sample graph: node parents with a two-node cycle (n6, n7) and a
     * dangling parent (n8), junction links with a cycle and a self-link, and nodes pointing at the aux datasource.
     */
    public void seed() {
        execute("delete from " + database.q("cf_hz_link"), "delete from " + database.q("cf_hz_node"),
                "delete from " + database.q("cf_hz_aux"));
        auxes.createAll(List.of(new HzAux("a1", "Aux one"), new HzAux("a2", "Aux two"), new HzAux("a3", "Ünïcödé ☃")));
        nodes.createAll(List.of(
                new HzNode("n1", "root").rank(1).weight("1.500").flag(true).seenAt("2024-01-01T00:00:00Z").day("2024-01-01")
                        .auxId("a1").token("t1").meta(Map.of("a", Map.of("b", "x"), "n", 3, "items", List.of(Map.of("x", 1)))),
                new HzNode("n2", "child A").parentId("n1").rank(2).weight("-2.250").flag(false).auxId("a2").token("t2")
                        .meta(Map.of("a", Map.of("b", "y"), "n", 10)),
                new HzNode("n3", "child B").parentId("n1").rank(3).auxId("a1").meta(Map.of("n", "text")),
                new HzNode("n4", "grandchild").parentId("n2").rank(4).weight("0.000").seenAt("2023-12-31T23:59:59Z"),
                new HzNode("n5", "great-grandchild").parentId("n4").rank(5).day("1999-12-31").auxId("missing"),
                new HzNode("n6", "cycle six").parentId("n7").rank(6).flag(true).auxId("a3"),
                new HzNode("n7", "cycle seven").parentId("n6").rank(7).flag(false),
                new HzNode("n8", "dangling 100% _x_ 'q' \"dq\" \\").parentId("missing").rank(null)));
        links.createAll(List.of(new HzLink("l1", "n1", "n2"), new HzLink("l2", "n2", "n1"), new HzLink("l3", "n3", "n3"),
                new HzLink("l4", "n4", "n1"), new HzLink("l5", "n5", "missing")));
    }

    private void createCanary() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + database.q(CANARY));
            s.execute("create table " + database.q(CANARY) + " (" + database.q("id") + " integer primary key, "
                    + database.q("secret") + " varchar(100) not null)");
            try (PreparedStatement ps = c.prepareStatement("insert into " + database.q(CANARY) + " values (?, ?)")) {
                for (int i = 0; i < CANARY_SECRETS.size(); i++) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, CANARY_SECRETS.get(i));
                    ps.executeUpdate();
                }
            }
        }
    }

    /** The canary's rows as "id=1,secret=canary-alpha", in id order. */
    public List<String> canaryRows() {
        List<String> rows = new ArrayList<>();
        for (List<String> row : rows(CANARY)) {
            rows.add(String.join(",", row));
        }
        return rows;
    }

    /** The canary's rows as they must stay. */
    public static List<String> expectedCanaryRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < CANARY_SECRETS.size(); i++) {
            rows.add("id=" + (i + 1) + ",secret=" + CANARY_SECRETS.get(i));
        }
        return rows;
    }

    /** Every row of every given table, by plain JDBC, ordered by the first column: to prove nothing changed. */
    public Map<String, List<List<String>>> snapshot(List<String> tables) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (String table : tables) {
            out.put(table, rows(table));
        }
        return out;
    }

    /** Every row of a table as strings, ordered by the first column. */
    public List<List<String>> rows(String table) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from " + database.q(table) + " order by 1")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT) + "=" + rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read table " + table + " on " + database, e);
        }
        return rows;
    }

    private void execute(String... sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.executeUpdate(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture statement failed on " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            execute("drop table if exists " + database.q(CANARY));
        } catch (RuntimeException ignored) {
            // the server may be gone; the table is recreated on the next run anyway
        }
        engine.close();
    }
}
