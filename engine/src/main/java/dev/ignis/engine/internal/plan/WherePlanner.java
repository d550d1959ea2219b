package dev.ignis.engine.internal.plan;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.compile.RelatedConditionRenderer;
import dev.ignis.engine.internal.compile.RelatedKeys;
import dev.ignis.engine.internal.compile.RelatedRows;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationKind;
import dev.ignis.engine.internal.relation.RelationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the conditions of a where that reach rows on another datasource ({@code "creator.status"} on a model whose
 * creators live elsewhere). Hops on the statement's own datasource stay in the where (rendered as {@code EXISTS}); the
 * first hop onto another datasource becomes a {@link KeyLookup} on that datasource, and the conditions become
 * {@code sourceKey in (keys)}. The conditions of one {@code and} that cross the same to-one hop (through to-one hops
 * only) share one lookup: {@code creator.status} and {@code creator.org.name} cost one lookup of creators.
 */
final class WherePlanner {
    private final RelationRegistry registry;
    private final int maxHops;

    WherePlanner(RelationRegistry registry, int maxHops) {
        this.registry = registry;
        this.maxHops = maxHops;
    }

    /**
     * {@code where} of rows of {@code model} read by a statement on {@code dataSource}; the related rows its conditions
     * and lookups match are limited by {@code scope} (the tenant's live rows).
     */
    WherePlan plan(ModelDescriptor model, String dataSource, Where where, ReadScope scope) {
        if (where == null || where.isEmpty()) {
            return WherePlan.local(Where.empty());
        }
        List<KeyLookup> lookups = new ArrayList<>();
        Where template = reachesOtherDataSource(model, dataSource, where) ? rewrite(model, dataSource, where, lookups, true, scope) : where;
        Where scoped = scopeRelated(model, dataSource, template, scope, lookups, true);
        return lookups.isEmpty() ? WherePlan.local(scoped) : new WherePlan(scoped, List.copyOf(lookups));
    }

    /**
     * Gives each condition on related rows of this datasource ({@code EXISTS}) the scope of those rows, hop by hop:
     * {@code "creator.name"} becomes {@code creator} with {@link RelatedRows} {@code name = ? and <creator's scope>}.
     * A default filter of those rows that reaches another datasource is planned here too, its hops becoming key
     * lookups (added to {@code lookups}) like the caller's own. Paths whose rows have no scope and whose default filter
     * stays on this datasource stay as they are (the renderer adds the default filter to them itself). {@code spine}:
     * every node above is an {@code and}, so a lookup of a default filter that finds nothing fails the whole where.
     */
    private Where scopeRelated(ModelDescriptor model, String dataSource, Where where, ReadScope scope, List<KeyLookup> lookups,
                               boolean spine) {
        if (where instanceof Where.Condition c) {
            int dot = c.field().indexOf('.');
            // A path with an empty segment is left to the compiler, which names the problem.
            boolean path = dot > 0 && !c.field().endsWith(".") && !c.field().contains("..");
            RelationDescriptor relation = path && model.attribute(c.field()) == null
                    ? registry.relations(model.modelClass()).get(c.field().substring(0, dot)) : null;
            if (relation == null || !RelatedConditionRenderer.isLocal(registry, relation, dataSource)) {
                return c;
            }
            ModelDescriptor target = registry.model(relation.target());
            Where inner = new Where.Condition(c.field().substring(dot + 1), c.operator(), c.value(), c.path());
            Where scopedInner = scopeRelated(target, dataSource, inner, scope, lookups, spine);
            Where targetScope = scope.related(target);
            Where junctionScope = relation.kind() == RelationKind.MANY_THROUGH ? scope.related(registry.model(relation.junction())) : Where.empty();
            Where defaults = target.defaultFilter().where();
            Where plannedDefaults = defaults.isEmpty() ? defaults : scopeRelated(target, dataSource,
                    reachesOtherDataSource(target, dataSource, defaults) ? rewrite(target, dataSource, defaults, lookups, spine, scope) : defaults,
                    scope, lookups, spine);
            if (targetScope.isEmpty() && junctionScope.isEmpty() && scopedInner == inner && plannedDefaults == defaults) {
                return c;
            }
            Where rows = scopedInner.and(plannedDefaults).and(targetScope);
            return new Where.Condition(relation.name(), Operator.EQ, new RelatedRows(rows, junctionScope), c.path());
        }
        List<Where> items = items(where);
        List<Where> scoped = new ArrayList<>(items.size());
        boolean changed = false;
        boolean itemsOnSpine = spine && where instanceof Where.And;
        for (Where item : items) {
            Where s = scopeRelated(model, dataSource, item, scope, lookups, itemsOnSpine);
            changed |= s != item;
            scoped.add(s);
        }
        return !changed ? where : where instanceof Where.And ? new Where.And(scoped) : new Where.Or(scoped);
    }

    /** Whether any condition crosses onto another datasource; checks the hop count of every related path on the way. */
    private boolean reachesOtherDataSource(ModelDescriptor model, String dataSource, Where where) {
        if (where instanceof Where.Condition c) {
            return hop(model, dataSource, c) != null;
        }
        boolean any = false;
        for (Where item : items(where)) {
            any |= reachesOtherDataSource(model, dataSource, item);
        }
        return any;
    }

