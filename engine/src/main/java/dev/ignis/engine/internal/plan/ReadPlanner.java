package dev.ignis.engine.internal.plan;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.DeletedRows;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.RowLock;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.internal.compile.PerParentWindow;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationKind;
import dev.ignis.engine.internal.relation.RelationRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns (model, filter, datasource) into a {@link ReadPlan} in one pass, running nothing. Everything a filter can get
 * wrong is found here, so a bad filter costs no statement: unknown relations and properties (in scopes too), a
 * relation included twice at one level, scopes' limits and skips, include depth, related-field paths, deleted rows
 * asked for where there is no soft delete, and (by
 * compiling every where of the plan against an empty parameter list) every condition's operator and value.
 * The checks that do not depend on values are made once per filter shape.
 */
public final class ReadPlanner {
    /** Filter shapes remembered as checked; a filter language yields few shapes per model, so this is rarely reached. */
    private static final int SHAPE_CAPACITY = 4096;
    private static final String TARGET = "t";

    private final RelationRegistry registry;
    private final EngineSettings settings;
    private final Map<String, QueryCompiler> compilers;
    private final WherePlanner wheres;
    private final Map<ReaderKey, RowReader> readers = new ConcurrentHashMap<>();
    /** The readers of {@link #readers} that read a model's whole row (every field, nothing included), by model. */
    private final Map<Class<?>, RowReader> wholeRowReaders = new ConcurrentHashMap<>();
    private final Set<Object> checkedShapes = ConcurrentHashMap.newKeySet();

    /** {@code compilers}: each datasource's compiler, by datasource name. */
    public ReadPlanner(RelationRegistry registry, EngineSettings settings, Map<String, QueryCompiler> compilers) {
        this.registry = registry;
        this.settings = settings;
        this.compilers = Map.copyOf(compilers);
        this.wheres = new WherePlanner(registry, settings.maxIncludeDepth());
    }

    public RelationRegistry registry() {
        return registry;
    }

    /**
     * The plan of a read of {@code model} (owned by {@code dataSource}); {@code byId}: the where fixes the id;
     * {@code scope}'s predicates join the where of every statement of the plan; {@code lock} (or null) locks the root
     * rows: only they are locked, so the root statement joins no include.
     */
    public ReadPlan plan(ModelDescriptor model, String dataSource, Filter filter, boolean byId, ReadScope scope, RowLock lock) {
        return plan(model, dataSource, filter, byId, byId ? ReadPlan.NO_LIMIT : limit(model, filter), scope, lock, lock == null);
    }

    /**
     * The plan of a stream of {@code model}: no default or maximum limit (a stream reads everything that matches), and
     * the root statement joins nothing, since its rows are read through a cursor and their includes a chunk at a time.
     */
    public ReadPlan stream(ModelDescriptor model, String dataSource, Filter filter, ReadScope scope) {
        if (filter.limit() != null && filter.limit() < 0) {
            throw new FilterException("limit", "must be at least 0, got " + filter.limit());
        }
        return plan(model, dataSource, filter, false, filter.limit() == null ? ReadPlan.NO_LIMIT : filter.limit(), scope, null, false);
    }

    /** {@code joinRoot}: whether to-one includes may be joined into the root statement. */
    private ReadPlan plan(ModelDescriptor model, String dataSource, Filter filter, boolean byId, int limit, ReadScope given, RowLock lock,
                          boolean joinRoot) {
        ReadScope scope = scope(model, filter, given);
        int skip = filter.skip() == null ? 0 : filter.skip();
        if (skip < 0) {
            throw new FilterException("skip", "must be at least 0, got " + skip);
        }
        Object shape = filter.include().isEmpty() ? null : List.of(model.modelClass(), dataSource, byId, joinRoot, shape(filter));
        boolean check = shape == null || !checkedShapes.contains(shape);
        if (check) {
            QueryCompiler.checkFields(model, filter.fields());
        }
        ReadScope.At at = ReadScope.At.root(scope);
        WherePlan where = wheres.plan(model, dataSource, filter.where().and(at.rows(model)), scope);
        Level level = level(model, dataSource, filter.include(), "", 1, "j", check, at, joinRoot);
        ReadPlan plan = new ReadPlan(model, dataSource, filter, where, byId, limit, skip, lock,
                reader(model, filter.fields(), filter.include(), Set.of()), level.joins(), level.steps());
        // Every where must compile before the first statement runs. The root statement's own (its where and its joins')
        // compile right before it runs anyway, unless lookups run ahead of it.
        boolean ahead = where.hasLookups() || hasLookups(level.joins());
        if (ahead) {
            if (check) {
                compilers.get(dataSource).orderBy(model, filter.order());
            }
            checkWhere(model, dataSource, where, "", QueryCompiler.ROOT);
        }
        checkWheres(dataSource, level, ahead);
        if (check && shape != null && checkedShapes.size() < SHAPE_CAPACITY) {
            checkedShapes.add(shape);
        }
        return plan;
    }

