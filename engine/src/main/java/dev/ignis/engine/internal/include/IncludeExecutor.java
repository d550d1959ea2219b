package dev.ignis.engine.internal.include;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.engine.EngineSettings;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.execute.Observation;
import dev.ignis.engine.internal.execute.RowReader;
import dev.ignis.engine.internal.execute.RowShaper;
import dev.ignis.engine.internal.execute.StartedDataSource;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationKind;
import dev.ignis.engine.internal.relation.RelationRegistry;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Loads included relations into rows, level by level. Each relation costs one statement per level (per chunk of
 * keys) on the datasource that owns its target, whatever the number of parent rows: to-one and to-many as
 * batched {@code IN} lookups, a per-parent limit as one windowed statement, many-through as a join with the
 * junction (or two lookups when junction and target live on different datasources). Relations whose targets
 * live on other datasources are fetched in parallel.
 */
public final class IncludeExecutor {
    private static final String T = "t";

    private final RelationRegistry registry;
    private final EngineSettings settings;
    private final ExecutorService crossDataSourcePool;
    private final Map<ReaderKey, RowReader> readers = new java.util.concurrent.ConcurrentHashMap<>();

    public IncludeExecutor(RelationRegistry registry, EngineSettings settings, ExecutorService crossDataSourcePool) {
        this.registry = registry;
        this.settings = settings;
        this.crossDataSourcePool = crossDataSourcePool;
    }

    public RelationRegistry registry() {
        return registry;
    }

    /** A same-datasource to-one include answered by a left join in the parent statement. */
    public record Join(Include include, RelationDescriptor relation, ModelDescriptor target, Filter scope, String alias,
                       RowReader reader) {
    }

    /**
     * What a statement must read of a model: what the caller's fields keep (never hidden properties), plus the keys
     * its includes stitch on and {@code alsoNeeded}.
     */
    public RowReader reader(ModelDescriptor model, Fields fields, List<Include> includes, Set<String> alsoNeeded) {
        List<String> relations = includes.stream().map(Include::relation).toList();
        // The same filter shapes come back all day: their readers (and select lists) are built once.
        return readers.computeIfAbsent(new ReaderKey(model.modelClass(), fields, relations, alsoNeeded),
                key -> newReader(model, fields, includes, alsoNeeded));
    }

    private record ReaderKey(Class<?> model, Fields fields, List<String> relations, Set<String> alsoNeeded) {
    }

    private RowReader newReader(ModelDescriptor model, Fields fields, List<Include> includes, Set<String> alsoNeeded) {
        Set<String> needed = new java.util.HashSet<>(alsoNeeded);
        for (Include include : includes) {
            RelationDescriptor relation = registry.relations(model.modelClass()).get(include.relation());
            if (relation != null) {
                needed.add(relation.sourceKey());
            }
        }
        return RowReader.of(model, key -> needed.contains(key) || !model.hidden().contains(key) && fields.keeps(key));
    }

    /**
     * The includes of a parent statement that can be joined into it: to-one relations on the same datasource whose
     * target key is the target's id (so a join never multiplies parent rows).
     */
    public List<Join> joins(StartedDataSource source, ModelDescriptor model, List<Include> includes) {
        List<Join> joins = new ArrayList<>();
        for (int i = 0; i < includes.size(); i++) {
            Include include = includes.get(i);
            RelationDescriptor relation = registry.require(model, include.relation(), "include[" + i + "].relation");
            ModelDescriptor target = registry.model(relation.target());
            if (relation.kind() == RelationKind.ONE && registry.owner(relation.target()) == source
                    && target.attribute(relation.targetKey()).isIdentifier()) {
                Filter scope = include.shouldSkipDefaultFilter() ? include.scope() : source.mergeDefaults(target, include.scope());
                joins.add(new Join(include, relation, target, scope, "j" + i, reader(target, scope.fields(), scope.include(), Set.of())));
            }
        }
        return joins;
    }

    /** {@code left join Target jN on jN.key = parent.key [and scope]}; the scope's where narrows the match, never the parents. */
    public String joinClause(StartedDataSource source, ModelDescriptor model, Join join, QueryParameters params, String parentAlias) {
        String scopeWhere = source.compiler().where(join.target(), join.scope().where(), params, join.alias());
        return " left join " + join.target().entityName() + " " + join.alias() + " on " + join.alias() + "."
                + join.target().attribute(join.relation().targetKey()).hqlPath() + " = " + parentAlias + "."
                + model.attribute(join.relation().sourceKey()).hqlPath() + (scopeWhere.isEmpty() ? "" : " and " + scopeWhere);
    }

