package dev.ignis.conformance;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.error.TenantException;
import dev.ignis.api.error.WriteGuardException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Order;
import dev.ignis.api.filter.Where;
import dev.ignis.api.model.Tenants;
import dev.ignis.api.filter.DeletedRows;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.conformance.model.ScCategory;
import dev.ignis.conformance.model.ScNote;
import dev.ignis.conformance.model.ScProject;
import dev.ignis.conformance.model.ScTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Soft delete and tenant isolation: the scopes the read planner adds to every statement — root reads, counts,
 * writes, includes of every strategy (join, batch, per-parent window, junction joined and split, cross-datasource),
 * related-field conditions on the same and another datasource — on the data of {@link ScopeFixture#seed}.
 */
public interface ScopeContract extends ConformanceFixture {

    default ScopeFixture scopes() {
        return ScopeFixture.of(this);
    }

    @AfterAll
    default void closeScopeFixture() {
        ScopeFixture.closeFor(this);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return Tenants.run(tenant, work);
    }

    private static List<String> ids(List<?> rows) {
        return rows.stream().map(r -> ((dev.ignis.api.model.StringIdEntity) r).getId()).sorted().toList();
    }

    /** Every include of {@link ScProject}, one per strategy. */
    private static Filter everyInclude() {
        return Filter.empty().include("parent", "children", "tags", "owner", "notes", "watchers", "category");
    }

    // ---- soft delete

    @Test
    default void softDeletedRowsAreLeftOutOfEveryRead() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            assertThat(ids(s.projects().find())).containsExactly("a-p1", "a-p2", "a-p4", "a-p5");
            assertThat(s.projects().findById("a-p3")).isEmpty();
            assertThatThrownBy(() -> s.projects().getById("a-p3")).isInstanceOf(NotFoundException.class);
            assertThat(s.projects().count()).isEqualTo(4);
            assertThat(s.projects().count(Where.eq("name", "Gamma"))).isZero();
            assertThat(s.projects().existsWith(Where.eq("id", "a-p3"))).isFalse();
            RangeResult<ScProject> page = s.projects().findWithRange(Filter.empty().withLimit(2).withSkip(2));
            assertThat(page.range().total()).isEqualTo(4);
            assertThat(s.projects().findOne(Filter.where("name", "Gamma"))).isEmpty();
            // a soft-deleted row is not updated
            assertThatThrownBy(() -> s.projects().updateById("a-p3", Map.of("rank", 30))).isInstanceOf(NotFoundException.class);
            assertThat(s.projects().updateAll(Map.of("rank", 9), Where.eq("name", "Gamma")).count()).isZero();
            return null;
        });
    }

    @Test
    default void deleteIsOneUpdateThatStampsWhenAndWho() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            long before = s.statements();
            assertThat(s.projects().deleteAll(Where.eq("name", "Alpha"), WriteOptions.noReturn()).count()).isEqualTo(2);
            assertThat(s.statements() - before).as("one UPDATE").isEqualTo(1);
            List<ScProject> deleted = s.projects().find(Filter.where("name", "Alpha"), QueryOptions.onlyDeleted());
            assertThat(ids(deleted)).containsExactly("a-p1", "a-p5");
            assertThat(deleted).allSatisfy(p -> {
                assertThat(p.getDeletedAt()).isNotNull();
                assertThat(p.getDeletedBy()).isEqualTo(ScopeFixture.USER);
            });
            assertThatThrownBy(() -> s.projects().deleteAll(Where.empty())).isInstanceOf(WriteGuardException.class);
            assertThatThrownBy(() -> s.projects().deleteById("a-p1")).as("already deleted").isInstanceOf(NotFoundException.class);
            assertThat(s.projects().deleteById("a-p2").count()).isEqualTo(1);
            return null;
        });
        // the rows are still there, and only tenant a's were touched
        assertThat(Tenants.all(() -> s.projects().count(Where.empty(), QueryOptions.withDeleted()))).isEqualTo(15);
        assertThat(as("b", () -> s.projects().count())).isEqualTo(4);
    }

    @Test
    default void aPlainFindByIdBindsTheTenantAndDeletedRowsOfEachCall() {
        ScopeFixture s = scopes();
        s.seed();
        // The same plain findById again and again: its statement is kept per scope shape, each call binds its own tenant.
        for (int round = 0; round < 3; round++) {
            assertThat(as("a", () -> s.projects().findById("a-p1"))).isPresent();
            assertThat(as("b", () -> s.projects().findById("a-p1"))).as("another tenant's row").isEmpty();
            assertThat(as("b", () -> s.projects().findById("b-p1"))).isPresent();
            assertThat(as("a", () -> s.projects().findById("b-p1"))).as("another tenant's row").isEmpty();
            assertThat(as("a", () -> s.projects().findById("a-p3"))).as("soft-deleted").isEmpty();
            assertThat(as("a", () -> s.projects().findById("a-p3", Filter.empty(), QueryOptions.withDeleted()))).isPresent();
            assertThat(as("a", () -> s.projects().findById("a-p1", Filter.empty(), QueryOptions.onlyDeleted()))).isEmpty();
            assertThat(Tenants.all(() -> s.projects().findById("b-p1"))).as("across tenants").isPresent();
            assertThat(Tenants.all(() -> s.projects().findById("a-p1"))).as("across tenants").isPresent();
            assertThat(as("b", () -> s.projects().findById("b-p3", Filter.empty(), QueryOptions.withDeleted()))).isPresent();
            assertThat(as("b", () -> s.projects().findById("a-p3", Filter.empty(), QueryOptions.withDeleted())))
                    .as("another tenant's deleted row").isEmpty();
            assertThat(as("b", () -> s.projects().findById("b-p3", Filter.empty(), QueryOptions.onlyDeleted()))).isPresent();
        }
    }

    @Test
    default void withDeletedAndOnlyDeletedAtTheRootAndPerInclude() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            assertThat(ids(s.projects().find(Filter.empty(), QueryOptions.withDeleted())))
                    .containsExactly("a-p1", "a-p2", "a-p3", "a-p4", "a-p5");
            assertThat(ids(s.projects().find(Filter.empty(), QueryOptions.onlyDeleted()))).containsExactly("a-p3");
            assertThat(s.projects().count(Where.empty(), QueryOptions.onlyDeleted())).isEqualTo(1);
            assertThat(s.projects().findById("a-p3", Filter.empty(), QueryOptions.withDeleted())).isPresent();
            // per include: the deleted child and owner come back only where asked
            ScProject p1 = s.projects().findById("a-p1", Filter.empty().include("children", "tags"),
                    QueryOptions.DEFAULT.includeDeleted("children", DeletedRows.WITH_DELETED)).orElseThrow();
            assertThat(ids(p1.getChildren())).containsExactly("a-p2", "a-p3");
            assertThat(ids(p1.getTags())).containsExactly("a-t1");
            ScProject p1all = s.projects().findById("a-p1", Filter.empty().include("tags"),
                    QueryOptions.DEFAULT.includeDeleted("tags", DeletedRows.WITH_DELETED)).orElseThrow();
            assertThat(ids(p1all.getTags())).as("deleted junction row and deleted tag").containsExactly("a-t1", "a-t2", "a-t3");
            ScProject p2 = s.projects().findById("a-p2", Filter.empty().include("owner"),
                    QueryOptions.DEFAULT.includeDeleted("owner", DeletedRows.ONLY_DELETED)).orElseThrow();
            assertThat(p2.getOwner().getId()).isEqualTo("a-o3");
            // nested path
            ScProject nested = s.projects().findById("a-p1", Filter.empty().include(Include.of("children",
                            Filter.empty().include("parent"))),
                    QueryOptions.DEFAULT.includeDeleted("children", DeletedRows.ONLY_DELETED)).orElseThrow();
            assertThat(ids(nested.getChildren())).containsExactly("a-p3");
            assertThat(nested.getChildren().get(0).getParent().getId()).isEqualTo("a-p1");
            return null;
        });
    }

    // ---- soft delete declared on the column

    @Test
    default void aColumnMarkedDeletedAtSoftDeletesLikeTheModelFlag() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            // the seed deleted a-n2 through ScNote's @DeletedAt column; the columns keep their own names
            List<ScNote> deleted = s.notes().find(Filter.empty(), QueryOptions.onlyDeleted());
            assertThat(ids(deleted)).containsExactly("a-n2");
            assertThat(deleted.get(0).getRemovedAt()).isNotNull();
            assertThat(deleted.get(0).getRemovedBy()).isEqualTo(ScopeFixture.USER);
            assertThat(ids(s.notes().find())).containsExactly("a-n1", "a-n3");
            assertThat(s.notes().count(Where.neq("removedAt", null), QueryOptions.withDeleted())).isEqualTo(1);
            long before = s.statements();
            assertThat(s.notes().deleteAll(Where.eq("id", "a-n1"), WriteOptions.noReturn()).count()).isEqualTo(1);
            assertThat(s.statements() - before).as("one UPDATE").isEqualTo(1);
            assertThat(s.notes().findById("a-n1")).isEmpty();
            ScNote restored = s.notes().restoreById("a-n2").single();
            assertThat(restored.getRemovedAt()).isNull();
            assertThat(restored.getRemovedBy()).isNull();
            assertThat(s.notes().hardDeleteById("a-n1").count()).isEqualTo(1);
            assertThat(ids(s.notes().find(Filter.empty(), QueryOptions.withDeleted()))).containsExactly("a-n2", "a-n3");
            return null;
        });
    }

    // ---- withDeleted / onlyDeleted in the filter

    /** The ids of one relation of each row, by the row's id: what an include read. */
    private static Map<String, List<String>> related(List<ScProject> rows, String relation) {
        Map<String, List<String>> read = new java.util.TreeMap<>();
        for (ScProject row : rows) {
            Object value = ScopeFuzzSchemas.related(row, relation);
            read.put(row.getId(), value instanceof List<?> list ? ids(list) : value == null ? List.of() : ids(List.of(value)));
        }
        return read;
    }

    @Test
    default void theFilterAsksForDeletedRowsAtTheRootAsTheOptionsDo() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            for (DeletedRows rows : List.of(DeletedRows.WITH_DELETED, DeletedRows.ONLY_DELETED)) {
                String key = rows == DeletedRows.WITH_DELETED ? "withDeleted" : "onlyDeleted";
                List<String> byOptions = ids(s.projects().find(Filter.empty(), QueryOptions.DEFAULT.deleted(rows)));
                assertThat(byOptions).contains("a-p3");
                Filter json = Filter.parse("{\"" + key + "\":true}");
                assertThat(ids(s.projects().find(json))).as(key).isEqualTo(byOptions);
                assertThat(ids(s.projects().find(Filter.empty().deleted(rows)))).isEqualTo(byOptions);
                assertThat(s.projects().findById("a-p3", json)).isPresent();
                assertThat(s.projects().findOne(json.and("id", "a-p3"))).isPresent();
                try (java.util.stream.Stream<ScProject> stream = s.projects().stream(json)) {
                    assertThat(ids(stream.toList())).isEqualTo(byOptions);
                }
                RangeResult<ScProject> page = s.projects().findWithRange(Filter.parse("{\"" + key + "\":true,\"limit\":1}"));
                assertThat(page.range().total()).as("the count statement reads the same rows").isEqualTo(byOptions.size());
            }
            assertThat(ids(s.projects().find(Filter.parse("{\"withDeleted\":false}")))).containsExactly("a-p1", "a-p2", "a-p4", "a-p5");
            return null;
        });
    }

    @Test
    default void theFilterAsksForDeletedRowsPerIncludeAsTheOptionsDoInEveryStrategy() {
        ScopeFixture s = scopes();
        s.seed();
        // relation, and the rest of its scope: joined to-one, batched IN, per-parent window, many-through (junction joined),
        // cross-datasource to-one and to-many, many-through with the targets on the other datasource
        List<List<String>> includes = List.of(List.of("parent", ""), List.of("children", ""),
                List.of("children", ",\"limit\":5,\"order\":[\"rank DESC\"]"), List.of("tags", ""), List.of("owner", ""),
                List.of("notes", ""), List.of("watchers", ""));
        as("a", () -> {
            for (List<String> include : includes) {
                String relation = include.get(0);
                String rest = include.get(1);
                List<ScProject> live = s.projects().find(Filter.parse("{\"include\":[{\"relation\":\"" + relation
                        + "\",\"scope\":{\"withDeleted\":false" + rest + "}}]}"));
                for (DeletedRows rows : List.of(DeletedRows.WITH_DELETED, DeletedRows.ONLY_DELETED)) {
                    String key = rows == DeletedRows.WITH_DELETED ? "withDeleted" : "onlyDeleted";
                    Filter json = Filter.parse("{\"include\":[{\"relation\":\"" + relation + "\",\"scope\":{\"" + key + "\":true"
                            + rest + "}}]}");
                    Filter typedScope = json.include().get(0).scope().deleted(null);
                    long before = s.statements();
                    List<ScProject> byOptions = s.projects().find(Filter.empty().include(Include.of(relation, typedScope)),
                            QueryOptions.DEFAULT.includeDeleted(relation, rows));
                    long optionStatements = s.statements() - before;
                    before = s.statements();
                    List<ScProject> byJson = s.projects().find(json);
                    assertThat(s.statements() - before).as("same statements").isEqualTo(optionStatements);
                    String what = relation + rest + " " + key;
                    assertThat(related(byJson, relation)).as(what).isEqualTo(related(byOptions, relation))
                            .isNotEqualTo(related(live, relation));
                    assertThat(related(s.projects().find(Filter.empty().include(Include.of(relation, typedScope.deleted(rows))))
                            , relation)).as(what + ", typed").isEqualTo(related(byOptions, relation));
                }
            }
            // nested: the deleted child's owner only where the nested scope asks for deleted owners
            ScProject p1 = s.projects().findById("a-p1", Filter.parse("{\"include\":[{\"relation\":\"children\",\"scope\":"
                    + "{\"withDeleted\":true,\"order\":[\"id\"],\"include\":[{\"relation\":\"owner\",\"scope\":{\"onlyDeleted\":true}}]}}]}"))
                    .orElseThrow();
            assertThat(ids(p1.getChildren())).containsExactly("a-p2", "a-p3");
            assertThat(p1.getChildren().get(0).getOwner().getId()).as("a-o3 is deleted").isEqualTo("a-o3");
            assertThat(p1.getChildren().get(1).getOwner()).as("a-o2 is live").isNull();
            return null;
        });
    }

    @Test
    default void askingForDeletedRowsOfAModelWithoutSoftDeleteOrAgainstTheOptionsIsRefused() {
        ScopeFixture s = scopes();
        s.seed();
        long before = s.statements();
        assertThatThrownBy(() -> s.categories().find(Filter.parse("{\"withDeleted\":true}")))
                .isInstanceOf(FilterException.class).hasMessageContaining("ScCategory").hasMessageContaining("no soft delete")
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("withDeleted"));
        as("a", () -> {
            assertThatThrownBy(() -> s.projects().find(Filter.parse("{\"include\":[\"owner\",{\"relation\":\"category\","
                    + "\"scope\":{\"onlyDeleted\":true}}]}")))
                    .isInstanceOf(FilterException.class).hasMessageContaining("ScCategory")
                    .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("include[1].scope.onlyDeleted"));
            assertThatThrownBy(() -> s.projects().find(Filter.empty().onlyDeleted(), QueryOptions.withDeleted()))
                    .isInstanceOf(FilterException.class).hasMessageContaining("options");
            assertThatThrownBy(() -> s.projects().find(Filter.parse("{\"include\":[{\"relation\":\"tags\",\"scope\":{\"withDeleted\":true}}]}"),
                    QueryOptions.DEFAULT.includeDeleted("tags", DeletedRows.ONLY_DELETED)))
                    .isInstanceOf(FilterException.class).hasMessageContaining("include[0].scope.withDeleted");
            // the same choice in both is no conflict
            assertThat(ids(s.projects().find(Filter.empty().onlyDeleted(), QueryOptions.onlyDeleted()))).containsExactly("a-p3");
            return null;
        });
        assertThat(s.statements() - before).as("refused before any statement").isEqualTo(1);
    }

    @Test
    default void restoreAndHardDelete() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            assertThatThrownBy(() -> s.projects().restoreById("a-p1")).as("not deleted").isInstanceOf(NotFoundException.class);
            assertThat(s.projects().restoreById("a-p3").single().getDeletedAt()).isNull();
            assertThat(s.projects().count()).isEqualTo(5);
            s.projects().deleteAll(Where.in("rank", List.of(1, 2)));
            assertThat(s.projects().restoreAll(Where.in("rank", List.of(1, 2, 3))).count()).isEqualTo(2);
            assertThatThrownBy(() -> s.projects().restoreAll(Where.empty())).isInstanceOf(WriteGuardException.class);
            assertThat(s.projects().hardDeleteById("a-p3").count()).isEqualTo(1);
            s.projects().deleteById("a-p4");
            assertThat(s.projects().hardDeleteAll(Where.in("id", List.of("a-p4", "a-p5"))).count()).isEqualTo(2);
            assertThat(ids(s.projects().find(Filter.empty(), QueryOptions.withDeleted()))).containsExactly("a-p1", "a-p2");
            assertThatThrownBy(() -> s.projects().hardDeleteById("b-p1")).as("another tenant's row").isInstanceOf(NotFoundException.class);
            return null;
        });
        assertThat(Tenants.all(() -> s.projects().count(Where.empty(), QueryOptions.withDeleted()))).isEqualTo(12);
    }

    // ---- includes of every strategy, under both scopes

    @Test
    default void includesOfEveryStrategyKeepToTheTenantsLiveRows() {
        ScopeFixture s = scopes();
        s.seed();
        List<ScProject> rows = as("a", () -> s.projects().find(everyInclude().withOrder(List.of(Order.asc("id")))));
        assertThat(ids(rows)).containsExactly("a-p1", "a-p2", "a-p4", "a-p5");
        ScProject p1 = rows.get(0);
        ScProject p2 = rows.get(1);
        ScProject p4 = rows.get(2);
        ScProject p5 = rows.get(3);
        // to-one joined: a deleted parent and another tenant's parent are null
        assertThat(p2.getParent().getId()).isEqualTo("a-p1");
        assertThat(p4.getParent()).isNull();
        assertThat(p5.getParent()).isNull();
        // to-many batched: the deleted child and another tenant's child pointing here are left out
        assertThat(ids(p1.getChildren())).containsExactly("a-p2");
        // many-through, junction and target on one datasource
        assertThat(ids(p1.getTags())).containsExactly("a-t1");
        assertThat(p2.getTags()).isEmpty();
        // cross-datasource to-one and to-many
        assertThat(p1.getOwner().getId()).isEqualTo("a-o1");
        assertThat(p2.getOwner()).isNull();
        assertThat(p4.getOwner()).isNull();
        assertThat(ids(p1.getNotes())).containsExactly("a-n1");
        assertThat(p2.getNotes()).isEmpty();
        // many-through, junction here and targets on the other datasource
        assertThat(ids(p1.getWatchers())).containsExactly("a-o1");
        assertThat(p2.getWatchers()).isEmpty();
        // a model without scopes is unaffected
        assertThat(p1.getCategory().getName()).isEqualTo("shared");
        // per-parent window
        ScProject windowed = as("a", () -> s.projects().findById("a-p1", Filter.empty().include(Include.of("children",
                Filter.empty().withLimit(5).withOrder(List.of(Order.desc("rank")))))).orElseThrow());
        assertThat(ids(windowed.getChildren())).containsExactly("a-p2");
    }

    @Test
    default void scopesAddPredicatesNeverStatements() {
        ScopeFixture s = scopes();
        s.seed();
        long before = s.statements();
        as("a", () -> s.projects().find(everyInclude()));
        long scoped = s.statements() - before;
        before = s.statements();
        Tenants.all(() -> s.projects().find(everyInclude(), QueryOptions.withDeleted()));
        long unscoped = s.statements() - before;
        // root with parent and category joined, children, tags (junction joined), owner, notes, watchers (junction, then owners)
        assertThat(scoped).isEqualTo(7);
        assertThat(unscoped).isEqualTo(scoped);
        before = s.statements();
        as("a", () -> s.projects().find(Filter.where("tags.label", "red").and(Where.eq("owner.name", "Ada"))));
        assertThat(s.statements() - before).as("EXISTS in the statement, one lookup on aux").isEqualTo(2);
    }

    // ---- related-field conditions

    @Test
    default void relatedConditionsMatchOnlyTheTenantsLiveRows() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            // same datasource (EXISTS): a-p2's parent is live; a-p4's parent a-p3 is deleted; a-p5's parent is b's
            assertThat(ids(s.projects().find(Filter.where("parent.name", "Alpha")))).containsExactly("a-p2");
            assertThat(ids(s.projects().find(Filter.where("parent.name", "Gamma")))).isEmpty();
            assertThat(ids(s.projects().find(Filter.where("children.name", "Gamma")))).isEmpty();
            assertThat(ids(s.projects().find(Filter.where("tags.label", "red")))).containsExactly("a-p1");
            assertThat(ids(s.projects().find(Filter.where(Where.in("tags.label", List.of("green", "blue")))))).isEmpty();
            // another datasource (key lookup): a-p2's owner is deleted, a-p4's owner is b's
            assertThat(ids(s.projects().find(Filter.where("owner.name", "Ada")))).containsExactly("a-p1");
            assertThat(ids(s.projects().find(Filter.where("owner.name", "Cy")))).isEmpty();
            assertThat(ids(s.projects().find(Filter.where(Where.in("notes.body", List.of("bye", "x")))))).isEmpty();
            assertThat(ids(s.projects().find(Filter.where("watchers.name", "Bob")))).isEmpty();
            assertThat(ids(s.projects().find(Filter.where("watchers.name", "Ada")))).containsExactly("a-p1");
            assertThat(s.projects().count(Where.eq("owner.name", "Ada"))).isEqualTo(1);
            return null;
        });
    }

    // ---- tenant isolation

    @Test
    default void noTenantIsRefusedBeforeAnyStatement() {
        ScopeFixture s = scopes();
        s.seed();
        s.tenant(null);
        long before = s.statements();
        List<Runnable> calls = List.of(
                () -> s.projects().find(),
                () -> s.projects().findById("a-p1"),
                () -> s.projects().count(),
                () -> s.projects().existsWith(Where.eq("name", "Alpha")),
                () -> s.projects().create(new ScProject("x-p1", null, "New", 1, null, null, null)),
                () -> s.projects().updateAll(Map.of("rank", 1), Where.eq("name", "Alpha")),
                () -> s.projects().deleteById("a-p1"),
                () -> s.projects().restoreAll(Where.eq("name", "Alpha")),
                () -> s.categories().find(Filter.empty().include("projects")),
                () -> s.categories().find(Filter.where("projects.name", "Alpha")));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(TenantException.class).hasMessageContaining("no current tenant");
        }
        assertThat(s.statements() - before).isZero();
        // a model without a tenant needs none
        assertThat(ids(s.categories().find())).containsExactly("c1", "c2");
    }

    @Test
    default void theResolverAndTheScopedOverrideChooseTheTenant() {
        ScopeFixture s = scopes();
        s.seed();
        try {
            s.tenant("b");
            assertThat(ids(s.projects().find())).containsExactly("b-p1", "b-p2", "b-p4", "b-p5");
            assertThat(as("c", () -> ids(s.projects().find()))).containsExactly("c-p1", "c-p2", "c-p4", "c-p5");
        } finally {
            s.tenant(null);
        }
    }

    @Test
    default void aFilterCannotWidenTheTenant() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            assertThat(s.projects().find(Filter.parse("{\"where\":{\"tenantId\":\"b\"}}"))).isEmpty();
            assertThat(s.projects().find(Filter.parse("{\"where\":{\"or\":[{\"tenantId\":\"b\"},{\"tenantId\":\"a\"}]}}"))).hasSize(4);
            assertThat(s.projects().findById("b-p1")).isEmpty();
            assertThat(s.projects().count(Where.eq("tenantId", "c"))).isZero();
            assertThat(s.projects().updateAll(Map.of("rank", 7), Where.eq("tenantId", "b")).count()).isZero();
            assertThat(s.projects().deleteAll(Where.eq("id", "b-p1")).count()).isZero();
            assertThat(s.projects().find(Filter.parse("{\"where\":{\"tenantId\":\"b\"}}"), QueryOptions.withDeleted())).isEmpty();
            return null;
        });
        assertThat(as("b", () -> s.projects().count())).isEqualTo(4);
    }

    @Test
    default void createsTakeTheCurrentTenantAndRefuseAnother() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            ScProject created = s.projects().create(new ScProject("a-p9", null, "New", 9, null, null, null)).single();
            assertThat(created.getTenantId()).isEqualTo("a");
            assertThat(s.projects().create(new ScProject("a-p8", "a", "Same", 8, null, null, null)).count()).isEqualTo(1);
            assertThatThrownBy(() -> s.projects().create(new ScProject("a-p7", "b", "Other", 7, null, null, null)))
                    .isInstanceOf(TenantException.class).hasMessageContaining("'b'");
            assertThatThrownBy(() -> s.projects().updateAll(Map.of("tenantId", "b"), Where.eq("id", "a-p9")))
                    .isInstanceOf(TenantException.class);
            return null;
        });
        assertThat(as("b", () -> s.projects().findById("a-p7"))).isEmpty();
        assertThat(Tenants.all(() -> s.projects().findById("a-p7"))).isEmpty();
        assertThatThrownBy(() -> Tenants.all(() -> s.projects().create(new ScProject("x-p1", null, "New", 1, null, null, null))))
                .isInstanceOf(TenantException.class);
    }

    @Test
    default void streamsAreScopedAndUpsertIsRefusedOnATenantModel() {
        ScopeFixture s = scopes();
        s.seed();
        as("a", () -> {
            try (java.util.stream.Stream<ScProject> rows = s.projects().stream(Filter.empty())) {
                assertThat(ids(rows.toList())).containsExactlyInAnyOrderElementsOf(ids(s.projects().find()));
            }
            long before = s.statements();
            assertThatThrownBy(() -> s.projects().upsert(new ScProject("b-p1", null, "Taken over", 1, null, null, null)))
                    .isInstanceOf(dev.ignis.api.error.UnsupportedOperatorException.class).hasMessageContaining("tenant model");
            assertThat(s.statements() - before).isZero();
            return null;
        });
        assertThat(as("b", () -> s.projects().findById("b-p1")))
                .hasValueSatisfying(row -> assertThat(row.getName()).isNotEqualTo("Taken over"));
    }

    @Test
    default void theBypassIsExplicitAndReported() {
        ScopeFixture s = scopes();
        s.seed();
        assertThat(Tenants.all(() -> s.projects().count())).isEqualTo(12);
        assertThat(s.projects().count(Where.empty(), QueryOptions.allTenants())).isEqualTo(12);
        assertThat(s.projects().find(Filter.empty().include("owner").withLimit(100), QueryOptions.allTenants())
                .stream().filter(p -> p.getId().equals("a-p4")).findFirst().orElseThrow().getOwner().getId())
                .as("a bypass reads across tenants in includes too").isEqualTo("b-o1");
        assertThat(s.bypasses()).hasSize(3);
        assertThat(s.bypasses().get(0).model()).isEqualTo("ScProject");
        assertThat(s.bypasses().get(0).operation()).isEqualTo("count");
        assertThat(s.bypasses().get(2).operation()).isEqualTo("find");
        // inside the bypass, Tenants.run narrows again
        assertThat(Tenants.all(() -> as("c", () -> s.projects().count()))).isEqualTo(4);
    }

    @Test
    default void includesFromASharedModelIntoTenantRowsAndBack() {
        ScopeFixture s = scopes();
        s.seed();
        List<ScCategory> categories = as("b", () -> s.categories().find(Filter.empty().include(Include.of("projects",
                Filter.empty().include("category")))));
        ScCategory c1 = categories.stream().filter(c -> c.getId().equals("c1")).findFirst().orElseThrow();
        assertThat(ids(c1.getProjects())).containsExactly("b-p1", "b-p5");
        assertThat(c1.getProjects()).allSatisfy(p -> assertThat(p.getCategory().getId()).isEqualTo("c1"));
    }

    // ---- unique keys of soft-deleted rows

    /**
     * A soft-deleted row keeps its key, so a plain unique constraint would refuse a new live row with the same key.
     * PostgreSQL: a partial unique index {@code where deleted_at is null}. MariaDB and H2 have no partial indexes: a
     * generated column holding the key only while the row is live, under a unique index (NULLs never collide). The engine
     * creates neither (it is schema, for migrations); it turns the violation into {@link ConflictException}.
     */
    @Test
    default void aDeletedRowAndANewLiveRowShareAUniqueKey() {
        ScopeFixture s = scopes();
        s.seed();
        DatabaseTarget db = s.database();
        String index = db.q("cf_sc_tag_live_label");
        if (db.driver().equals("postgres")) {
            s.execute("drop index if exists " + index, "create unique index " + index + " on " + db.q("cf_sc_tag") + " ("
                    + db.q("tenant_id") + ", " + db.q("label") + ") where " + db.q("deleted_at") + " is null");
        } else {
            String column = db.q("live_label");
            s.execute("alter table " + db.q("cf_sc_tag") + " add column " + column + " varchar(100) generated always as (case when "
                            + db.q("deleted_at") + " is null then " + db.q("label") + " end)" + (db.driver().equals("h2") ? "" : " virtual"),
                    "create unique index " + index + " on " + db.q("cf_sc_tag") + " (" + db.q("tenant_id") + ", " + column + ")");
        }
        try {
            as("a", () -> {
                assertThatThrownBy(() -> s.tags().create(new ScTag("a-t9", null, "red"))).isInstanceOf(ConflictException.class);
                assertThat(s.tags().create(new ScTag("a-t9", null, "green")).count()).as("green is deleted").isEqualTo(1);
                s.tags().deleteById("a-t9");
                assertThat(s.tags().create(new ScTag("a-t10", null, "green")).count()).as("two deleted greens").isEqualTo(1);
                assertThatThrownBy(() -> s.tags().restoreById("a-t9")).as("a second live green").isInstanceOf(ConflictException.class);
                return null;
            });
            assertThat(as("b", () -> s.tags().create(new ScTag("b-t9", null, "green")).count())).as("another tenant's live green")
                    .isEqualTo(1);
        } finally {
            if (db.driver().equals("postgres")) {
                s.execute("drop index " + index);
            } else {
                s.execute("drop index " + index + (db.driver().equals("h2") ? "" : " on " + db.q("cf_sc_tag")),
                        "alter table " + db.q("cf_sc_tag") + " drop column " + db.q("live_label"));
            }
        }
    }

    // ---- the property: no filter leaks

    /** Valid documents the property test runs (each a find and a count, as a random one of the three tenants). */
    default int scopeFuzzDocuments() {
        return Integer.getInteger("ignis.scope.fuzz", 10_000);
    }

    /**
     * Random filters from {@link FilterFuzzer} (the documents it generates that the engine accepts) over the three
     * tenants of {@link ScopeFixture#seed}, whose rows share names and ranks and point at each other: every row a find
     * returns, at the root and in every include at every depth, is of the current tenant and live, and no count exceeds
     * the tenant's live rows. Rows are told apart by their ids, so each document's {@code fields} (at every level) are
     * widened to all properties; which rows a filter selects does not depend on them.
     */
    @Test
    default void noRandomFilterLeaksAnotherTenantsOrADeletedRow() {
        fuzzScopes(scopes(), "", 14, scopeFuzzDocuments(), (filter, model, r) -> filter, (row, filter, tenant, wrong) ->
                ScopeFuzzSchemas.collectLeaks(row, tenant, "", wrong, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
    }

    /**
     * The property again, with each random filter asking for deleted rows at random levels ({@code withDeleted} or
     * {@code onlyDeleted} at the root and in include scopes of soft-delete models; a fifth as many documents): every
     * row, at every depth, is still of the current tenant, is live where nothing was asked and deleted where only
     * deleted rows were; the count with the same choice in the options covers the rows found.
     */
    @Test
    default void noRandomFilterAskingForDeletedRowsLeaksAnotherTenantsRow() {
        fuzzScopes(scopes(), " asking for deleted rows", 1414, Math.max(1, scopeFuzzDocuments() / 5), ScopeFuzzSchemas::askingForDeletedRows,
                (row, filter, tenant, wrong) -> ScopeFuzzSchemas.collectWrongRows(row, filter, tenant, "", wrong));
    }

    /** How a property test changes each random filter read on a model ({@code ScProject} or {@code ScCategory}). */
    @FunctionalInterface
    interface FuzzedFilter {
        Filter prepare(Filter parsed, String model, java.util.Random r);
    }

    /** What a property test checks of each root row its filter returned: it adds what is wrong to {@code wrong}. */
    @FunctionalInterface
    interface RowCheck {
        void check(Object row, Filter filter, String tenant, List<String> wrong);
    }

    /**
     * Runs {@code wanted} valid random documents (four in five on projects, the rest on categories), each prepared by
     * {@code prepare}, as a random tenant: a find whose rows {@code check} inspects, and on projects a count with the
     * root's deleted rows in the options, which may not exceed the tenant's rows in that state nor, without a skip, the
     * rows found. Documents the engine refuses (a {@link dev.ignis.api.error.FilterException}) do not count.
     */
    private static void fuzzScopes(ScopeFixture s, String label, long seed, int wanted, FuzzedFilter prepare, RowCheck check) {
        s.seed();
        FilterFuzzer fuzzer = new FilterFuzzer(ScopeFuzzSchemas.all().values());
        java.util.Random r = new java.util.Random(seed);
        int valid = 0;
        int refused = 0;
        List<String> wrong = new java.util.ArrayList<>();
        List<String> failures = new java.util.ArrayList<>();
        long started = System.nanoTime();
        for (long attempt = 0; valid < wanted && attempt < 40L * wanted; attempt++) {
            boolean projects = r.nextInt(5) > 0;
            String model = projects ? "ScProject" : "ScCategory";
            String doc = fuzzer.document(r, ScopeFuzzSchemas.all().get(model), null);
            String tenant = ScopeFixture.TENANTS.get(r.nextInt(ScopeFixture.TENANTS.size()));
            String shown = doc;
            try {
                Filter filter = prepare.prepare(ScopeFuzzSchemas.allFields(Filter.parse(doc)), model, r);
                shown = filter.toJson();
                List<String> found = as(tenant, () -> {
                    List<String> bad = new java.util.ArrayList<>();
                    List<?> rows = projects ? s.projects().find(filter) : s.categories().find(filter);
                    rows.forEach(row -> check.check(row, filter, tenant, bad));
                    if (projects) {
                        DeletedRows asked = filter.deleted() == null ? DeletedRows.LIVE : filter.deleted();
                        long count = s.projects().count(filter.where(), QueryOptions.DEFAULT.deleted(asked));
                        long most = asked == DeletedRows.LIVE ? 4 : asked == DeletedRows.WITH_DELETED ? 5 : 1;
                        if (count > most || (filter.skip() == null || filter.skip() == 0) && rows.size() > count) {
                            bad.add("count " + count + " for " + rows.size() + " rows");
                        }
                    }
                    return bad;
                });
                valid++;
                String document = shown;
                found.forEach(leak -> wrong.add("tenant " + tenant + ", " + leak + ": " + document));
            } catch (FilterException refusedDocument) {
                refused++;
            } catch (RuntimeException e) {
                failures.add(e + ": " + shown);
            }
        }
        System.err.printf("[ignis scopes] %s: %d valid filters%s (%d refused) in %d ms, %d wrong rows, %d failures%n", s.database(), valid,
                label, refused, (System.nanoTime() - started) / 1_000_000, wrong.size(), failures.size());
        assertThat(valid).as("valid documents generated").isEqualTo(wanted);
        assertThat(wrong).as("rows of another tenant, or not in the state asked for").isEmpty();
        assertThat(failures).as("calls that failed otherwise than with a FilterException").isEmpty();
    }
}
