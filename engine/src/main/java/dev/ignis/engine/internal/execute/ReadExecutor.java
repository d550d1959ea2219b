package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.internal.compile.PerParentWindow;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.compile.RelatedConditionRenderer;
import dev.ignis.engine.internal.compile.WhereTemplate;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import dev.ignis.engine.internal.model.RowShaper;
import dev.ignis.engine.internal.plan.IncludeStep;
import dev.ignis.engine.internal.plan.JoinStep;
import dev.ignis.engine.internal.plan.ReadPlan;
import dev.ignis.engine.internal.plan.ReadPlanner;
import dev.ignis.engine.internal.plan.WherePlan;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Runs {@link ReadPlan}s: a statement's key lookups first (on their datasources), then the statement with its joins,
 * then the include steps level by level. Steps whose statements run on other datasources run in parallel on the
 * include pool. Decides nothing the plan has decided.
 */
public final class ReadExecutor {
    private static final String ROOT = QueryCompiler.ROOT;
    private static final String T = "t";
    /** Root statement shapes kept, as many as the planner's filter shapes. */
    private static final int ROOT_STATEMENT_CAPACITY = 4096;

    private final Map<String, StartedDataSource> dataSources = new HashMap<>();
    private final ReadPlanner planner;
    private final RelatedKeyLookups lookups;
    private final EngineSettings settings;
    private final ExecutorService crossDataSourcePool;
    /** Root statements compiled once per shape (values left out); an empty one marks a shape compiled every call. */
    private final Map<Object, Optional<String>> rootStatements = new ConcurrentHashMap<>();
    /** Root statements compiled so far: what the plan cache's test counts. */
    private final LongAdder rootCompilations = new LongAdder();

    private ReadExecutor(List<StartedDataSource> dataSources, ReadPlanner planner, EngineSettings settings, ExecutorService crossDataSourcePool) {
        dataSources.forEach(ds -> this.dataSources.put(ds.name(), ds));
        this.planner = planner;
        this.lookups = new RelatedKeyLookups(this.dataSources, settings);
        this.settings = settings;
        this.crossDataSourcePool = crossDataSourcePool;
    }

    /**
     * Connects started datasources for reads: the routing table of their models and relations, each compiler's
     * renderer of same-datasource related conditions, one planner and one executor for all of them.
     */
    public static RelationRegistry connect(List<StartedDataSource> dataSources, EngineSettings settings, ExecutorService crossDataSourcePool) {
        Map<String, Map<Class<?>, ModelDescriptor>> models = new LinkedHashMap<>();
        Map<String, QueryCompiler> compilers = new HashMap<>();
        dataSources.forEach(ds -> {
            models.put(ds.name(), ds.models());
            compilers.put(ds.name(), ds.compiler());
        });
        RelationRegistry registry = new RelationRegistry(models);
        dataSources.forEach(ds -> ds.compiler().relatedConditions(new RelatedConditionRenderer(ds.name(), registry, ds.compiler())));
        ReadExecutor reads = new ReadExecutor(dataSources, new ReadPlanner(registry, settings, compilers), settings, crossDataSourcePool);
        dataSources.forEach(ds -> ds.connect(reads));
        return registry;
    }

    ReadPlanner planner() {
        return planner;
    }

    /** See {@link RelatedKeyLookups#resolve}. */
    Where resolve(Observation.Call call, StartedDataSource dataSource, WherePlan where) {
        return lookups.resolve(call, dataSource, where);
    }

    // ---- the root statement

    /** The rows of the plan's model, with their includes filled; the root rows locked when the plan says so. */
    List<Object> read(ReadContext ctx, ReadPlan plan) {
        RootLock lock = RootLock.of(ctx.dataSource(), plan.model(), plan.lock());
        RootStatement root = root(ctx, plan);
        if (root == null) {
            return new ArrayList<>(); // a condition on another datasource matched nothing: no row can match
        }
        ModelDescriptor model = plan.model();
        StartedDataSource dataSource = ctx.dataSource();
        Function<java.util.function.Supplier<List<Object[]>>, List<Object[]>> asStatement =
                work -> dataSource.statement(ctx.call(), model.name(), ctx.operation(), "direct", work);
        List<Object[]> tuples = lock == null
                ? asStatement.apply(() -> dataSource.select(ctx.session(), root.hql(), root.params(), plan.limit(), plan.skip()))
                : lock.select(ctx.session(), root.hql(), root.params(), plan.limit(), plan.skip(), asStatement);
        Joined joined = new Joined(root.joins());
        List<Object> rows = new ArrayList<>(tuples.size());
        for (Object[] tuple : tuples) {
            rows.add(joined.read(tuple, 0, plan.reader()));
        }
        joined.finish(ctx);
        loadIncludes(ctx, model, rows, plan.includes());
        return rows;
    }

