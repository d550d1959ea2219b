package dev.ignis.conformance;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.model.Tenants;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.conformance.model.ScCategory;
import dev.ignis.conformance.model.ScNote;
import dev.ignis.conformance.model.ScOwner;
import dev.ignis.conformance.model.ScProject;
import dev.ignis.conformance.model.ScProjectTag;
import dev.ignis.conformance.model.ScTag;
import dev.ignis.conformance.model.ScWatch;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine of {@link ScopeContract}: tenant and soft-delete models on a main datasource ({@link ScProject},
 * {@link ScTag} with junction {@link ScProjectTag}, junction {@link ScWatch}, the shared {@link ScCategory}) and an aux
 * one ({@link ScOwner}, {@link ScNote}), a settable tenant resolver and current user, and counters of statements and of
 * tenant bypasses. {@link #seed} writes three tenants whose rows share names and ranks, point at each other's rows
 * (parents, owners, junction targets) and include soft-deleted rows at every level.
 */
public final class ScopeFixture implements AutoCloseable {
    public static final String MAIN = "scopeMain";
    public static final String AUX = "scopeAux";
    public static final List<String> TENANTS = List.of("a", "b", "c");
    public static final String USER = "remover";
    /** Soft-deleted by {@link #seed}, per tenant {@code t}: {@code t-<suffix>}. */
    public static final List<String> DELETED = List.of("p3", "t3", "pt3", "w3", "o3", "n2");

    private static final Map<Object, ScopeFixture> BY_OWNER = new ConcurrentHashMap<>();
    private static final List<String> TABLES = List.of("cf_sc_project_tag", "cf_sc_watch", "cf_sc_project", "cf_sc_tag",
            "cf_sc_category", "cf_sc_owner", "cf_sc_note");

    private final DatabaseTarget database;
    private final Engine engine;
    private final AtomicReference<String> tenant = new AtomicReference<>();
    private final AtomicLong statements = new AtomicLong();
    private final List<QueryListener.TenantBypassEvent> bypasses = new CopyOnWriteArrayList<>();
    private final CrudRepository<ScProject, String> projects;
    private final CrudRepository<ScTag, String> tags;
    private final CrudRepository<ScProjectTag, String> projectTags;
    private final CrudRepository<ScWatch, String> watches;
    private final CrudRepository<ScCategory, String> categories;
    private final CrudRepository<ScOwner, String> owners;
    private final CrudRepository<ScNote, String> notes;

    private ScopeFixture(DatabaseTarget database) {
        this.database = database;
        IDataSource main = new ConformanceDataSource(config(database, MAIN)
                .models(ScProject.class, ScTag.class, ScProjectTag.class, ScWatch.class, ScCategory.class).build());
        IDataSource aux = new ConformanceDataSource(config(database, AUX).maxPoolSize(2).models(ScOwner.class, ScNote.class).build());
        engine = EngineBuilders.builder()
                .dataSource(main)
                .dataSource(aux)
                .tenantResolver(() -> Optional.ofNullable(tenant.get()))
                .currentUser(() -> Optional.of(USER))
                .listener(new QueryListener() {
                    @Override
                    public void onStatement(StatementEvent event) {
                        statements.incrementAndGet();
                    }

                    @Override
                    public void onTenantBypass(TenantBypassEvent event) {
                        bypasses.add(event);
                    }
                })
                .build()
                .start();
        projects = new CrudRepository<>(main, ScProject.class);
        tags = new CrudRepository<>(main, ScTag.class);
        projectTags = new CrudRepository<>(main, ScProjectTag.class);
        watches = new CrudRepository<>(main, ScWatch.class);
        categories = new CrudRepository<>(main, ScCategory.class);
        owners = new CrudRepository<>(aux, ScOwner.class);
        notes = new CrudRepository<>(aux, ScNote.class);
    }

    private static DataSourceConfig.Builder config(DatabaseTarget database, String name) {
        return database.config(name).maxPoolSize(4).minIdle(0).schemaAction(SchemaAction.CREATE);
    }

    /** The scope fixture of a test instance, started on first use. */
    public static ScopeFixture of(ConformanceFixture owner) {
        return BY_OWNER.computeIfAbsent(owner, o -> new ScopeFixture(owner.database()));
    }

    public static void closeFor(ConformanceFixture owner) {
        ScopeFixture fixture = BY_OWNER.remove(owner);
        if (fixture != null) {
            fixture.close();
        }
    }

    public DatabaseTarget database() {
        return database;
    }

    /** The tenant the resolver answers (null: none). */
    public void tenant(String id) {
        tenant.set(id);
    }

    public long statements() {
        return statements.get();
    }

    public List<QueryListener.TenantBypassEvent> bypasses() {
        return bypasses;
    }

    public CrudRepository<ScProject, String> projects() {
        return projects;
    }

    public CrudRepository<ScTag, String> tags() {
        return tags;
    }

    public CrudRepository<ScProjectTag, String> projectTags() {
        return projectTags;
    }

    public CrudRepository<ScWatch, String> watches() {
        return watches;
    }

    public CrudRepository<ScCategory, String> categories() {
        return categories;
    }

    public CrudRepository<ScOwner, String> owners() {
        return owners;
    }

    public CrudRepository<ScNote, String> notes() {
        return notes;
    }

    /** The tenant after {@code t} in {@link #TENANTS}, whose rows {@code t}'s rows point at. */
    public static String next(String t) {
        return TENANTS.get((TENANTS.indexOf(t) + 1) % TENANTS.size());
    }

    /** Whether a row id written by {@link #seed} (or a test) is of tenant {@code t} and not soft-deleted by the seed. */
    public static boolean liveOf(String t, String id) {
        return id.startsWith(t + "-") && !DELETED.contains(id.substring(t.length() + 1));
    }

    /**
     * Empties the tables and writes, for each tenant {@code t} (and {@code n} = {@link #next}): projects p1..p5 (p2, p3
     * children of p1, p4 of the deleted p3, p5 of n-p1), tags, owners, notes and junction rows, some pointing at
     * {@code n}'s rows; then soft-deletes the {@link #DELETED} rows. Categories c1, c2 are shared.
     */
    public void seed() {
        execute(TABLES.stream().map(t -> "delete from " + database.q(t)).toArray(String[]::new));
        categories.createAll(List.of(new ScCategory("c1", "shared"), new ScCategory("c2", "other")));
        for (String t : TENANTS) {
            String n = next(t);
            Tenants.run(t, () -> {
                owners.createAll(List.of(new ScOwner(t + "-o1", null, "Ada"), new ScOwner(t + "-o2", null, "Bob"),
                        new ScOwner(t + "-o3", null, "Cy")));
                tags.createAll(List.of(new ScTag(t + "-t1", null, "red"), new ScTag(t + "-t2", null, "blue"),
                        new ScTag(t + "-t3", null, "green")));
                projects.createAll(List.of(
                        new ScProject(t + "-p1", t, "Alpha", 1, null, t + "-o1", "c1"),
                        new ScProject(t + "-p2", t, "Beta", 2, t + "-p1", t + "-o3", "c2"),
                        new ScProject(t + "-p3", t, "Gamma", 3, t + "-p1", t + "-o2", "c1"),
                        new ScProject(t + "-p4", t, "Delta", 4, t + "-p3", n + "-o1", null),
                        new ScProject(t + "-p5", t, "Alpha", 5, n + "-p1", null, "c1")));
                projectTags.createAll(List.of(new ScProjectTag(t + "-pt1", null, t + "-p1", t + "-t1"),
                        new ScProjectTag(t + "-pt2", null, t + "-p1", t + "-t3"), new ScProjectTag(t + "-pt3", null, t + "-p1", t + "-t2"),
                        new ScProjectTag(t + "-pt4", null, t + "-p2", n + "-t1"), new ScProjectTag(t + "-pt5", null, n + "-p2", t + "-t2")));
                watches.createAll(List.of(new ScWatch(t + "-w1", null, t + "-p1", t + "-o1"), new ScWatch(t + "-w2", null, t + "-p1", t + "-o3"),
                        new ScWatch(t + "-w3", null, t + "-p1", t + "-o2"), new ScWatch(t + "-w4", null, t + "-p2", n + "-o2")));
                notes.createAll(List.of(new ScNote(t + "-n1", null, t + "-p1", "hello"), new ScNote(t + "-n2", null, t + "-p1", "bye"),
                        new ScNote(t + "-n3", null, n + "-p2", "x")));
                projects.deleteById(t + "-p3");
                tags.deleteById(t + "-t3");
                projectTags.deleteById(t + "-pt3");
                watches.deleteById(t + "-w3");
                owners.deleteById(t + "-o3");
                notes.deleteById(t + "-n2");
            });
        }
        bypasses.clear();
    }

    void execute(String... sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.executeUpdate(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture statement failed on " + database + ": " + String.join("; ", sql), e);
        }
    }

    /** The tables the fixture writes, for tests that check nothing changed. */
    public static Set<String> tables() {
        return Set.copyOf(TABLES);
    }

    @Override
    public void close() {
        engine.close();
    }
}
