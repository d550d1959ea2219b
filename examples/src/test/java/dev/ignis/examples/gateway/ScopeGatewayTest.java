package dev.ignis.examples.gateway;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.error.TenantException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.Tenants;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.examples.model.ScopedNote;
import dev.ignis.examples.model.ScopedOwner;
import dev.ignis.examples.model.ScopedProject;
import dev.ignis.examples.model.ScopedProjectTag;
import dev.ignis.examples.model.ScopedTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant and soft-delete scopes across three databases in one engine: projects on PostgreSQL, their owners on
 * MariaDB, notes, tags and the project-tag junction on H2. Each tenant's rows point at the other tenant's rows too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeGatewayTest {
    final AtomicLong statements = new AtomicLong();
    Engine engine;
    CrudRepository<ScopedProject, String> projects;

    @BeforeAll
    void start() {
        BaseDataSource pg = ThreeDatabaseGatewayTest.dataSource("ScopedProjects", "postgres", LiveDatabases.postgresUrl(), "postgres",
                ScopedProject.class);
        BaseDataSource maria = ThreeDatabaseGatewayTest.dataSource("ScopedOwners", "mariadb", LiveDatabases.mariadbUrl(), "root",
                ScopedOwner.class);
        BaseDataSource h2 = ThreeDatabaseGatewayTest.dataSource("ScopedTags", "h2", "jdbc:h2:mem:scoped-tags;DB_CLOSE_DELAY=-1", "sa",
                ScopedNote.class, ScopedTag.class, ScopedProjectTag.class);
        engine = Engine.builder().dataSources(pg, maria, h2).listener(new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                statements.incrementAndGet();
            }
        }).build().start();
        projects = new CrudRepository<>(pg, ScopedProject.class);
        CrudRepository<ScopedOwner, String> owners = new CrudRepository<>(maria, ScopedOwner.class);
        CrudRepository<ScopedNote, String> notes = new CrudRepository<>(h2, ScopedNote.class);
        CrudRepository<ScopedTag, String> tags = new CrudRepository<>(h2, ScopedTag.class);
        CrudRepository<ScopedProjectTag, String> links = new CrudRepository<>(h2, ScopedProjectTag.class);
        for (String t : List.of("a", "b")) {
            String other = t.equals("a") ? "b" : "a";
            Tenants.run(t, () -> {
                owners.createAll(List.of(new ScopedOwner(t + "-o1", "Ada"), new ScopedOwner(t + "-o2", "Bob")));
                projects.createAll(List.of(new ScopedProject(t + "-p1", "Alpha", t + "-o1"), new ScopedProject(t + "-p2", "Beta", t + "-o2"),
                        new ScopedProject(t + "-p3", "Gamma", other + "-o1")));
                notes.createAll(List.of(new ScopedNote(t + "-n1", t + "-p1", "hello"), new ScopedNote(t + "-n2", t + "-p1", "bye"),
                        new ScopedNote(t + "-n3", other + "-p2", "x")));
                tags.createAll(List.of(new ScopedTag(t + "-t1", "red"), new ScopedTag(t + "-t2", "blue")));
                links.createAll(List.of(new ScopedProjectTag(t + "-l1", t + "-p1", t + "-t1"), new ScopedProjectTag(t + "-l2", t + "-p1", t + "-t2"),
                        new ScopedProjectTag(t + "-l3", t + "-p2", other + "-t1")));
                owners.deleteById(t + "-o2");
                notes.deleteById(t + "-n2");
                tags.deleteById(t + "-t2");
                projects.deleteById(t + "-p2");
            });
        }
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static List<String> ids(List<? extends StringIdEntity> rows) {
        return rows.stream().map(StringIdEntity::getId).sorted().toList();
    }

    @Test
    void includesOnTwoOtherDatabasesKeepToTheTenantsLiveRows() {
        Filter every = Filter.empty().include("owner", "notes", "tags").order("id");
        long before = statements.get();
        List<ScopedProject> rows = Tenants.run("a", () -> projects.find(every));
        long scoped = statements.get() - before;
        assertThat(ids(rows)).containsExactly("a-p1", "a-p3");
        assertThat(rows.get(0).owner.getId()).isEqualTo("a-o1");
        assertThat(rows.get(1).owner).as("b's owner").isNull();
        assertThat(ids(rows.get(0).notes)).containsExactly("a-n1");
        assertThat(ids(rows.get(0).tags)).containsExactly("a-t1");
        before = statements.get();
        List<ScopedProject> all = Tenants.all(() -> projects.find(every, QueryOptions.withDeleted()));
        assertThat(statements.get() - before).as("the same statements without the predicates").isEqualTo(scoped);
        assertThat(scoped).as("projects, owners, notes, junction joined with tags").isEqualTo(4);
        assertThat(ids(all)).containsExactly("a-p1", "a-p2", "a-p3", "b-p1", "b-p2", "b-p3");
        assertThat(all.get(2).owner.getId()).as("across tenants, the other tenant's owner").isEqualTo("b-o1");
    }

    @Test
    void relatedConditionsOnTwoOtherDatabasesMatchTheTenantsLiveRows() {
        Tenants.run("a", () -> {
            assertThat(ids(projects.find(Filter.where("owner.name", "Ada")))).containsExactly("a-p1");
            assertThat(ids(projects.find(Filter.where("notes.body", "bye")))).as("deleted note").isEmpty();
            assertThat(ids(projects.find(Filter.where("tags.label", "blue")))).as("deleted tag").isEmpty();
            assertThat(ids(projects.find(Filter.where("tags.label", "red")))).containsExactly("a-p1");
            assertThat(projects.count(Where.eq("owner.name", "Bob"))).as("deleted owner").isZero();
            assertThat(ids(projects.find(Filter.where("notes.body", "x"), QueryOptions.withDeleted()))).as("b's note on a-p2").isEmpty();
        });
    }

    @Test
    void noTenantNoStatement() {
        long before = statements.get();
        assertThatThrownBy(() -> projects.find(Filter.empty().include("owner"))).isInstanceOf(TenantException.class);
        assertThat(statements.get()).isEqualTo(before);
    }
}
