package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.error.ReadOnlyModelException;
import dev.ignis.api.error.WriteGuardException;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.model.ModelType;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.api.repository.WriteResult;
import dev.ignis.api.runtime.RepositoryOperations;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.compile.ValueConverter;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import dev.ignis.engine.internal.model.RowShaper;
import dev.ignis.engine.internal.plan.DefaultFilterMerger;
import dev.ignis.engine.internal.plan.ReadPlan;
import org.hibernate.StatelessSession;
import org.hibernate.query.CommonQueryContract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The repository operations of one model on its datasource: filters compiled to HQL, run on stateless sessions. */
final class ModelOperations<E, ID> implements RepositoryOperations<E, ID> {
    private static final String ROOT = QueryCompiler.ROOT;

    private final StartedDataSource dataSource;
    private final ModelDescriptor model;
    private final Class<E> type;
    private final QueryCompiler compiler;
    private final String from;

    @SuppressWarnings("unchecked")
    ModelOperations(StartedDataSource dataSource, ModelDescriptor model) {
        this.dataSource = dataSource;
        this.model = model;
        this.type = (Class<E>) model.modelClass();
        this.compiler = dataSource.compiler();
        this.from = " from " + model.entityName() + " " + ROOT;
    }

    // ---- reads

    @Override
    public List<E> find(Filter filter, QueryOptions options) {
        Filter effective = effective(filter, options.shouldSkipDefaultFilter());
        return observed("find", options, call -> dataSource.read(call.route(), session -> select(session, call, "find", effective, effective.where())));
    }

    @Override
    public Optional<E> findOne(Filter filter, QueryOptions options) {
        Filter effective = effective(filter, options.shouldSkipDefaultFilter()).withLimit(1);
        return observed("findOne", options, call -> dataSource.read(call.route(), session -> select(session, call, "findOne", effective, effective.where())))
                .stream().findFirst();
    }

    @Override
    public Optional<E> findById(ID id, Filter filter, QueryOptions options) {
        // Inside the observed call, so a bad id is counted as a failed findById.
        return observed("findById", options, call -> {
            Filter effective = effective(filter, options.shouldSkipDefaultFilter()).withLimit(1).withSkip(0);
            Where byId = idEquals(id).and(effective.where());
            return dataSource.read(call.route(), session -> select(session, call, "findById", effective, byId, true));
        }).stream().findFirst();
    }

    @Override
    public long count(Where where, QueryOptions options) {
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        return observed("count", options, call -> dataSource.read(call.route(), session -> count(session, call, "count", effective)));
    }

    @Override
    public boolean existsWith(Where where, QueryOptions options) {
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        QueryParameters params = new QueryParameters();
        String hql = "select " + ROOT + "." + model.id().hqlPath() + from + whereClause(effective, params);
        return observed("existsWith", options, call -> dataSource.read(call.route(), session -> !statement(call, "existsWith",
                () -> dataSource.select(session, hql, params, 1, 0)).isEmpty()));
    }

    @Override
    public RangeResult<E> findWithRange(Filter filter, QueryOptions options) {
        Filter effective = effective(filter, options.shouldSkipDefaultFilter());
        int start = effective.skip() == null ? 0 : effective.skip();
        return observed("findWithRange", options, call -> dataSource.read(call.route(), session -> {
            List<E> page = select(session, call, "findWithRange", effective, effective.where());
            // A short page shows where the rows end; only a full or out-of-range page needs the count statement.
            boolean sawEnd = page.size() < limitOf(effective) && (!page.isEmpty() || start == 0);
            long total = sawEnd ? start + page.size() : count(session, call, "findWithRange", effective.where());
            return new RangeResult<>(page, new RangeResult.Range(start, start + page.size(), total));
        }));
    }

    private List<E> select(StatelessSession session, Observation.Call call, String operation, Filter filter, Where where) {
        return select(session, call, operation, filter, where, false);
    }

    /** {@code byId}: the where fixes the id, so at most one row matches and neither a sort nor a limit is needed. */
    private List<E> select(StatelessSession session, Observation.Call call, String operation, Filter filter, Where where, boolean byId) {
        ReadPlan plan = dataSource.reads().planner().plan(model, dataSource.name(), filter.withWhere(where), byId);
        List<Object> read = dataSource.reads().read(new ReadContext(call, dataSource, session, operation), plan);
        @SuppressWarnings("unchecked")
        List<E> rows = (List<E>) read;
        shape(rows, filter.fields());
        return rows;
    }

