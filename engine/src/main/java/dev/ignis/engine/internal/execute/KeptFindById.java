package dev.ignis.engine.internal.execute;

import dev.ignis.api.filter.DeletedRows;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.compile.WhereTemplate;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import dev.ignis.engine.internal.model.RowShaper;
import dev.ignis.engine.internal.plan.ReadScope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code findById} without a filter of its own (the commonest read), planned once per scope shape of its model: the
 * id and the call's scope (tenant, soft delete) are all its where holds, no include, every field. Its statement is
 * compiled on the first call of each shape and checked against the compiler's own binding; later calls bind the id and
 * the scope's values to it, read the row with the model's whole-row reader and, outside a transaction, run on a
 * pooled connection without a Hibernate session (see {@link StartedDataSource#selectKept}). What this skips is what a
 * general read pays per call: planning, the root statement's shape key, the session. Statement, call and SQL log
 * reports, routing and failover stay as on every read.
 */
final class KeptFindById {
    private static final String ROOT = QueryCompiler.ROOT;
    private static final String OPERATION = "findById";
    /** Marks a scope shape whose text depends on its values: such calls compile every time. */
    private static final String COMPILED_EACH_CALL = "";

    private final StartedDataSource dataSource;
    private final ModelDescriptor model;
    /** The reader of the whole row and the statement's text before its where, made on the first call (after start). */
    private volatile RowReader reader;
    private volatile String select;
    /** The statement text per scope shape ({@link #slot}), or {@link #COMPILED_EACH_CALL}, or null before its first call. */
    private final AtomicReferenceArray<String> texts = new AtomicReferenceArray<>(DeletedRows.values().length * 2);
    /** Per scope shape, the plan of its text once translated, if it runs without a session. */
    private final AtomicReferenceArray<SelectPlan> plans = new AtomicReferenceArray<>(DeletedRows.values().length * 2);
    /** The filter path of the id's condition, as {@code Where.eq} names it: errors name the same place on every call. */
    private final String idPath;
    /** Statements compiled so far: what tests of the kept text count. */
    private final LongAdder compilations = new LongAdder();

    KeptFindById(StartedDataSource dataSource, ModelDescriptor model) {
        this.dataSource = dataSource;
        this.model = model;
        this.idPath = "where." + model.id().key();
    }

    /**
     * Whether a {@code findById} with the caller's {@code filter} reads as this class does: it asks for nothing but the
     * id (the caller checks the lock and the model's default filter).
     */
    static boolean applies(Filter filter) {
        return filter == Filter.empty() || (filter.where().isEmpty() && filter.fields().isAll() && filter.order().isEmpty()
                && filter.include().isEmpty() && filter.deleted() == null);
    }

    /** The row whose id is {@code id} (converted to the id's type), within {@code scope}; read as one statement of {@code call}. */
    List<Object> read(Observation.Call call, Object id, ReadScope scope) {
        int slot = slot(scope);
        String text = texts.get(slot);
        QueryParameters params = null;
        SelectPlan plan = null;
        Object[] values = null;
        if (text == null || text.isEmpty()) {
            params = new QueryParameters();
            text = compile(id, scope, params, slot, text == null);
        } else {
            plan = plans.get(slot);
            if (plan != null && model.scoping() == ModelDescriptor.Scoping.NONE) {
                // The id is the statement's one value: bound straight to the plan, without a parameter list.
                values = plan.valuesOf(WhereTemplate.value(model.id(), id, idPath));
            } else {
                params = new QueryParameters();
                bind(id, scope, params);
                if (plan == null) {
                    plan = dataSource.sessionFreePlan(text, params); // kept once the shape's first call translated it
                    if (plan != null) {
                        plans.compareAndSet(slot, null, plan);
                    }
                }
                values = plan == null ? null : plan.values(params);
            }
        }
        List<Object[]> tuples = values == null ? null
                : dataSource.selectKept(call, model.name(), OPERATION, new SelectPlans.Kept(text, plan, values));
        if (tuples == null) {
            // In a transaction, on the shape's first call, or where the plan needs a session: on the call's session.
            if (params == null) {
                params = new QueryParameters();
                bind(id, scope, params);
            }
            String hql = text;
            QueryParameters bound = params;
            tuples = dataSource.read(call.route(), session -> dataSource.statement(call, model.name(), OPERATION, "direct",
                    () -> dataSource.select(session, hql, bound, StartedDataSource.NO_LIMIT, 0)));
        }
        List<Object> rows = new ArrayList<>(tuples.size());
        for (Object[] tuple : tuples) {
            rows.add(reader.read(tuple, 0));
        }
        RowShaper.shape(model, rows, Fields.ALL);
        return rows;
    }

    long compilations() {
        return compilations.sum();
    }

    /** The statement for {@code id} in {@code scope}, its values bound to {@code params}; kept for the shape on its first call when it can be. */
    private String compile(Object id, ReadScope scope, QueryParameters params, int slot, boolean first) {
        compilations.increment();
        if (select == null) {
            reader = dataSource.reads().planner().wholeRow(model);
            select = "select " + reader.select(ROOT) + " from " + model.entityName() + " " + ROOT + " where ";
        }
        Where where = where(id, scope);
        String text = select + dataSource.compiler().where(model, where, params);
        if (first) {
            // Kept only if the values bound without compiling are exactly those the compiler bound.
            boolean rebindable = false;
            if (WhereTemplate.shape(model, where) != null) {
                QueryParameters bound = new QueryParameters();
                bind(id, scope, bound);
                rebindable = params.sameValues(bound);
            }
            texts.compareAndSet(slot, null, rebindable ? text : COMPILED_EACH_CALL);
        }
        return text;
    }

    /** The values of the kept statement: the id, then the scope's (a model without scopes has the id alone). */
    private void bind(Object id, ReadScope scope, QueryParameters params) {
        if (model.scoping() == ModelDescriptor.Scoping.NONE) {
            WhereTemplate.bind(model.id(), id, idPath, params);
        } else {
            WhereTemplate.bind(model, where(id, scope), params);
        }
    }

    private Where where(Object id, ReadScope scope) {
        return Where.eq(model.id().key(), id).and(scope.rows(model));
    }

    /** The scope's shape: which deleted rows it reads, and whether it is bound to one tenant. */
    private static int slot(ReadScope scope) {
        return scope.root().ordinal() * 2 + (scope.allTenants() ? 1 : 0);
    }
}
