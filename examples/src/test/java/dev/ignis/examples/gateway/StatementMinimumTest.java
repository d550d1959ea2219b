package dev.ignis.examples.gateway;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.examples.model.PlanMember;
import dev.ignis.examples.model.PlanMemberTag;
import dev.ignis.examples.model.PlanOrg;
import dev.ignis.examples.model.PlanSetting;
import dev.ignis.examples.model.PlanSettingTag;
import dev.ignis.examples.model.PlanTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement minimum of a planned read, rule by rule, on three databases in one engine: members and orgs on
 * PostgreSQL, settings (and their junction to tags) on MariaDB, tags (and the members' junction to them) on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementMinimumTest {
    final List<QueryListener.StatementEvent> statements = new CopyOnWriteArrayList<>();
    Engine engine;
    CrudRepository<PlanMember, String> members;
    CrudRepository<PlanSetting, String> settings;

    static PlanMember member(String id, String name, String status, String parentId, String orgId) {
        PlanMember m = new PlanMember(id);
        m.name = name;
        m.status = status;
        m.parentId = parentId;
        m.orgId = orgId;
        return m;
    }

    @BeforeAll
    void start() {
        BaseDataSource pg = ThreeDatabaseGatewayTest.dataSource("Members", "postgres", LiveDatabases.postgresUrl(), "postgres", PlanMember.class, PlanOrg.class);
        BaseDataSource maria = ThreeDatabaseGatewayTest.dataSource("Settings", "mariadb", LiveDatabases.mariadbUrl(), "root", PlanSetting.class, PlanSettingTag.class);
        BaseDataSource h2 = ThreeDatabaseGatewayTest.dataSource("Tags", "h2", "jdbc:h2:mem:plan-tags;DB_CLOSE_DELAY=-1", "sa", PlanTag.class, PlanMemberTag.class);
        engine = Engine.builder().dataSources(pg, maria, h2).listener(new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                statements.add(event);
            }
        }).build().start();
        members = new CrudRepository<>(pg, PlanMember.class);
        settings = new CrudRepository<>(maria, PlanSetting.class);
        PlanOrg org = new PlanOrg("o1");
        org.name = "Acme";
        new CrudRepository<>(pg, PlanOrg.class).create(org);
        members.createAll(List.of(member("m1", "Ada", "active", null, "o1"), member("m2", "Bob", "active", "m1", "o1"),
                member("m3", "Cy", "away", "m2", null), member("m4", "Di", "away", "m3", null), member("m5", "Ed", "away", "m4", null),
                member("m6", "Flo", "away", "m5", null)));
        PlanSetting alpha = new PlanSetting("s1");
        alpha.code = "alpha";
        alpha.ownerId = "m2";
        PlanSetting beta = new PlanSetting("s2");
        beta.code = "beta";
        beta.ownerId = "m3";
        settings.createAll(List.of(alpha, beta));
        PlanTag java = new PlanTag("t1");
        java.label = "java";
        PlanTag sql = new PlanTag("t2");
        sql.label = "sql";
        new CrudRepository<>(h2, PlanTag.class).createAll(List.of(java, sql));
        new CrudRepository<>(h2, PlanMemberTag.class).createAll(List.of(memberTag("mt1", "m1", "t1"), memberTag("mt2", "m2", "t2")));
        new CrudRepository<>(maria, PlanSettingTag.class).createAll(List.of(settingTag("st1", "s1", "t1"), settingTag("st2", "s1", "t2")));
    }

    static PlanMemberTag memberTag(String id, String memberId, String tagId) {
        PlanMemberTag link = new PlanMemberTag(id);
        link.memberId = memberId;
        link.tagId = tagId;
        return link;
    }

    static PlanSettingTag settingTag(String id, String settingId, String tagId) {
        PlanSettingTag link = new PlanSettingTag(id);
        link.settingId = settingId;
        link.tagId = tagId;
        return link;
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void clear() {
        statements.clear();
    }

    private List<String> where() {
        return statements.stream().map(s -> s.dataSource() + ":" + s.operation()).toList();
    }

    @Test
    void theRootIsOneStatement() {
        assertThat(members.find(Filter.where("name", "Ada"))).hasSize(1);
        assertThat(where()).containsExactly("Members:find");
    }

    @Test
    void aSameDataSourceToOneIsJoinedAtEveryDepth() {
        Filter chain = Filter.empty().include("parent");
        for (int i = 0; i < 4; i++) {
            chain = Filter.empty().include(Include.of("parent", chain));
        }
        PlanMember flo = members.findById("m6", chain).orElseThrow();
        assertThat(flo.parent.parent.parent.parent.parent.name).isEqualTo("Ada");
        assertThat(where()).as("a five-level parent chain").containsExactly("Members:findById");

        statements.clear();
        List<PlanSetting> rows = settings.find(Filter.empty().order("code ASC")
                .include(Include.of("owner", Filter.empty().include(Include.of("parent", Filter.empty().include("org"))))));
        assertThat(rows.get(0).owner.parent.org.name).isEqualTo("Acme");
        assertThat(where()).as("owner, its parent and the parent's org in one statement on PostgreSQL")
                .containsExactly("Settings:find", "Members:include");
    }

    @Test
    void anyOtherRelationCostsOnePerRelationAndLevel() {
        List<PlanMember> rows = members.find(Filter.where("id", "m2").include("settings", "tags"));
        assertThat(rows.get(0).settings).extracting(s -> s.code).containsExactly("alpha");
        assertThat(rows.get(0).tags).extracting(t -> t.label).containsExactly("sql");
        assertThat(where()).as("settings on MariaDB; junction and tags together on H2: one statement")
                .containsExactlyInAnyOrder("Members:find", "Settings:include", "Tags:include");
    }

    @Test
    void aManyThroughCostsOnePerDataSourceOfJunctionAndTarget() {
        List<PlanSetting> rows = settings.find(Filter.where("id", "s1").include(Include.of("tags", Filter.empty().order("label DESC"))));
        assertThat(rows.get(0).tags).extracting(t -> t.label).containsExactly("sql", "java");
        assertThat(where()).as("junction on MariaDB, tags on H2").containsExactly("Settings:find", "Settings:include", "Tags:include");
    }

    @Test
    void relatedFieldLookupsAreSharedAndSkippedWhenEmpty() {
        assertThat(settings.find(Filter.where(Where.and(Where.eq("owner.status", "active"), Where.eq("owner.parentId", "m1")))))
                .extracting(s -> s.code).containsExactly("alpha");
        assertThat(where()).as("two conditions on one to-one: one lookup").containsExactly("Members:related-where", "Settings:find");

        statements.clear();
        assertThat(settings.find(Filter.where(Where.and(Where.eq("owner.status", "active"), Where.eq("owner.org.name", "Acme")))))
                .extracting(s -> s.code).containsExactly("alpha");
        assertThat(where()).as("a shared prefix; the org hop is on the owner's database").containsExactly("Members:related-where", "Settings:find");

        statements.clear();
        assertThat(members.find(Filter.where("parent.name", "Ada"))).extracting(m -> m.name).containsExactly("Bob");
        assertThat(where()).as("a hop on the same database is in the statement").containsExactly("Members:find");

        statements.clear();
        assertThat(members.find(Filter.where("tags.label", "sql"))).extracting(m -> m.name).containsExactly("Bob");
        assertThat(where()).as("junction and tags together: one lookup").containsExactly("Tags:related-where", "Members:find");

        statements.clear();
        assertThat(settings.find(Filter.where("owner.status", "nobody").include("tags"))).isEmpty();
        assertThat(where()).as("no key found: no root statement").containsExactly("Members:related-where");
    }

    @Test
    void aBadFilterRunsNothingOnAnyDatabase() {
        assertThatThrownBy(() -> settings.find(Filter.parse("{\"where\":{\"owner.status\":\"active\"},"
                + "\"include\":[{\"relation\":\"owner\",\"scope\":{\"include\":[{\"relation\":\"tags\",\"scope\":{\"order\":\"memberId ASC\"}}]}}]}")))
                .isInstanceOf(FilterException.class).hasMessageContaining("include[0].scope.include[0].scope.order");
        assertThat(statements).isEmpty();
    }
}