    /** Stitches joined rows into their parents, then loads their own includes and shapes them. */
    public void finishJoins(Observation.Call call, StartedDataSource source, StatelessSession session, List<Join> joins,
                            List<Object[]> tuples, int depth) {
        for (int j = 0; j < joins.size(); j++) {
            Join join = joins.get(j);
            // The joined rows themselves are only needed for nested includes or for properties to clear.
            boolean keep = !join.scope().include().isEmpty() || !join.scope().fields().isAll() || !join.target().hidden().isEmpty();
            List<Object> loaded = new ArrayList<>();
            Set<Object> seen = keep ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : null;
            for (Object[] tuple : tuples) {
                Object related = tuple[j + 1];
                join.relation().assign(tuple[0], related);
                if (keep && related != null && seen.add(related)) {
                    loaded.add(related);
                }
            }
            load(call, source, session, join.target(), loaded, join.scope().include(), "include.scope.include", depth + 1);
            RowShaper.shape(join.target(), loaded, join.scope().fields());
        }
    }

    /** Checks every include of a filter (names, depth, scopes) before any statement runs. */
    public void validate(ModelDescriptor model, List<Include> includes, String path, int depth) {
        for (int i = 0; i < includes.size(); i++) {
            Include include = includes.get(i);
            String here = path + "[" + i + "]";
            if (depth > settings.maxIncludeDepth()) {
                throw new FilterException(here, "includes nest deeper than " + settings.maxIncludeDepth() + " levels");
            }
            RelationDescriptor relation = registry.require(model, include.relation(), here + ".relation");
            ModelDescriptor target = registry.model(relation.target());
            QueryCompiler.checkFields(target, include.scope().fields());
            validate(target, include.scope().include(), here + ".scope.include", depth + 1);
        }
    }