    /**
     * {@code scope} with the soft-deleted rows {@code filter} asks for ({@link Filter#deleted()}) at its root and in
     * every include's scope, at every depth. Asking on a model without soft delete, or for other rows than the call's
     * options already ask for at the same place, is a {@link FilterException}.
     */
    public ReadScope scope(ModelDescriptor model, Filter filter, ReadScope scope) {
        return deleted(List.of(model), filter, "", "", 1, scope);
    }

    /**
     * {@code models}: the model the filter reads at this level, and the junction of a many-through include (whose rows
     * the include's choice reads too); {@code relationPath}: relation names joined by dots; {@code prefix}: the
     * filter path of this level.
     */
    private ReadScope deleted(List<ModelDescriptor> models, Filter filter, String relationPath, String prefix, int depth, ReadScope scope) {
        ReadScope result = scope;
        DeletedRows asked = filter.deleted();
        if (asked != null) {
            String path = prefix + (asked == DeletedRows.WITH_DELETED ? "withDeleted" : "onlyDeleted");
            if (models.stream().noneMatch(m -> m.scoping().softDelete())) {
                throw new FilterException(path, "asks for soft-deleted rows, but model " + models.get(0).name() + " has no soft delete");
            }
            DeletedRows options = relationPath.isEmpty() ? scope.root() : scope.include(relationPath);
            if (options != DeletedRows.LIVE && options != asked) {
                throw new FilterException(path, "asks for " + asked + " rows, but the call's options ask for " + options
                        + " at the same place; ask in one of them");
            }
            result = result.deleted(relationPath, asked);
        }
        for (int i = 0; i < filter.include().size(); i++) {
            Include include = filter.include().get(i);
            String here = prefix + "include[" + i + "]";
            if (depth > settings.maxIncludeDepth()) {
                throw new FilterException(here, "includes nest deeper than " + settings.maxIncludeDepth() + " levels");
            }
            RelationDescriptor relation = registry.require(models.get(0), include.relation(), here + ".relation");
            ModelDescriptor target = registry.model(relation.target());
            List<ModelDescriptor> read = relation.kind() == RelationKind.MANY_THROUGH
                    ? List.of(target, registry.model(relation.junction())) : List.of(target);
            result = deleted(read, scope(target, include), relationPath.isEmpty() ? relation.name() : relationPath + "." + relation.name(),
                    here + ".scope.", depth + 1, result);
        }
        return result;
    }

    /** The rows a read returns at most: the filter's {@code limit} (checked against the maximum), else the default. */
    public int limit(ModelDescriptor model, Filter filter) {
        int max = settings.maxLimit();
        if (filter.limit() != null) {
            if (filter.limit() > max || filter.limit() < 0) {
                throw new FilterException("limit", "must be between 0 and " + max + ", got " + filter.limit());
            }
            return filter.limit();
        }
        return Math.min(max, model.defaultLimit() > 0 ? model.defaultLimit() : settings.defaultLimit());
    }

    /**
     * The {@code where} of a statement on {@code dataSource} that reads {@code model} with no include (count, writes),
     * with {@code scope}'s predicates of its root rows.
     */
    public WherePlan where(ModelDescriptor model, String dataSource, Where where, ReadScope scope) {
        return wheres.plan(model, dataSource, where.and(scope.rows(model)), scope);
    }

    private record Level(List<JoinStep> joins, List<IncludeStep> steps) {
    }

