package dev.ignis.conformance;

import dev.ignis.api.filter.DeletedRows;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.conformance.FilterFuzzer.Kind;
import dev.ignis.conformance.FilterFuzzer.Schema;
import dev.ignis.conformance.model.ScCategory;
import dev.ignis.conformance.model.ScProject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scope models as {@link FilterFuzzer} sees them, and the leak check of {@link ScopeContract}'s property test. */
final class ScopeFuzzSchemas {
    private static final Map<String, Schema> SCHEMAS = build();

    private ScopeFuzzSchemas() {
    }

    static Map<String, Schema> all() {
        return SCHEMAS;
    }

    private static Map<String, Schema> build() {
        Map<String, Schema> s = new LinkedHashMap<>();
        s.put("ScProject", new Schema("ScProject", fields("id", "tenantId", "name", "parentId", "ownerId", "categoryId", "deletedBy")
                .with("rank", Kind.INT).with("deletedAt", Kind.INSTANT).map,
                relations("parent", "ScProject", "children", "ScProject", "tags", "ScTag", "owner", "ScOwner", "notes", "ScNote",
                        "watchers", "ScOwner", "category", "ScCategory"), Set.of(), List.of("a-p1", "b-p2", "c-p3", "a-p5")));
        s.put("ScTag", new Schema("ScTag", fields("id", "tenantId", "label", "deletedBy").with("deletedAt", Kind.INSTANT).map,
                Map.of(), Set.of(), List.of("a-t1", "b-t3")));
        s.put("ScOwner", new Schema("ScOwner", fields("id", "tenantId", "name", "deletedBy").with("deletedAt", Kind.INSTANT).map,
                Map.of(), Set.of(), List.of("a-o1", "c-o3")));
        s.put("ScNote", new Schema("ScNote", fields("id", "tenantId", "projectId", "body", "removedBy").with("removedAt", Kind.INSTANT).map,
                Map.of(), Set.of(), List.of("b-n1", "a-n2")));
        s.put("ScCategory", new Schema("ScCategory", fields("id", "name").map, relations("projects", "ScProject"), Set.of(),
                List.of("c1", "c2")));
        return s;
    }

    /**
     * Adds to {@code leaks} every row reachable from {@code row} (its included relations, at any depth) that is not a
     * live row of {@code tenant}; shared categories are followed, not checked.
     */
    static void collectLeaks(Object row, String tenant, String path, List<String> leaks, Set<Object> seen) {
        if (row == null || !seen.add(row)) {
            return;
        }
        if (!(row instanceof ScCategory) && !ScopeFixture.liveOf(tenant, ((StringIdEntity) row).getId())) {
            leaks.add((path.isEmpty() ? "row " : path + " ") + ((StringIdEntity) row).getId());
        }
        if (row instanceof ScProject p) {
            follow(p.getParent(), tenant, path + "parent.", leaks, seen);
            follow(p.getChildren(), tenant, path + "children.", leaks, seen);
            follow(p.getTags(), tenant, path + "tags.", leaks, seen);
            follow(p.getOwner(), tenant, path + "owner.", leaks, seen);
            follow(p.getNotes(), tenant, path + "notes.", leaks, seen);
            follow(p.getWatchers(), tenant, path + "watchers.", leaks, seen);
            follow(p.getCategory(), tenant, path + "category.", leaks, seen);
        } else if (row instanceof ScCategory c) {
            follow(c.getProjects(), tenant, path + "projects.", leaks, seen);
        }
    }

    /**
     * {@code filter} (read on {@code model}) asking, at random, for live, live and deleted, or only deleted rows at its
     * root and in each include scope whose model has soft delete (every scope model but {@link ScCategory}).
     */
    static Filter askingForDeletedRows(Filter filter, String model, java.util.Random r) {
        DeletedRows[] choices = DeletedRows.values();
        Filter asked = model.equals("ScCategory") ? filter : filter.deleted(choices[r.nextInt(choices.length)]);
        Map<String, String> targets = SCHEMAS.get(model).relations();
        List<Include> includes = filter.include().stream().map(i -> new Include(i.relation(),
                targets.containsKey(i.relation()) ? askingForDeletedRows(i.scope(), targets.get(i.relation()), r) : i.scope(),
                i.shouldSkipDefaultFilter())).toList();
        return asked.withInclude(includes);
    }

    /**
     * Adds to {@code wrong} every row reachable from {@code row} through the includes of {@code filter} (at any depth)
     * that is not of {@code tenant}, or not in the state its level asked for: live where nothing was asked, deleted
     * where only deleted rows were; shared categories are followed, not checked.
     */
    static void collectWrongRows(Object row, Filter filter, String tenant, String path, List<String> wrong) {
        if (row == null) {
            return;
        }
        if (!(row instanceof ScCategory)) {
            String id = ((StringIdEntity) row).getId();
            DeletedRows asked = filter.deleted() == null ? DeletedRows.LIVE : filter.deleted();
            boolean ofTenant = id.startsWith(tenant + "-");
            boolean live = ScopeFixture.liveOf(tenant, id);
            if (!ofTenant || asked == DeletedRows.LIVE && !live || asked == DeletedRows.ONLY_DELETED && live) {
                wrong.add((path.isEmpty() ? "row " : path + " ") + id + " (" + asked + ")");
            }
        }
        for (Include include : filter.include()) {
            Object related = related(row, include.relation());
            String at = path + include.relation() + ".";
            if (related instanceof List<?> list) {
                list.forEach(item -> collectWrongRows(item, include.scope(), tenant, at, wrong));
            } else {
                collectWrongRows(related, include.scope(), tenant, at, wrong);
            }
        }
    }

    /** The relation {@code relation} of a row of the scope fixture, as an include filled it. */
    static Object related(Object row, String relation) {
        if (row instanceof ScCategory c) {
            return c.getProjects();
        }
        if (!(row instanceof ScProject p)) {
            return null;
        }
        return switch (relation) {
            case "parent" -> p.getParent();
            case "children" -> p.getChildren();
            case "tags" -> p.getTags();
            case "owner" -> p.getOwner();
            case "notes" -> p.getNotes();
            case "watchers" -> p.getWatchers();
            case "category" -> p.getCategory();
            default -> throw new IllegalArgumentException("relation " + relation);
        };
    }

    /** The same filter reading every property, at the root and in every include scope. */
    static Filter allFields(Filter filter) {
        List<Include> includes = filter.include().stream()
                .map(i -> new Include(i.relation(), allFields(i.scope()), i.shouldSkipDefaultFilter())).toList();
        return filter.withFields(dev.ignis.api.filter.Fields.ALL).withInclude(includes);
    }

    private static void follow(Object related, String tenant, String path, List<String> leaks, Set<Object> seen) {
        if (related instanceof List<?> list) {
            list.forEach(item -> collectLeaks(item, tenant, path, leaks, seen));
        } else {
            collectLeaks(related, tenant, path, leaks, seen);
        }
    }

    private static Fields fields(String... strings) {
        Fields f = new Fields();
        for (String name : strings) {
            f.with(name, Kind.STRING);
        }
        return f;
    }

    private static Map<String, String> relations(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static final class Fields {
        final Map<String, Kind> map = new LinkedHashMap<>();

        Fields with(String name, Kind kind) {
            map.put(name, kind);
            return this;
        }
    }
}