    private long count(StatelessSession session, Observation.Call call, String operation, Where where) {
        QueryParameters params = new QueryParameters();
        // count(*), not count(e): counting the id makes PostgreSQL visit every row where the index alone would do.
        String hql = "select count(*)" + from + whereClause(where, params);
        return statement(call, operation, () -> (Long) dataSource.selectValues(session, hql, params, StartedDataSource.NO_LIMIT).get(0));
    }

    // ---- writes

    @Override
    public WriteResult<E> create(List<E> rows, WriteOptions options) {
        requireWritable("create");
        if (rows.isEmpty()) {
            return new WriteResult<>(0, List.of());
        }
        Instant now = now();
        String user = currentUser();
        for (E row : rows) {
            if (row == null) {
                throw new IllegalArgumentException("create of " + model.name() + " got a null row");
            }
            if (model.id().get(row) == null && model.id().javaType() == String.class) {
                model.id().set(row, model.idGenerator().nextId());
            }
            ModelDescriptor.Enrichers enrichers = model.enrichers();
            setIfPresent(enrichers.createdAt(), row, now);
            setIfPresent(enrichers.modifiedAt(), row, now);
            setIfPresent(enrichers.createdBy(), row, user);
            setIfPresent(enrichers.modifiedBy(), row, user);
        }
        // One row is one INSERT, atomic by itself: it runs without a transaction of its own (two round trips fewer).
        boolean single = rows.size() == 1 && (model.hidden().isEmpty() || !options.shouldReturn());
        return observed("create", call -> (single ? dataSource.<WriteResult<E>>singleStatement() : dataSource.<WriteResult<E>>atomic())
                .apply(session -> {
            statement(call, "create", () -> {
                if (rows.size() == 1) {
                    session.insert(rows.get(0));
                } else {
                    session.insertMultiple(rows);
                }
                return null;
            });
            if (!options.shouldReturn()) {
                return new WriteResult<>(rows.size(), List.of());
            }
            if (model.hidden().isEmpty()) {
                return new WriteResult<>(rows.size(), rows);
            }
            List<Object> ids = rows.stream().map(r -> model.id().get(r)).toList();
            return new WriteResult<>(rows.size(), selectByIds(session, call, "create", ids));
        }));
    }

    @Override
    public WriteResult<E> updateById(ID id, Map<String, ?> data, WriteOptions options) {
        requireWritable("updateById");
        Where where = idEquals(id).and(options.shouldSkipDefaultFilter() ? Where.empty() : model.defaultFilter().where());
        Map<String, Object> assignments = assignments(data);
        return observed("updateById", call -> dataSource.write(session -> {
            int updated = executeUpdate(session, call, "updateById", assignments, where);
            if (updated == 0) {
                throw new NotFoundException(model.name(), id);
            }
            return new WriteResult<>(updated, options.shouldReturn() ? select(session, call, "updateById", Filter.empty(), where) : List.of());
        }));
    }

    @Override
    public WriteResult<E> updateAll(Map<String, ?> data, Where where, WriteOptions options) {
        requireWritable("updateAll");
        guard(where, options, "updateAll");
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        Map<String, Object> assignments = assignments(data);
        return observed("updateAll", call -> dataSource.write(session -> {
            if (!options.shouldReturn()) {
                return new WriteResult<>(executeUpdate(session, call, "updateAll", assignments, effective), List.of());
            }
            List<Object> ids = selectIds(session, call, "updateAll", effective);
            int updated = 0;
            for (List<Object> chunk : chunks(ids)) {
                updated += executeUpdate(session, call, "updateAll", assignments, Where.in(model.id().key(), chunk));
            }
            return new WriteResult<>(updated, selectByIds(session, call, "updateAll", ids));
        }));
    }

