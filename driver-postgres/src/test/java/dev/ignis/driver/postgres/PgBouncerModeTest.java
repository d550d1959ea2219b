package dev.ignis.driver.postgres;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.conformance.ConformanceDataSource;
import dev.ignis.conformance.model.Note;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the {@code transactionPooling} mode is for, shown on a real PgBouncer ({@link PgBouncer}) in transaction pooling
 * mode: many clients share two server connections; without the mode pgjdbc's server-side prepared statements break as
 * soon as a transaction lands on another server connection; the isolation a transaction asks for holds for it and stays
 * out of the server connection's session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerModeTest {
    private PgBouncer bouncer;
    private final List<Engine> engines = new ArrayList<>();
    /** Rows of this test only: cf_note is shared with the conformance suite, which empties it before its own tests. */
    private String title;

    @BeforeAll
    void startPgBouncer() {
        bouncer = PgBouncer.shared();
    }

    @BeforeEach
    void newTitle() {
        title = "pgbouncer-" + UUID.randomUUID();
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(Engine::close);
        engines.clear();
    }

    @Test
    void sixClientsShareTwoServerConnectionsOneTransactionAtATime() throws Exception {
        int clients = 6;
        List<CrudRepository<Note, String>> notes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            notes.add(notes(start("pooled" + i, PgBouncer.SMALL, true), "pooled" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (CrudRepository<Note, String> repository : notes) {
                done.add(threads.submit(() -> {
                    int found = 0;
                    for (int i = 0; i < 20; i++) {
                        String id = repository.create(new Note(title, false)).data().get(0).getId();
                        found += repository.findById(id).isPresent() ? 1 : 0;
                    }
                    return found;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(20);
            }
        } finally {
            threads.shutdownNow();
        }

        // Each engine's pool keeps its one client connection open; in session pooling four of them would have waited.
        Map<String, String> pool = bouncer.admin("show pools").get(PgBouncer.SMALL);
        long clientConnections = number(pool, "cl_active") + number(pool, "cl_waiting");
        long serverConnections = number(pool, "sv_active") + number(pool, "sv_idle") + number(pool, "sv_used")
                + number(pool, "sv_tested") + number(pool, "sv_login");
        assertThat(pool.get("pool_mode")).isEqualTo("transaction");
        assertThat(clientConnections).isGreaterThanOrEqualTo(clients);
        assertThat(serverConnections).isBetween(1L, (long) PgBouncer.SMALL_POOL);
        assertThat(countDirectly()).isEqualTo(clients * 20L);
    }

    @Test
    void withoutTheModeAServerPreparedStatementIsMissingOnTheNextServerConnection() throws SQLException {
        CrudRepository<Note, String> plain = notes(start("plain", PgBouncer.SMALL, false), "plain");
        CrudRepository<Note, String> pooled = notes(start("pooled", PgBouncer.SMALL, true), "pooled");
        // pgjdbc prepares on the server from the plugin's 3rd execution (prepareThreshold=3) unless the mode sets 0.
        // In transactions: outside one pgjdbc re-parses a statement the server does not have, inside one it cannot.
        for (int i = 0; i < 5; i++) {
            assertThat(findInTransaction(plain)).isEmpty();
            assertThat(findInTransaction(pooled)).isEmpty();
        }

        // A transaction held open takes the server connection used last (PgBouncer reuses the most recent idle one),
        // so the next transaction of each engine runs on the other server connection.
        try (Connection holder = bouncer.connect(PgBouncer.SMALL); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("select 1");

            assertThat(findInTransaction(pooled)).isEmpty();
            assertThatThrownBy(() -> findInTransaction(plain))
                    .hasStackTraceContaining("prepared statement \"S_").hasStackTraceContaining("does not exist");
            holder.rollback();
        }
    }

    @Test
    void anIsolationLevelHoldsForItsTransactionAndStaysOutOfTheSession() throws SQLException {
        CrudRepository<Note, String> inside = notes(start("isolated", PgBouncer.SMALL, true), "isolated");
        CrudRepository<Note, String> outside = notes(start("writer", PgBouncer.SMALL, true), "writer");

        long[] seen = inside.dataSource().transaction(IsolationLevel.REPEATABLE_READ, tx -> {
            long before = inside.count(Where.eq("title", title));
            // committed meanwhile, by another thread on the other server connection
            CompletableFuture.runAsync(() -> outside.create(new Note(title, false))).join();
            return new long[] {before, inside.count(Where.eq("title", title))};
        });

        assertThat(seen).as("a repeatable-read snapshot does not see the row committed meanwhile").containsExactly(0, 0);
        assertThat(inside.count(Where.eq("title", title))).isEqualTo(1);
        // Both server connections of the pool, each held by a transaction: neither keeps the level as its session default.
        try (Connection a = bouncer.connect(PgBouncer.SMALL); Connection b = bouncer.connect(PgBouncer.SMALL)) {
            assertThat(List.of(defaultIsolation(a), defaultIsolation(b))).containsExactly("read committed", "read committed");
            assertThat(List.of(backendPid(a), backendPid(b))).doesNotHaveDuplicates();
            a.rollback();
            b.rollback();
        }
    }

    private List<Note> findInTransaction(CrudRepository<Note, String> notes) {
        return notes.dataSource().transaction(tx -> notes.find(Filter.where("title", title)));
    }

    private Engine start(String name, String database, boolean transactionPooling) {
        DataSourceConfig config = DataSourceConfig.named(name).driver("postgres").url(bouncer.url(database)).user(PgBouncer.USER)
                .transactionPooling(transactionPooling).maxPoolSize(1).minIdle(1).schemaAction(SchemaAction.UPDATE)
                .models(Note.class).build();
        Engine engine = Engine.builder().dataSource(new ConformanceDataSource(config)).build().start();
        engines.add(engine);
        return engine;
    }

    private static CrudRepository<Note, String> notes(Engine engine, String name) {
        return new CrudRepository<>(engine.dataSource(name), Note.class);
    }

    private long countDirectly() throws SQLException {
        try (Connection c = bouncer.connect(PgBouncer.DATABASE);
             java.sql.PreparedStatement ps = c.prepareStatement("select count(*) from cf_note where title = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Opens a transaction on the connection (it then holds its server connection) and reads the session's default level. */
    private static String defaultIsolation(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show default_transaction_isolation")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long number(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }
}