    /** The HQL of a plan's root statement (without limit and skip) and its parameters, bound so far. */
    record RootStatement(String hql, QueryParameters params, List<FlatJoin> joins) {
    }

    /**
     * The root statement of {@code plan}, its where's key lookups run: null when a condition on another datasource
     * matched nothing, so that no row can match.
     */
    RootStatement root(ReadContext ctx, ReadPlan plan) {
        Where where = resolve(ctx.call(), ctx.dataSource(), plan.where());
        if (where == null) {
            return null;
        }
        List<FlatJoin> joins = FlatJoin.of(plan.joins(), ROOT, plan.model());
        List<Where> joinWheres = resolveJoins(ctx, joins);
        ModelDescriptor model = plan.model();
        Object shape = rootShape(ctx, plan, joins, joinWheres, where);
        Optional<String> kept = shape == null ? null : rootStatements.get(shape);
        if (kept != null && kept.isPresent()) {
            return new RootStatement(kept.get(), rootValues(joins, joinWheres, model, where), joins);
        }
        rootCompilations.increment();
        QueryCompiler compiler = ctx.dataSource().compiler();
        QueryParameters params = new QueryParameters();
        StringBuilder hql = new StringBuilder("select ").append(plan.reader().select(ROOT)).append(selects(joins))
                .append(" from ").append(model.entityName()).append(' ').append(ROOT).append(joinClauses(ctx, joins, joinWheres, params));
        String condition = compiler.where(model, where, params);
        if (!condition.isEmpty()) {
            hql.append(" where ").append(condition);
        }
        if (!plan.byId() || !plan.filter().order().isEmpty()) {
            hql.append(compiler.orderBy(model, plan.filter().order()));
        }
        if (shape != null && kept == null) {
            // Kept only if the values bound without compiling are exactly those the compiler bound.
            boolean same = params.sameValues(rootValues(joins, joinWheres, model, where));
            if (rootStatements.size() >= ROOT_STATEMENT_CAPACITY) {
                rootStatements.clear();
            }
            rootStatements.put(shape, same ? Optional.of(hql.toString()) : Optional.empty());
        }
        return new RootStatement(hql.toString(), params, joins);
    }

    long rootCompilations() {
        return rootCompilations.sum();
    }

    /**
     * What the root statement's text depends on, values left out: datasource, model, select list, joins and their
     * wheres, where, order. Null when the text may depend on the values.
     */
    private static Object rootShape(ReadContext ctx, ReadPlan plan, List<FlatJoin> joins, List<Where> joinWheres, Where where) {
        Object whereShape = WhereTemplate.shape(plan.model(), where);
        if (whereShape == null) {
            return null;
        }
        List<Object> shape = new ArrayList<>(6 + joins.size() * 4);
        for (int i = 0; i < joins.size(); i++) {
            JoinStep join = joins.get(i).step();
            Object joinShape = WhereTemplate.shape(join.target(), joinWheres.get(i));
            if (joinShape == null) {
                return null;
            }
            shape.add(join.relation().name());
            shape.add(join.alias());
            shape.add(join.reader()); // readers are made once per shape: the same one, the same select list
            shape.add(joinShape);
        }
        shape.add(ctx.dataSource().name());
        shape.add(plan.model().modelClass());
        shape.add(plan.reader());
        shape.add(whereShape);
        shape.add(plan.filter().order());
        shape.add(plan.byId());
        return shape;
    }

    /** The root statement's values, in the order its text binds them: the joins' wheres, then its own. */
    private static QueryParameters rootValues(List<FlatJoin> joins, List<Where> joinWheres, ModelDescriptor model, Where where) {
        QueryParameters params = new QueryParameters();
        for (int i = 0; i < joins.size(); i++) {
            WhereTemplate.bind(joins.get(i).step().target(), joinWheres.get(i), params);
        }
        WhereTemplate.bind(model, where, params);
        return params;
    }

    /** Fills the included relations of {@code rows}, rows of the plan's root read apart from its statement (a stream's chunk). */
    void include(ReadContext ctx, ReadPlan plan, List<?> rows) {
        loadIncludes(ctx, plan.model(), rows, plan.includes());
    }