    @Override
    public WriteResult<E> deleteById(ID id, WriteOptions options) {
        requireWritable("deleteById");
        Where where = idEquals(id).and(options.shouldSkipDefaultFilter() ? Where.empty() : model.defaultFilter().where());
        return observed("deleteById", call -> dataSource.write(session -> {
            List<E> rows = options.shouldReturn() ? select(session, call, "deleteById", Filter.empty(), where) : List.of();
            int deleted = executeDelete(session, call, "deleteById", where);
            if (deleted == 0) {
                throw new NotFoundException(model.name(), id);
            }
            return new WriteResult<>(deleted, rows);
        }));
    }

    @Override
    public WriteResult<E> deleteAll(Where where, WriteOptions options) {
        requireWritable("deleteAll");
        guard(where, options, "deleteAll");
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        return observed("deleteAll", call -> dataSource.write(session -> {
            if (!options.shouldReturn()) {
                return new WriteResult<>(executeDelete(session, call, "deleteAll", effective), List.of());
            }
            List<Object> ids = selectIds(session, call, "deleteAll", effective);
            List<E> rows = selectByIds(session, call, "deleteAll", ids);
            int deleted = 0;
            for (List<Object> chunk : chunks(ids)) {
                deleted += executeDelete(session, call, "deleteAll", Where.in(model.id().key(), chunk));
            }
            return new WriteResult<>(deleted, rows);
        }));
    }

    private int executeUpdate(StatelessSession session, Observation.Call call, String operation, Map<String, Object> assignments, Where where) {
        QueryParameters params = new QueryParameters();
        List<String> sets = new ArrayList<>();
        QueryParameters values = new QueryParameters("v");
        for (Map.Entry<String, Object> entry : assignments.entrySet()) {
            sets.add(ROOT + "." + model.attribute(entry.getKey()).hqlPath() + " = " + values.bind(entry.getValue()));
        }
        String hql = "update " + model.entityName() + " " + ROOT + " set " + String.join(", ", sets) + whereClause(where, params);
        var query = session.createMutationQuery(hql);
        bind(query, params);
        bind(query, values);
        return statement(call, operation, query::executeUpdate);
    }

    private int executeDelete(StatelessSession session, Observation.Call call, String operation, Where where) {
        QueryParameters params = new QueryParameters();
        String hql = "delete" + from + whereClause(where, params);
        var query = session.createMutationQuery(hql);
        bind(query, params);
        return statement(call, operation, query::executeUpdate);
    }

    private List<Object> selectIds(StatelessSession session, Observation.Call call, String operation, Where where) {
        QueryParameters params = new QueryParameters();
        String hql = "select " + ROOT + "." + model.id().hqlPath() + from + whereClause(where, params);
        return statement(call, operation, () -> dataSource.selectValues(session, hql, params, StartedDataSource.NO_LIMIT));
    }