    /** {@code spine}: every node above is an {@code and}, so the whole where fails when this part fails. */
    private Where rewrite(ModelDescriptor model, String dataSource, Where where, List<KeyLookup> lookups, boolean spine, ReadScope scope) {
        if (where instanceof Where.Condition c) {
            Hop hop = hop(model, dataSource, c);
            return hop == null ? c : lookup(dataSource, hop, List.of(c), lookups, spine, scope);
        }
        if (where instanceof Where.Or or) {
            List<Where> items = new ArrayList<>();
            or.items().forEach(item -> items.add(rewrite(model, dataSource, item, lookups, false, scope)));
            return new Where.Or(items);
        }
        // One lookup per shared to-one hop of this and: its conditions are asked of the same related row.
        Map<Object, List<Where.Condition>> shared = new LinkedHashMap<>();
        Map<Where.Condition, Hop> hops = new java.util.IdentityHashMap<>();
        for (Where item : items(where)) {
            if (item instanceof Where.Condition c) {
                Hop hop = hop(model, dataSource, c);
                if (hop != null) {
                    hops.put(c, hop);
                    shared.computeIfAbsent(hop.sharedBy(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        List<Where> items = new ArrayList<>();
        for (Where item : items(where)) {
            Hop hop = item instanceof Where.Condition c ? hops.get(c) : null;
            if (hop == null) {
                items.add(rewrite(model, dataSource, item, lookups, spine, scope));
                continue;
            }
            List<Where.Condition> group = shared.get(hop.sharedBy());
            if (group.get(0) == item) {
                items.add(lookup(dataSource, hop, group, lookups, spine, scope));
            }
        }
        return new Where.And(items);
    }

    private Where lookup(String dataSource, Hop hop, List<Where.Condition> conditions, List<KeyLookup> lookups, boolean spine,
                         ReadScope scope) {
        RelationDescriptor relation = hop.relation();
        ModelDescriptor target = registry.model(relation.target());
        String targetSource = registry.owner(relation.target());
        List<Where> inner = new ArrayList<>();
        for (Where.Condition c : conditions) {
            inner.add(new Where.Condition(c.field().substring(hop.prefix().length() + relation.name().length() + 1), c.operator(), c.value(), c.path()));
        }
        // Related rows hidden by their model's default filter, another tenant's and deleted ones do not match.
        Where targetWhere = new Where.And(inner).and(target.defaultFilter().where()).and(scope.related(target));
        String path = conditions.get(0).path();
        KeyLookup found;
        if (relation.kind() != RelationKind.MANY_THROUGH) {
            found = new KeyLookup(path, targetSource, target, relation.targetKey(), null, plan(target, targetSource, targetWhere, scope), spine);
        } else {
            ModelDescriptor junction = registry.model(relation.junction());
            String junctionSource = registry.owner(relation.junction());
            if (junctionSource.equals(targetSource)) {
                found = new KeyLookup(path, targetSource, junction, relation.junctionSourceKey(),
                        new KeyLookup.Joined(target, relation.targetKey(), relation.junctionTargetKey(), scope.related(junction)), plan(target, targetSource, targetWhere, scope), spine);
            } else {
                // Junction and target on two datasources: the target keys first, then the junction rows that link to them.
                KeyLookup targets = new KeyLookup(path, targetSource, target, relation.targetKey(), null, plan(target, targetSource, targetWhere, scope), true);
                Where linked = new Where.Condition(relation.junctionTargetKey(), Operator.IN, RelatedKeys.slot(0), path)
                        .and(scope.related(junction));
                found = new KeyLookup(path, junctionSource, junction, relation.junctionSourceKey(), null,
                        new WherePlan(linked, List.of(targets)), spine);
            }
        }
        lookups.add(found);
        return new Where.Condition(hop.prefix() + relation.sourceKey(), Operator.IN, RelatedKeys.slot(lookups.size() - 1), path);
    }

    /**
     * The first hop of {@code c}'s path onto another datasource, or null when it stays on {@code dataSource} (or is no
     * related path). {@code prefix}: the hops before it, on this datasource, each ending in a dot.
     */
    private Hop hop(ModelDescriptor model, String dataSource, Where.Condition c) {
        if (c.field().indexOf('.') < 0 || model.attribute(c.field()) != null) {
            return null;
        }
        String[] segments = c.field().split("\\.");
        ModelDescriptor current = model;
        StringBuilder prefix = new StringBuilder();
        boolean toOneSoFar = true;
        Hop first = null;
        for (int i = 0; i < segments.length - 1; i++) {
            RelationDescriptor relation = registry.relations(current.modelClass()).get(segments[i]);
            if (relation == null) {
                break;
            }
            if (i + 1 > maxHops) {
                throw new FilterException(c.path(), "'" + c.field() + "' crosses more than " + maxHops + " relations");
            }
            if (first == null && !RelatedConditionRenderer.isLocal(registry, relation, dataSource)) {
                boolean shareable = toOneSoFar && relation.kind() == RelationKind.ONE;
                first = new Hop(prefix.toString(), relation, shareable ? prefix + relation.name() : new Object());
            }
            toOneSoFar &= relation.kind() == RelationKind.ONE;
            prefix.append(segments[i]).append('.');
            current = registry.model(relation.target());
        }
        return first;
    }

    /**
     * A hop onto another datasource after the local hops {@code prefix}. Conditions of one {@code and} with equal
     * {@code sharedBy} share a lookup; a hop through a to-many relation gets a key of its own.
     */
    private record Hop(String prefix, RelationDescriptor relation, Object sharedBy) {
    }

    private static List<Where> items(Where where) {
        return where instanceof Where.And and ? and.items() : ((Where.Or) where).items();
    }
}