    // ---- joins

    /** A join of one statement, its parent (-1: the statement's own rows) and the alias and model it joins on. */
    record FlatJoin(JoinStep step, int parent, String parentAlias, ModelDescriptor parentModel) {
        /** Depth first, parents before their children: the order of the select items. */
        static List<FlatJoin> of(List<JoinStep> joins, String alias, ModelDescriptor model) {
            if (joins.isEmpty()) {
                return List.of();
            }
            List<FlatJoin> flat = new ArrayList<>();
            add(flat, joins, -1, alias, model);
            return flat;
        }

        private static void add(List<FlatJoin> flat, List<JoinStep> joins, int parent, String alias, ModelDescriptor model) {
            for (JoinStep join : joins) {
                flat.add(new FlatJoin(join, parent, alias, model));
                add(flat, join.joins(), flat.size() - 1, join.alias(), join.target());
            }
        }
    }

    private List<Where> resolveJoins(ReadContext ctx, List<FlatJoin> joins) {
        List<Where> wheres = new ArrayList<>(joins.size());
        for (FlatJoin join : joins) {
            Where where = resolve(ctx.call(), ctx.dataSource(), join.step().where());
            wheres.add(where == null ? Where.or() : where); // nothing can match: the join finds no row
        }
        return wheres;
    }

    private static String selects(List<FlatJoin> joins) {
        StringBuilder out = new StringBuilder();
        joins.forEach(join -> out.append(", ").append(join.step().reader().select(join.step().alias())));
        return out.toString();
    }