    private List<E> selectByIds(StatelessSession session, Observation.Call call, String operation, List<Object> ids) {
        Map<Object, E> byId = new LinkedHashMap<>();
        for (List<Object> chunk : chunks(ids)) {
            Filter filter = Filter.where(Where.in(model.id().key(), chunk)).withLimit(chunk.size());
            for (E row : selectUnlimited(session, call, operation, filter)) {
                byId.put(model.id().get(row), row);
            }
        }
        List<E> ordered = new ArrayList<>(ids.size());
        for (Object id : ids) {
            E row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    private List<E> selectUnlimited(StatelessSession session, Observation.Call call, String operation, Filter filter) {
        QueryParameters params = new QueryParameters();
        RowReader reader = RowReader.visible(model, java.util.Set.of());
        String hql = "select " + reader.select(ROOT) + from + whereClause(filter.where(), params);
        List<Object[]> tuples = statement(call, operation, () -> dataSource.select(session, hql, params, StartedDataSource.NO_LIMIT, 0));
        List<E> rows = new ArrayList<>(tuples.size());
        for (Object[] tuple : tuples) {
            rows.add(type.cast(reader.read(tuple, 0)));
        }
        return rows;
    }

    private List<List<Object>> chunks(List<Object> ids) {
        return KeyChunks.of(ids, dataSource.settings().inListChunkSize(), dataSource);
    }

    private Map<String, Object> assignments(Map<String, ?> data) {
        if (data == null || data.isEmpty()) {
            throw new FilterException("data", "an update needs at least one property to change", model.attributeNames());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            String path = "data." + entry.getKey();
            AttributeDescriptor attribute = model.attribute(entry.getKey());
            if (attribute == null) {
                throw new FilterException(path, "unknown property '" + entry.getKey() + "' of model " + model.name(), model.attributeNames());
            }
            if (attribute.isIdentifier()) {
                throw new FilterException(path, "the id of " + model.name() + " cannot be updated");
            }
            out.put(attribute.key(), ValueConverter.convert(attribute, entry.getValue(), path));
        }
        ModelDescriptor.Enrichers enrichers = model.enrichers();
        if (enrichers.modifiedAt() != null) {
            out.put(enrichers.modifiedAt().key(), now());
        }
        if (enrichers.modifiedBy() != null) {
            out.put(enrichers.modifiedBy().key(), currentUser());
        }
        return out;
    }

    // ---- helpers

    private <T> T observed(String operation, java.util.function.Function<Observation.Call, T> work) {
        return dataSource.observation().call(dataSource.name(), model.name(), operation, work);
    }

    /** A read call: its reads may go to a replica unless {@code options} ask for the primary or a transaction is open. */
    private <T> T observed(String operation, QueryOptions options, java.util.function.Function<Observation.Call, T> work) {
        return dataSource.observation().call(dataSource.name(), model.name(), operation, StartedDataSource.route(options.shouldReadPrimary()), work);
    }

    private <T> T statement(Observation.Call call, String operation, java.util.function.Supplier<T> work) {
        return dataSource.statement(call, model.name(), operation, "direct", work);
    }

    private Filter effective(Filter filter, boolean skipDefault) {
        Filter f = filter == null ? Filter.empty() : filter;
        return skipDefault ? f : DefaultFilterMerger.merge(model.defaultFilter(), f);
    }

    private Where effectiveWhere(Where where, boolean skipDefault) {
        Where w = where == null ? Where.empty() : where;
        return skipDefault ? w : DefaultFilterMerger.mergeWhere(model.defaultFilter().where(), w);
    }

    /** Conditions on other datasources' rows are looked up first: see {@link RelatedKeyLookups#resolve}. */
    private String whereClause(Where where, QueryParameters params) {
        Where resolved = dataSource.reads().resolve(null, dataSource, dataSource.reads().planner().where(model, dataSource.name(), where));
        String condition = compiler.where(model, resolved == null ? Where.or() : resolved, params);
        return condition.isEmpty() ? "" : " where " + condition;
    }

    private Where idEquals(ID id) {
        if (id == null) {
            throw new FilterException("id", "id must not be null");
        }
        return Where.eq(model.id().key(), ValueConverter.convert(model.id(), id, "id"));
    }

    private int limitOf(Filter filter) {
        return dataSource.reads().planner().limit(model, filter);
    }

    private void shape(List<E> rows, Fields fields) {
        RowShaper.shape(model, rows, fields);
    }

    private void guard(Where where, WriteOptions options, String operation) {
        if ((where == null || matchesEverything(where)) && !options.force()) {
            throw new WriteGuardException(model.name(), operation);
        }
    }

    /** A where that holds for every row without looking at one: empty, {@code {"and":[{}]}}, {@code {"or":[{}]}}. */
    private static boolean matchesEverything(Where where) {
        if (where instanceof Where.And and) {
            return and.items().stream().allMatch(ModelOperations::matchesEverything);
        }
        if (where instanceof Where.Or or) {
            return or.items().stream().anyMatch(ModelOperations::matchesEverything);
        }
        return false;
    }

    private void requireWritable(String operation) {
        if (model.type() == ModelType.VIEW) {
            throw new ReadOnlyModelException(model.name(), operation);
        }
    }

    private Instant now() {
        // Databases keep microseconds; stamping with the same precision makes returned rows equal stored ones.
        return dataSource.settings().clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String currentUser() {
        Optional<String> user = dataSource.settings().currentUser().id();
        if (user.isEmpty() && model.enrichers().audited() && !model.allowAnonymous()) {
            throw new IgnisException("Model " + model.name() + " requires a current user for its audit columns, and there is none");
        }
        return user.orElse(null);
    }

    private static void setIfPresent(AttributeDescriptor attribute, Object row, Object value) {
        if (attribute != null) {
            attribute.set(row, value);
        }
    }

    private static <Q extends CommonQueryContract> Q bind(Q query, QueryParameters params) {
        return params.bindTo(query);
    }
}
