package dev.ignis.conformance;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.conformance.model.Audited;
import dev.ignis.conformance.model.AuxEntry;
import dev.ignis.conformance.model.Counter;
import dev.ignis.conformance.model.Doc;
import dev.ignis.conformance.model.Item;
import dev.ignis.conformance.model.ItemTag;
import dev.ignis.conformance.model.Job;
import dev.ignis.conformance.model.Reading;
import dev.ignis.conformance.model.Note;
import dev.ignis.conformance.model.Person;
import dev.ignis.conformance.model.PersonView;
import dev.ignis.conformance.model.Tagged;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Boots one engine per test class for the {@link #target()} database: a main datasource owning the suite's models
 * and an aux datasource on the same server, both with {@link SchemaAction#CREATE}, a {@link MutableClock} and a
 * settable current user. Creates the view behind {@link PersonView} with plain JDBC, and empties every table
 * before each test. When the target's server is down every test is skipped with a message saying how to start it
 * (or the class fails when {@code CI=true}, see {@link DatabaseTarget#prepare()}).
 *
 * <p>A driver module runs the suite with one small class:
 * <pre>{@code
 * class H2ConformanceTest extends ConformanceTestBase implements RepositoryContract, OperatorContract, ... {
 *     protected DatabaseTarget target() { return DatabaseTarget.h2(); }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceTestBase implements ConformanceFixture {
    public static final String MAIN = "conformanceMain";
    public static final String AUX = "conformanceAux";
    public static final String DEFAULT_USER = "tester";

    /** Writable tables, emptied before every test. */
    private static final List<String> TABLES = List.of("cf_person", "cf_counter", "cf_note", "cf_tagged", "cf_doc",
            "cf_audited", "cf_aux_entry", "cf_item", "cf_item_tag", "cf_job", "cf_reading");
    /** The models of the concurrency and volume contracts, also served by {@link #concurrentDataSource}. */
    private static final List<Class<?>> VOLUME_MODELS = List.of(Item.class, ItemTag.class, Job.class, Reading.class);

    private final MutableClock clock = new MutableClock(Samples.T0);
    private final AtomicReference<String> user = new AtomicReference<>(DEFAULT_USER);

    private DatabaseTarget database;
    private String skipReason;
    private Engine engine;
    private final List<Engine> extraEngines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private IDataSource main;
    private IDataSource aux;
    private CrudRepository<Person, String> persons;
    private CrudRepository<Counter, Integer> counters;
    private CrudRepository<Note, String> notes;
    private ViewRepository<PersonView, String> personView;
    private CrudRepository<Tagged, String> tagged;
    private CrudRepository<Doc, String> docs;
    private CrudRepository<Audited, String> audited;
    private CrudRepository<AuxEntry, String> auxEntries;

    /** The database this class runs the suite against. */
    protected abstract DatabaseTarget target();

    @BeforeAll
    void startEngine() throws SQLException {
        database = target();
        skipReason = database.prepare().orElse(null);
        if (skipReason != null) {
            System.err.println("[ignis conformance] " + skipReason);
            return;
        }
        // A view left from an earlier run would block dropping its table on some databases.
        execute("drop view if exists " + q(PersonView.VIEW));

        main = new ConformanceDataSource(config(MAIN)
                .models(Person.class, Counter.class, Note.class, PersonView.class, Tagged.class, Doc.class, Audited.class)
                .models(VOLUME_MODELS.toArray(Class<?>[]::new))
                .build());
        aux = new ConformanceDataSource(config(AUX).maxPoolSize(2).models(AuxEntry.class).build());
        engine = EngineBuilders.builder()
                .dataSource(main)
                .dataSource(aux)
                .clock(clock)
                .currentUser(() -> Optional.ofNullable(user.get()))
                .defaultLimit(ENGINE_DEFAULT_LIMIT)
                .maxLimit(ENGINE_MAX_LIMIT)
                .build()
                .start();

        execute("create view " + q(PersonView.VIEW) + " as select " + q("id") + ", " + q("code") + ", " + q("name") + ", "
                + q("age") + " from " + q("cf_person") + " where " + q("active") + " = true");

        persons = new CrudRepository<>(main, Person.class);
        counters = new CrudRepository<>(main, Counter.class);
        notes = new CrudRepository<>(main, Note.class);
        personView = new ViewRepository<>(main, PersonView.class);
        tagged = new CrudRepository<>(main, Tagged.class);
        docs = new CrudRepository<>(main, Doc.class);
        audited = new CrudRepository<>(main, Audited.class);
        auxEntries = new CrudRepository<>(aux, AuxEntry.class);
    }

    private DataSourceConfig.Builder config(String name) {
        return database.config(name)
                .maxPoolSize(4)
                .minIdle(0)
                .schemaAction(SchemaAction.CREATE);
    }

    @AfterAll
    void stopEngine() {
        extraEngines.forEach(Engine::close);
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    public synchronized IDataSource concurrentDataSource(int poolSize, QueryListener listener) {
        IDataSource ds = new ConformanceDataSource(config(MAIN + "Pool" + poolSize + "n" + extraEngines.size())
                .maxPoolSize(poolSize).schemaAction(SchemaAction.NONE).models(VOLUME_MODELS.toArray(Class<?>[]::new)).build());
        extraEngines.add(EngineBuilders.builder().dataSource(ds).clock(clock).currentUser(() -> Optional.ofNullable(user.get()))
                .listener(listener).defaultLimit(ENGINE_DEFAULT_LIMIT).maxLimit(ENGINE_MAX_LIMIT).build().start());
        return ds;
    }

    @BeforeEach
    void resetState() throws SQLException {
        if (skipReason != null) {
            Assumptions.abort(skipReason);
        }
        clock.set(Samples.T0);
        user.set(DEFAULT_USER);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("delete from " + q(table));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The engine under test. */
    protected Engine engine() {
        return engine;
    }

    @Override
    public final DatabaseTarget database() {
        return database;
    }

    @Override
    public IDataSource mainDataSource() {
        return main;
    }

    @Override
    public IDataSource auxDataSource() {
        return aux;
    }

    @Override
    public CrudRepository<Person, String> persons() {
        return persons;
    }

    @Override
    public CrudRepository<Counter, Integer> counters() {
        return counters;
    }

    @Override
    public CrudRepository<Note, String> notes() {
        return notes;
    }

    @Override
    public ViewRepository<PersonView, String> personView() {
        return personView;
    }

    @Override
    public CrudRepository<Tagged, String> tagged() {
        return tagged;
    }

    @Override
    public CrudRepository<Doc, String> docs() {
        return docs;
    }

    @Override
    public CrudRepository<Audited, String> audited() {
        return audited;
    }

    @Override
    public CrudRepository<AuxEntry, String> auxEntries() {
        return auxEntries;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public void currentUser(String userId) {
        user.set(userId);
    }

    @Override
    public void jdbcExecute(String sql) {
        try {
            execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("fixture statement failed: " + sql, e);
        }
    }

    @Override
    public Object jdbcValue(String sql, Object... params) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture query failed: " + sql, e);
        }
    }
}