    /** {@code left join Target jN on jN.key = parent.key [and scope]}: the scope's where narrows the match, never the parents. */
    private static String joinClauses(ReadContext ctx, List<FlatJoin> joins, List<Where> wheres, QueryParameters params) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < joins.size(); i++) {
            JoinStep join = joins.get(i).step();
            String alias = join.alias();
            String scopeWhere = ctx.dataSource().compiler().where(join.target(), wheres.get(i), params, alias);
            out.append(" left join ").append(join.target().entityName()).append(' ').append(alias).append(" on ").append(alias)
                    .append('.').append(join.target().attribute(join.relation().targetKey()).hqlPath()).append(" = ")
                    .append(joins.get(i).parentAlias()).append('.')
                    .append(joins.get(i).parentModel().attribute(join.relation().sourceKey()).hqlPath());
            if (!scopeWhere.isEmpty()) {
                out.append(" and ").append(scopeWhere);
            }
        }
        return out.toString();
    }

    /** Reads joined rows out of a statement's tuples, stitches them to their parents and keeps those with work left. */
    private final class Joined {
        private final List<FlatJoin> joins;
        private final List<List<Object>> kept = new ArrayList<>();
        private final List<Set<Object>> seen = new ArrayList<>();

        Joined(List<FlatJoin> joins) {
            this.joins = joins;
            for (FlatJoin ignored : joins) {
                kept.add(new ArrayList<>());
                seen.add(Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }

        /** The statement's own row at {@code offset}, its joined rows stitched to it. */
        Object read(Object[] tuple, int offset, RowReader reader) {
            Object row = reader.read(tuple, offset);
            if (joins.isEmpty()) {
                return row;
            }
            Object[] related = new Object[joins.size()];
            int at = offset + reader.width();
            for (int i = 0; i < joins.size(); i++) {
                FlatJoin join = joins.get(i);
                related[i] = join.step().reader().read(tuple, at);
                at += join.step().reader().width();
                Object parent = join.parent() < 0 ? row : related[join.parent()];
                if (parent != null) {
                    join.step().relation().assign(parent, related[i]);
                }
                if (related[i] != null && join.step().keepsRows() && seen.get(i).add(related[i])) {
                    kept.get(i).add(related[i]);
                }
            }
            return row;
        }

        /** Loads the joined rows' own includes, then clears what they must not return. */
        void finish(ReadContext ctx) {
            for (int i = 0; i < joins.size(); i++) {
                JoinStep join = joins.get(i).step();
                loadIncludes(ctx, join.target(), kept.get(i), join.includes());
                RowShaper.shape(join.target(), kept.get(i), join.scope().fields());
            }
        }
    }

    // ---- include steps

    /** Fills the included relations of {@code rows}, rows of {@code model} read through {@code ctx}. */
    private void loadIncludes(ReadContext ctx, ModelDescriptor model, List<?> rows, List<IncludeStep> steps) {
        if (steps.isEmpty() || rows.isEmpty()) {
            return;
        }
        List<Runnable> local = new ArrayList<>();
        List<Runnable> remote = new ArrayList<>();
        for (IncludeStep step : steps) {
            if (step.runsOn(ctx.dataSource().name())) {
                local.add(() -> loadStep(ctx, model, rows, step));
            } else {
                checkTransaction(ctx, step);
                // Another thread may run it: it never touches this thread's session.
                ReadContext detached = ctx.on(ctx.dataSource(), null);
                remote.add(() -> loadStep(detached, model, rows, step));
            }
        }
        // Steps on other datasources run on the include pool while this thread does the local ones, and the last of
        // them runs on this thread too: a single cross-datasource step costs no hand-off to another thread.
        List<CompletableFuture<Void>> elsewhere = new ArrayList<>();
        for (int i = 0; i < remote.size() - 1; i++) {
            elsewhere.add(CompletableFuture.runAsync(ctx.dataSource().observation().onOtherThread(ctx.call(), remote.get(i)), crossDataSourcePool));
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

    private void checkTransaction(ReadContext ctx, IncludeStep step) {
        if (StartedDataSource.inTransaction() && !settings.crossDataSourceReadsInTransaction()) {
            String other = step.dataSource().equals(ctx.dataSource().name()) ? step.junctionDataSource() : step.dataSource();
            throw new TransactionException("Include '" + step.relation().name() + "' reads datasource " + other
                    + " inside a transaction of datasource " + ctx.dataSource().name() + "; that read would not be part of the transaction."
                    + " Allow it with Engine.builder().allowCrossDataSourceReadsInTransaction(true)");
        }
    }

    private void loadStep(ReadContext ctx, ModelDescriptor model, List<?> rows, IncludeStep step) {
        Set<Object> keys = new LinkedHashSet<>();
        for (RelationDescriptor member : step.relations()) {
            AttributeDescriptor sourceKey = model.attribute(member.sourceKey());
            for (Object row : rows) {
                Object key = sourceKey.get(row);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        if (keys.isEmpty()) {
            assign(model, rows, step, Map.of());
            return;
        }
        if (step.form() == IncludeStep.Form.THROUGH_SPLIT) {
            Map<Object, List<Object>> linked = onDataSource(ctx, step.junctionDataSource(), c -> links(c, step, new ArrayList<>(keys)));
            onDataSource(ctx, step.dataSource(), c -> {
                List<Object> loaded = assign(model, rows, step, throughTargets(c, step, linked));
                RowShaper.shape(step.target(), loaded, step.scope().fields());
                return null;
            });
            return;
        }
        onDataSource(ctx, step.dataSource(), c -> {
            String alias = step.window() == null ? T : step.form() == IncludeStep.Form.TARGETS ? "o" : "ot";
            Joined joined = new Joined(FlatJoin.of(step.joins(), alias, step.target()));
            Map<Object, List<Object>> byKey = step.form() == IncludeStep.Form.TARGETS
                    ? targets(c, step, new ArrayList<>(keys), step.window(), joined) : throughJoined(c, step, new ArrayList<>(keys), joined);
            List<Object> loaded = assign(model, rows, step, byKey);
            joined.finish(c);
            loadIncludes(c, step.target(), loaded, step.includes());
            RowShaper.shape(step.target(), loaded, step.scope().fields());
            return null;
        });
    }

    /** Puts each row's matches into its relations; the distinct rows loaded. */
    private static List<Object> assign(ModelDescriptor model, List<?> rows, IncludeStep step, Map<Object, List<Object>> byKey) {
        List<Object> loaded = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RelationDescriptor member : step.relations()) {
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
        return loaded;
    }

    /** Runs {@code work} on {@code dataSource}: on the context's session when it is that datasource's, else on a new one. */
    private <T> T onDataSource(ReadContext ctx, String dataSource, Function<ReadContext, T> work) {
        if (ctx.session() != null && ctx.dataSource().name().equals(dataSource)) {
            return work.apply(ctx);
        }
        StartedDataSource other = dataSources.get(dataSource);
        return other.readDetached(Observation.routeOf(ctx.call()), session -> work.apply(ctx.on(other, session)));
    }

    /** Target rows by the key they were asked for: {@code targetKey in (:keys)}, windowed per parent when the scope pages. */
    private Map<Object, List<Object>> targets(ReadContext ctx, IncludeStep step, List<Object> keys, PerParentWindow window, Joined joined) {
        Where scopeWhere = resolve(ctx.call(), ctx.dataSource(), step.where());
        if (scopeWhere == null) {
            return Map.of();
        }
        List<FlatJoin> joins = joined.joins;
        List<Where> joinWheres = resolveJoins(ctx, joins);
        ModelDescriptor target = step.target();
        QueryCompiler compiler = ctx.dataSource().compiler();
        AttributeDescriptor targetKey = target.attribute(step.relation().targetKey());
        String keyPath = T + "." + targetKey.hqlPath();
        // A to-one lookup is stitched by key, so its rows need no order unless the scope asks for one.
        String order = !step.relation().toMany() && step.scope().order().isEmpty() ? "" : compiler.orderBy(target, step.scope().order(), T);
        // In the order the rows came back: a many-through across datasources keeps the scope's order from it.
        Map<Object, List<Object>> grouped = new LinkedHashMap<>();
        for (List<Object> chunk : KeyChunks.of(keys, settings.inListChunkSize(), ctx.dataSource())) {
            QueryParameters params = new QueryParameters();
            String scopeCondition = compiler.where(target, scopeWhere, params, T);
            String hql;
            if (window != null) {
                // One statement for every parent: the ids inside each parent's window, then those rows with their joins.
                PerParentWindow.Rows related = new PerParentWindow.Rows(T + "." + target.id().hqlPath(),
                        " from " + target.entityName() + " " + T, keyPath, scopeCondition, order);
                String rows = window.rowsIn("o." + target.id().hqlPath(), related, chunk, params);
                hql = "select " + step.reader().select("o") + selects(joins) + " from " + target.entityName() + " o"
                        + joinClauses(ctx, joins, joinWheres, params) + " where " + rows + compiler.orderBy(target, step.scope().order(), "o");
            } else {
                String condition = keyPath + " in (" + params.bind(chunk) + ")" + (scopeCondition.isEmpty() ? "" : " and " + scopeCondition);
                hql = "select " + step.reader().select(T) + selects(joins) + " from " + target.entityName() + " " + T
                        + joinClauses(ctx, joins, joinWheres, params) + " where " + condition + order;
            }
            for (Object[] tuple : statement(ctx, target, step.strategy(), hql, params)) {
                Object row = joined.read(tuple, 0, step.reader());
                grouped.computeIfAbsent(targetKey.get(row), k -> new ArrayList<>()).add(row);
            }
        }
        return grouped;
    }

    /** Junction and target on one datasource: one statement joins them. */
    private Map<Object, List<Object>> throughJoined(ReadContext ctx, IncludeStep step, List<Object> keys, Joined joined) {
        Where scopeWhere = resolve(ctx.call(), ctx.dataSource(), step.where());
        if (scopeWhere == null) {
            return Map.of();
        }
        List<FlatJoin> joins = joined.joins;
        List<Where> joinWheres = resolveJoins(ctx, joins);
        RelationDescriptor relation = step.relation();
        ModelDescriptor junction = step.junction();
        ModelDescriptor target = step.target();
        QueryCompiler compiler = ctx.dataSource().compiler();
        String junctionSourceKey = junction.attribute(relation.junctionSourceKey()).hqlPath();
        String junctionTargetKey = junction.attribute(relation.junctionTargetKey()).hqlPath();
        String targetKey = target.attribute(relation.targetKey()).hqlPath();
        String junctionKey = "j." + junctionSourceKey;
        String from = " from " + junction.entityName() + " j join " + target.entityName() + " " + T + " on " + T + "." + targetKey
                + " = j." + junctionTargetKey;
        String order = compiler.orderBy(target, step.scope().order(), T);
        Map<Object, List<Object>> grouped = new HashMap<>();
        for (List<Object> chunk : KeyChunks.of(keys, settings.inListChunkSize(), ctx.dataSource())) {
            QueryParameters params = new QueryParameters();
            String scopeCondition = compiler.where(target, scopeWhere, params, T);
            String junctionCondition = compiler.where(junction, step.junctionWhere(), params, "j");
            if (!junctionCondition.isEmpty()) {
                scopeCondition = scopeCondition.isEmpty() ? junctionCondition : scopeCondition + " and " + junctionCondition;
            }
            String hql;
            if (step.window() != null) {
                // Each parent's junction rows inside the window of its targets in the scope's order: still one statement.
                PerParentWindow.Rows related = new PerParentWindow.Rows("j." + junction.id().hqlPath(), from, junctionKey, scopeCondition, order);
                String rows = step.window().rowsIn("o." + junction.id().hqlPath(), related, chunk, params);
                hql = "select o." + junctionSourceKey + ", " + step.reader().select("ot") + selects(joins) + " from " + junction.entityName()
                        + " o join " + target.entityName() + " ot on ot." + targetKey + " = o." + junctionTargetKey
                        + joinClauses(ctx, joins, joinWheres, params) + " where " + rows + compiler.orderBy(target, step.scope().order(), "ot");
            } else {
                String condition = junctionKey + " in (" + params.bind(chunk) + ")" + (scopeCondition.isEmpty() ? "" : " and " + scopeCondition);
                hql = "select " + junctionKey + ", " + step.reader().select(T) + selects(joins) + from
                        + joinClauses(ctx, joins, joinWheres, params) + " where " + condition + order;
            }
            for (Object[] pair : statement(ctx, target, step.strategy(), hql, params)) {
                grouped.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(joined.read(pair, 1, step.reader()));
            }
        }
        return grouped;
    }

    /** Junction rows on their datasource: source key -> target keys, in junction order. */
    private Map<Object, List<Object>> links(ReadContext ctx, IncludeStep step, List<Object> keys) {
        ModelDescriptor junction = step.junction();
        String sourceKey = junction.attribute(step.relation().junctionSourceKey()).hqlPath();
        String targetKey = junction.attribute(step.relation().junctionTargetKey()).hqlPath();
        Map<Object, List<Object>> links = new LinkedHashMap<>();
        for (List<Object> chunk : KeyChunks.of(keys, settings.inListChunkSize(), ctx.dataSource())) {
            QueryParameters params = new QueryParameters();
            String junctionCondition = ctx.dataSource().compiler().where(junction, step.junctionWhere(), params, "j");
            String hql = "select j." + sourceKey + ", j." + targetKey + " from " + junction.entityName() + " j where j." + sourceKey
                    + " in (" + params.bind(chunk) + ")" + (junctionCondition.isEmpty() ? "" : " and " + junctionCondition)
                    + " order by j." + junction.id().hqlPath();
            for (Object[] pair : statement(ctx, junction, step.strategy(), hql, params)) {
                links.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
            }
        }
        return links;
    }

    /** The targets of junction rows read on another datasource; each parent keeps the scope's order, then its window. */
    private Map<Object, List<Object>> throughTargets(ReadContext ctx, IncludeStep step, Map<Object, List<Object>> linked) {
        Set<Object> targetKeys = new LinkedHashSet<>();
        linked.values().forEach(targetKeys::addAll);
        if (targetKeys.isEmpty()) {
            return Map.of();
        }
        Joined joined = new Joined(FlatJoin.of(step.joins(), T, step.target()));
        AttributeDescriptor targetKey = step.target().attribute(step.relation().targetKey());
        Map<Object, Object> found = new LinkedHashMap<>();
        for (List<Object> rows : targets(ctx, step, new ArrayList<>(targetKeys), null, joined).values()) {
            rows.forEach(row -> found.put(targetKey.get(row), row));
        }
        Map<Object, Integer> position = new HashMap<>();
        for (Object key : found.keySet()) {
            position.put(key, position.size());
        }
        PerParentWindow window = step.window();
        long skip = window == null ? 0 : window.skip();
        long limit = window == null ? Long.MAX_VALUE : window.limit();
        Map<Object, List<Object>> grouped = new HashMap<>();
        for (Map.Entry<Object, List<Object>> entry : linked.entrySet()) {
            List<Object> rows = entry.getValue().stream().filter(found::containsKey).distinct()
                    .sorted(java.util.Comparator.comparingInt(position::get)).skip(skip).limit(limit).map(found::get).toList();
            grouped.put(entry.getKey(), new ArrayList<>(rows));
        }
        joined.finish(ctx);
        loadIncludes(ctx, step.target(), new ArrayList<>(found.values()), step.includes());
        return grouped;
    }

    private static List<Object[]> statement(ReadContext ctx, ModelDescriptor model, String strategy, String hql, QueryParameters params) {
        StartedDataSource ds = ctx.dataSource();
        return ds.statement(ctx.call(), model.name(), "include", strategy, () -> ds.select(ctx.session(), hql, params, StartedDataSource.NO_LIMIT, 0));
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