    /**
     * Fills the included relations of {@code rows}, which are rows of {@code model} read on {@code source} through
     * {@code session} (the caller's session: in a transaction, the transaction's).
     */
    public void load(Observation.Call call, StartedDataSource source, StatelessSession session, ModelDescriptor model,
                     List<?> rows, List<Include> includes, String path, int depth) {
        if (includes.isEmpty() || rows.isEmpty()) {
            return;
        }
        // Relations that read the same target rows (same model, key, kind and scope — creator and modifier, say)
        // share one lookup: one statement per target, level and scope rather than per relation.
        Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
        List<RelationDescriptor> relations = new ArrayList<>();
        for (int i = 0; i < includes.size(); i++) {
            Include include = includes.get(i);
            RelationDescriptor relation = registry.require(model, include.relation(), path + "[" + i + "].relation");
            relations.add(relation);
            GroupKey key = relation.kind() == RelationKind.MANY_THROUGH ? new GroupKey(null, null, null, null, false, i)
                    : new GroupKey(relation.target(), relation.targetKey(), relation.kind(), include.scope(), include.shouldSkipDefaultFilter(), -1);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Runnable> local = new ArrayList<>();
        List<Runnable> remote = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            int first = members.get(0);
            Include include = includes.get(first);
            RelationDescriptor relation = relations.get(first);
            List<RelationDescriptor> group = members.stream().map(relations::get).toList();
            String here = path + "[" + first + "]";
            StartedDataSource targetSource = registry.owner(relation.target());
            boolean isLocal = targetSource == source && (relation.kind() != RelationKind.MANY_THROUGH
                    || registry.owner(relation.junction()) == source);
            if (isLocal) {
                local.add(() -> loadRelations(call, source, session, model, rows, include, group, here, depth));
            } else {
                checkTransaction(source, relation, targetSource);
                remote.add(() -> loadRelations(call, source, null, model, rows, include, group, here, depth));
            }
        }
        // Lookups on other datasources run on the include pool while this thread does the local ones, and the last of
        // them runs on this thread too: a single cross-datasource lookup costs no hand-off to another thread.
        List<CompletableFuture<Void>> elsewhere = new ArrayList<>();
        for (int i = 0; i < remote.size() - 1; i++) {
            elsewhere.add(CompletableFuture.runAsync(remote.get(i), crossDataSourcePool));
        }
        RuntimeException failure = null;
        try {
            local.forEach(Runnable::run);
            if (!remote.isEmpty()) {
                remote.get(remote.size() - 1).run();
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        awaitAll(elsewhere, failure);
    }

    /** What makes two includes of one level read the same rows; through relations never share ({@code alone} >= 0). */
    private record GroupKey(Class<?> target, String targetKey, RelationKind kind, Filter scope, boolean skipDefault, int alone) {
    }

    private void checkTransaction(StartedDataSource source, RelationDescriptor relation, StartedDataSource target) {
        if (StartedDataSource.inTransaction() && !settings.crossDataSourceReadsInTransaction()) {
            throw new TransactionException("Include '" + relation.name() + "' reads datasource " + target.name()
                    + " inside a transaction of datasource " + source.name() + "; that read would not be part of the transaction."
                    + " Allow it with Engine.builder().allowCrossDataSourceReadsInTransaction(true)");
        }
    }

    private void loadRelations(Observation.Call call, StartedDataSource source, StatelessSession session, ModelDescriptor model,
                               List<?> rows, Include include, List<RelationDescriptor> group, String path, int depth) {
        if (depth > settings.maxIncludeDepth()) {
            throw new FilterException(path, "includes nest deeper than " + settings.maxIncludeDepth() + " levels");
        }
        RelationDescriptor relation = group.get(0);
        StartedDataSource targetSource = registry.owner(relation.target());
        ModelDescriptor target = registry.model(relation.target());
        Filter scope = include.shouldSkipDefaultFilter() ? include.scope() : targetSource.mergeDefaults(target, include.scope());
        QueryCompiler.checkFields(target, scope.fields());

        Set<Object> keys = new LinkedHashSet<>();
        for (RelationDescriptor member : group) {
            AttributeDescriptor sourceKey = model.attribute(member.sourceKey());
            for (Object row : rows) {
                Object key = sourceKey.get(row);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        Map<Object, List<Object>> byKey = keys.isEmpty() ? Map.of()
                : fetch(call, source, session, relation, target, targetSource, scope, new ArrayList<>(keys), path);

        List<Object> loaded = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (RelationDescriptor member : group) {
            AttributeDescriptor sourceKey = model.attribute(member.sourceKey());
            for (Object row : rows) {
                Object key = sourceKey.get(row);
                List<Object> matches = key == null ? List.of() : byKey.getOrDefault(key, List.of());
                member.assign(row, member.toMany() ? new ArrayList<>(matches) : matches.isEmpty() ? null : matches.get(0));
                for (Object match : matches) {
                    if (seen.add(match)) {
                        loaded.add(match);
                    }
                }
            }
        }
        if (!scope.include().isEmpty() && !loaded.isEmpty()) {
            if (session != null && targetSource == source) {
                load(call, targetSource, session, target, loaded, scope.include(), path + ".scope.include", depth + 1);
            } else {
                targetSource.readDetached(nested -> {
                    load(call, targetSource, nested, target, loaded, scope.include(), path + ".scope.include", depth + 1);
                    return null;
                });
            }
        }
        RowShaper.shape(target, loaded, scope.fields());
    }

    /** Target rows grouped by the source key value they belong to. */
    private Map<Object, List<Object>> fetch(Observation.Call call, StartedDataSource source, StatelessSession session,
                                            RelationDescriptor relation, ModelDescriptor target, StartedDataSource targetSource,
                                            Filter scope, List<Object> keys, String path) {
        if (relation.kind() == RelationKind.MANY_THROUGH) {
            return fetchThrough(call, source, session, relation, target, targetSource, scope, keys, path);
        }
        String strategy = targetSource != source ? "cross-datasource" : perParent(relation, scope) ? "per-parent" : "batch";
        AttributeDescriptor targetKey = target.attribute(relation.targetKey());
        Function<StatelessSession, Map<Object, List<Object>>> work = s -> {
            Map<Object, List<Object>> grouped = new HashMap<>();
            for (List<Object> chunk : chunks(keys, targetSource)) {
                List<?> found = selectTargets(call, targetSource, s, target, targetKey.key(), chunk, scope, relation, strategy, path);
                for (Object row : found) {
                    grouped.computeIfAbsent(targetKey.get(row), k -> new ArrayList<>()).add(row);
                }
            }
            return grouped;
        };
        return session != null && targetSource == source ? work.apply(session) : targetSource.readDetached(work);
    }

    private static boolean perParent(RelationDescriptor relation, Filter scope) {
        return relation.toMany() && (scope.limit() != null || scope.skip() != null && scope.skip() > 0);
    }

    private List<?> selectTargets(Observation.Call call, StartedDataSource ds, StatelessSession session, ModelDescriptor target,
                                  String keyName, List<Object> keys, Filter scope, RelationDescriptor relation, String strategy,
                                  String path) {
        QueryCompiler compiler = ds.compiler();
        QueryParameters params = new QueryParameters();
        AttributeDescriptor key = target.attribute(keyName);
        String keyPath = T + "." + key.hqlPath();
        String scopeWhere = compiler.where(target, scope.where(), params, T);
        String keysBound = params.bind(keys);
        String condition = keyPath + " in (" + keysBound + ")" + (scopeWhere.isEmpty() ? "" : " and " + scopeWhere);
        // A to-one lookup is stitched by key, so its rows need no order unless the scope asks for one.
        String order = !relation.toMany() && scope.order().isEmpty() ? "" : compiler.orderBy(target, scope.order(), T);
        RowReader reader = reader(target, scope.fields(), scope.include(), Set.of(keyName));
        String hql;
        if (perParent(relation, scope)) {
            int skip = scope.skip() == null ? 0 : scope.skip();
            int limit = scope.limit() == null ? settings.maxLimit() : scope.limit();
            if (limit > settings.maxLimit()) {
                throw new FilterException(path + ".scope.limit", "must be at most " + settings.maxLimit() + ", got " + limit);
            }
            // One statement for every parent: number the related rows per parent and keep the requested window.
            String inner = "select " + T + "." + target.id().hqlPath() + " as rowId, row_number() over (partition by " + keyPath
                    + order + ") as position from " + target.entityName() + " " + T + " where " + condition;
            hql = "select " + reader.select("o") + " from " + target.entityName() + " o where o." + target.id().hqlPath()
                    + " in (select w.rowId from (" + inner + ") w where w.position > " + params.bind(skip)
                    + " and w.position <= " + params.bind(skip + limit) + ")" + compiler.orderBy(target, scope.order(), "o");
        } else {
            hql = "select " + reader.select(T) + " from " + target.entityName() + " " + T + " where " + condition + order;
        }
        String finalHql = hql;
        List<Object[]> tuples = ds.statement(call, target.name(), "include", strategy, () -> {
            return ds.select(session, finalHql, params, StartedDataSource.NO_LIMIT, 0);
        });
        List<Object> rows = new ArrayList<>(tuples.size());
        for (Object[] tuple : tuples) {
            rows.add(reader.read(tuple, 0));
        }
        return rows;
    }

    private Map<Object, List<Object>> fetchThrough(Observation.Call call, StartedDataSource source, StatelessSession session,
                                                   RelationDescriptor relation, ModelDescriptor target, StartedDataSource targetSource,
                                                   Filter scope, List<Object> keys, String path) {
        StartedDataSource junctionSource = registry.owner(relation.junction());
        ModelDescriptor junction = registry.model(relation.junction());
        AttributeDescriptor junctionSourceKey = junction.attribute(relation.junctionSourceKey());
        AttributeDescriptor junctionTargetKey = junction.attribute(relation.junctionTargetKey());
        boolean local = junctionSource == source && targetSource == source;
        if (local && session != null) {
            return fetchThroughJoined(call, session, relation, junction, target, targetSource, scope, keys);
        }
        String strategy = local ? "batch" : "cross-datasource";

        // Junction rows: source key -> target keys, in junction order.
        Function<StatelessSession, Map<Object, List<Object>>> links = s -> {
            Map<Object, List<Object>> map = new LinkedHashMap<>();
            for (List<Object> chunk : chunks(keys, junctionSource)) {
                QueryParameters params = new QueryParameters();
                String hql = "select j." + junctionSourceKey.hqlPath() + ", j." + junctionTargetKey.hqlPath() + " from "
                        + junction.entityName() + " j where j." + junctionSourceKey.hqlPath() + " in (" + params.bind(chunk) + ")"
                        + " order by j." + junction.id().hqlPath();
                List<Object[]> pairs = junctionSource.statement(call, junction.name(), "include", strategy, () -> {
                    return junctionSource.select(s, hql, params, StartedDataSource.NO_LIMIT, 0);
                });
                for (Object[] pair : pairs) {
                    map.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
                }
            }
            return map;
        };
        Map<Object, List<Object>> linked = session != null && junctionSource == source ? links.apply(session) : junctionSource.readDetached(links);
        Set<Object> targetKeys = new LinkedHashSet<>();
        linked.values().forEach(targetKeys::addAll);
        if (targetKeys.isEmpty()) {
            return Map.of();
        }
        AttributeDescriptor targetKey = target.attribute(relation.targetKey());
        Function<StatelessSession, Map<Object, Object>> targets = s -> {
            Map<Object, Object> byKey = new LinkedHashMap<>();
            for (List<Object> chunk : chunks(new ArrayList<>(targetKeys), targetSource)) {
                for (Object row : selectTargets(call, targetSource, s, target, targetKey.key(), chunk, scope.withLimit(null).withSkip(null),
                        relation, strategy, path)) {
                    byKey.put(targetKey.get(row), row);
                }
            }
            return byKey;
        };
        Map<Object, Object> found = session != null && targetSource == source ? targets.apply(session) : targetSource.readDetached(targets);
        // Targets came back in the scope's order; each parent keeps that order, then its own window of skip/limit.
        Map<Object, Integer> position = new HashMap<>();
        for (Object key : found.keySet()) {
            position.put(key, position.size());
        }
        int skip = scope.skip() == null ? 0 : scope.skip();
        int limit = scope.limit() == null ? Integer.MAX_VALUE : scope.limit();
        Map<Object, List<Object>> grouped = new HashMap<>();
        for (Map.Entry<Object, List<Object>> entry : linked.entrySet()) {
            List<Object> rows = entry.getValue().stream().filter(found::containsKey).distinct()
                    .sorted(java.util.Comparator.comparingInt(position::get)).skip(skip).limit(limit).map(found::get).toList();
            grouped.put(entry.getKey(), new ArrayList<>(rows));
        }
        return grouped;
    }

    /** Junction and target on the caller's datasource: one statement joins them. */
    private Map<Object, List<Object>> fetchThroughJoined(Observation.Call call, StatelessSession session, RelationDescriptor relation,
                                                         ModelDescriptor junction, ModelDescriptor target, StartedDataSource ds,
                                                         Filter scope, List<Object> keys) {
        String junctionKey = "j." + junction.attribute(relation.junctionSourceKey()).hqlPath();
        String joinOn = " on " + T + "." + target.attribute(relation.targetKey()).hqlPath() + " = j."
                + junction.attribute(relation.junctionTargetKey()).hqlPath();
        boolean window = perParent(relation, scope);
        String strategy = window ? "per-parent" : "batch";
        RowReader reader = reader(target, scope.fields(), scope.include(), Set.of(relation.targetKey()));
        Map<Object, List<Object>> grouped = new HashMap<>();
        for (List<Object> chunk : chunks(keys, ds)) {
            QueryParameters params = new QueryParameters();
            String keysBound = params.bind(chunk);
            String scopeWhere = ds.compiler().where(target, scope.where(), params, T);
            String condition = junctionKey + " in (" + keysBound + ")" + (scopeWhere.isEmpty() ? "" : " and " + scopeWhere);
            String from = " from " + junction.entityName() + " j join " + target.entityName() + " " + T + joinOn;
            String order = ds.compiler().orderBy(target, scope.order(), T);
            String hql;
            if (window) {
                // Number each parent's targets in the scope's order and keep the requested window: still one statement.
                int skip = scope.skip() == null ? 0 : scope.skip();
                int limit = scope.limit() == null ? settings.maxLimit() : scope.limit();
                String inner = "select j." + junction.id().hqlPath() + " as rowId, row_number() over (partition by " + junctionKey
                        + order + ") as position" + from + " where " + condition;
                hql = "select o." + junction.attribute(relation.junctionSourceKey()).hqlPath() + ", " + reader.select("ot") + " from "
                        + junction.entityName() + " o join " + target.entityName() + " ot on ot." + target.attribute(relation.targetKey()).hqlPath()
                        + " = o." + junction.attribute(relation.junctionTargetKey()).hqlPath()
                        + " where o." + junction.id().hqlPath() + " in (select w.rowId from (" + inner + ") w where w.position > "
                        + params.bind(skip) + " and w.position <= " + params.bind(skip + limit) + ")"
                        + ds.compiler().orderBy(target, scope.order(), "ot");
            } else {
                hql = "select " + junctionKey + ", " + reader.select(T) + from + " where " + condition + order;
            }
            List<Object[]> pairs = ds.statement(call, target.name(), "include", strategy, () -> {
                return ds.select(session, hql, params, StartedDataSource.NO_LIMIT, 0);
            });
            for (Object[] pair : pairs) {
                grouped.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(reader.read(pair, 1));
            }
        }
        return grouped;
    }

    private List<List<Object>> chunks(List<Object> keys, StartedDataSource ds) {
        int size = settings.inListChunkSize() > 0 ? settings.inListChunkSize() : Math.max(1, ds.driver().maxInListSize());
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += size) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + size)));
        }
        return chunks;
    }

    /** Waits for every future, then throws {@code failure} or the first failure, with the others suppressed. */
    private static void awaitAll(List<CompletableFuture<Void>> futures, RuntimeException failure) {
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IgnisException(String.valueOf(e.getCause()), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