    /**
     * The includes of rows of {@code model} read by a statement on {@code dataSource}: the to-ones on that datasource
     * whose target key is the target's id are joined into the statement (a join never multiplies its rows), the
     * rest become steps. {@code aliases}: the prefix of this level's join aliases; {@code at}: the scope of the
     * level's parent rows; {@code joinable}: false when this level's statement must join nothing (a locked root, a
     * stream's cursor).
     */
    private Level level(ModelDescriptor model, String dataSource, List<Include> includes, String prefix, int depth, String aliases,
                        boolean check, ReadScope.At at, boolean joinable) {
        if (includes.isEmpty()) {
            return new Level(List.of(), List.of());
        }
        List<JoinStep> joins = new ArrayList<>();
        // Relations that read the same target rows (same model, key, kind and scope: creator and modifier, say) share
        // one step: one statement per target, level and scope rather than per relation.
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        List<RelationDescriptor> relations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < includes.size(); i++) {
            Include include = includes.get(i);
            String here = prefix + "include[" + i + "]";
            if (depth > settings.maxIncludeDepth()) {
                throw new FilterException(here, "includes nest deeper than " + settings.maxIncludeDepth() + " levels");
            }
            RelationDescriptor relation = registry.require(model, include.relation(), here + ".relation");
            relations.add(relation);
            if (!seen.add(relation.name())) {
                throw new FilterException(here + ".relation", "relation '" + relation.name() + "' is included twice at this level;"
                        + " include it once, with one scope");
            }
            ModelDescriptor target = registry.model(relation.target());
            Filter scope = scope(target, include);
            String targetSource = registry.owner(relation.target());
            if (check) {
                checkScope(target, targetSource, scope, here + ".scope");
            }
            if (joinable && relation.kind() == RelationKind.ONE && targetSource.equals(dataSource) && target.attribute(relation.targetKey()).isIdentifier()) {
                String alias = aliases + i;
                ReadScope.At inner = at.into(relation.name());
                Level nested = level(target, dataSource, scope.include(), here + ".scope.", depth + 1, alias + "_", check, inner, true);
                joins.add(new JoinStep(here, relation, target, scope,
                        wheres.plan(target, dataSource, scope.where().and(inner.rows(target)), at.scope()), alias,
                        reader(target, scope.fields(), scope.include(), Set.of()), nested.joins(), nested.steps()));
                continue;
            }
            Object group = relation.kind() == RelationKind.MANY_THROUGH ? i
                    : List.of(relation.target(), relation.targetKey(), relation.kind(), include.scope(), include.shouldSkipDefaultFilter(),
                    at.into(relation.name()).deleted());
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
        }
        List<IncludeStep> steps = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            int first = members.get(0);
            steps.add(step(dataSource, includes.get(first), members.stream().map(relations::get).toList(),
                    prefix + "include[" + first + "]", depth, check, at));
        }
        return new Level(List.copyOf(joins), List.copyOf(steps));
    }

    private IncludeStep step(String parentSource, Include include, List<RelationDescriptor> group, String here, int depth, boolean check,
                             ReadScope.At parent) {
        RelationDescriptor relation = group.get(0);
        ReadScope.At at = parent.into(relation.name());
        ModelDescriptor target = registry.model(relation.target());
        String targetSource = registry.owner(relation.target());
        Filter scope = scope(target, include);
        String scopePath = here + ".scope";
        PerParentWindow window = relation.toMany()
                ? PerParentWindow.of(scope, settings.maxLimit(), scopePath, compilers.get(targetSource).perParentForm()) : null;
        IncludeStep.Form form = IncludeStep.Form.TARGETS;
        ModelDescriptor junction = null;
        String junctionSource = null;
        if (relation.kind() == RelationKind.MANY_THROUGH) {
            junction = registry.model(relation.junction());
            junctionSource = registry.owner(relation.junction());
            form = junctionSource.equals(targetSource) ? IncludeStep.Form.THROUGH_JOINED : IncludeStep.Form.THROUGH_SPLIT;
        }
        String strategy = !targetSource.equals(parentSource) || form == IncludeStep.Form.THROUGH_SPLIT ? "cross-datasource"
                : window != null ? "per-parent" : "batch";
        Level nested = level(target, targetSource, scope.include(), scopePath + ".", depth + 1, "j", check, at, true);
        return new IncludeStep(here, group, target, targetSource, form, junction, junctionSource, strategy, scope,
                wheres.plan(target, targetSource, scope.where().and(at.rows(target)), at.scope()), window,
                reader(target, scope.fields(), scope.include(), Set.of(relation.targetKey())), nested.joins(), nested.steps(),
                junction == null ? Where.empty() : at.rows(junction));
    }

    private static Filter scope(ModelDescriptor target, Include include) {
        return include.shouldSkipDefaultFilter() ? include.scope() : DefaultFilterMerger.merge(target.defaultFilter(), include.scope());
    }

    /** The checks of a scope that do not depend on its values: fields, order, limit and skip. */
    private void checkScope(ModelDescriptor target, String targetSource, Filter scope, String path) {
        at(path + ".", () -> {
            QueryCompiler.checkFields(target, scope.fields());
            compilers.get(targetSource).orderBy(target, scope.order(), TARGET);
        });
        PerParentWindow.check(scope, settings.maxLimit(), path);
    }

    /** {@code joins}: whether the joins of this level need checking (they are part of a statement that runs later). */
    private void checkWheres(String dataSource, Level level, boolean joins) {
        if (level.joins().isEmpty() && level.steps().isEmpty()) {
            return; // most reads include nothing: no iterators to make
        }
        for (JoinStep join : level.joins()) {
            if (joins) {
                checkWhere(join.target(), dataSource, join.where(), join.path() + ".scope.", join.alias());
            }
            checkWheres(dataSource, new Level(join.joins(), join.includes()), joins);
        }
        for (IncludeStep step : level.steps()) {
            checkWhere(step.target(), step.dataSource(), step.where(), step.path() + ".scope.", TARGET);
            checkWheres(step.dataSource(), new Level(step.joins(), step.includes()), true);
        }
    }

    private static boolean hasLookups(List<JoinStep> joins) {
        for (JoinStep join : joins) {
            if (join.where().hasLookups() || hasLookups(join.joins())) {
                return true;
            }
        }
        return false;
    }

    /** Compiles a where (and its lookups') with empty key slots: every property, operator and value is checked. */
    private void checkWhere(ModelDescriptor model, String dataSource, WherePlan where, String prefix, String alias) {
        at(prefix, () -> compilers.get(dataSource).where(model, where.template(), new QueryParameters(), alias));
        for (KeyLookup lookup : where.lookups()) {
            ModelDescriptor filtered = lookup.joined() == null ? lookup.model() : lookup.joined().target();
            checkWhere(filtered, lookup.dataSource(), lookup.where(), prefix, "k");
        }
    }

    /**
     * Runs a check of part of a scope, naming the scope in the error: {@code include[0].scope.order[0]}. Conditions
     * parsed from JSON already carry their whole path.
     */
    private static void at(String prefix, Runnable check) {
        try {
            check.run();
        } catch (FilterException e) {
            if (prefix.isEmpty() || e.path().startsWith(prefix) || e.getClass() != FilterException.class) {
                throw e;
            }
            String said = "Invalid filter at '" + e.path() + "': ";
            String problem = e.getMessage().startsWith(said) ? e.getMessage().substring(said.length()) : e.getMessage();
            if (!e.validNames().isEmpty()) {
                problem = problem.substring(0, problem.lastIndexOf(" (valid: "));
            }
            FilterException located = new FilterException(prefix + e.path(), problem, e.validNames());
            located.initCause(e);
            throw located;
        }
    }

    /**
     * What a statement must read of a model: what the caller's fields keep (never hidden properties), plus the keys
     * its includes stitch on and {@code alsoNeeded}. The same filter shapes come back all day: their readers (and
     * select lists) are built once.
     */
    private RowReader reader(ModelDescriptor model, Fields fields, List<Include> includes, Set<String> alsoNeeded) {
        boolean wholeRow = fields.isAll() && includes.isEmpty() && alsoNeeded.isEmpty();
        if (wholeRow) {
            // The commonest read (findById, a plain find): found by the model alone, without a key to build and hash.
            RowReader known = wholeRowReaders.get(model.modelClass());
            if (known != null) {
                return known;
            }
        }
        List<String> relations;
        if (includes.isEmpty()) {
            relations = List.of();
        } else {
            String[] names = new String[includes.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = includes.get(i).relation();
            }
            relations = List.of(names);
        }
        ReaderKey readerKey = new ReaderKey(model.modelClass(), fields, relations, alsoNeeded);
        RowReader known = readers.get(readerKey);
        if (known != null) {
            return known;
        }
        RowReader made = readers.computeIfAbsent(readerKey, key -> {
            Set<String> needed = new HashSet<>(alsoNeeded);
            for (Include include : includes) {
                RelationDescriptor relation = registry.relations(model.modelClass()).get(include.relation());
                if (relation != null) {
                    needed.add(relation.sourceKey());
                }
            }
            return RowReader.of(model, k -> needed.contains(k) || !model.hidden().contains(k) && fields.keeps(k));
        });
        if (wholeRow) {
            wholeRowReaders.put(model.modelClass(), made);
        }
        return made;
    }

    /** The reader of {@code model}'s whole row: every field, nothing included (what a plain {@code findById} reads). */
    public RowReader wholeRow(ModelDescriptor model) {
        return reader(model, Fields.ALL, List.of(), Set.of());
    }

    private record ReaderKey(Class<?> model, Fields fields, List<String> relations, Set<String> alsoNeeded) {
    }

    /** A filter without its values: what the value-independent checks depend on. */
    private static Object shape(Filter filter) {
        List<Object> includes = new ArrayList<>(filter.include().size());
        for (Include include : filter.include()) {
            includes.add(List.of(include.relation(), include.shouldSkipDefaultFilter(), shape(include.scope())));
        }
        return List.of(whereShape(filter.where()), filter.fields(), filter.order(), filter.limit() != null,
                filter.skip() != null && filter.skip() > 0, includes);
    }

    private static Object whereShape(Where where) {
        if (where instanceof Where.Condition c) {
            return List.of(c.field(), c.operator());
        }
        List<Where> items = where instanceof Where.And and ? and.items() : ((Where.Or) where).items();
        List<Object> shapes = new ArrayList<>(items.size() + 1);
        shapes.add(where instanceof Where.And ? "and" : "or");
        items.forEach(item -> shapes.add(whereShape(item)));
        return shapes;
    }
}
