package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.error.ReadOnlyModelException;
import dev.ignis.api.error.WriteGuardException;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.model.ModelType;
import dev.ignis.api.filter.DeletedRows;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.RowLock;
import dev.ignis.api.repository.UpsertOptions;
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
import dev.ignis.engine.internal.plan.ReadScope;
import org.hibernate.StatelessSession;
import org.hibernate.query.CommonQueryContract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repository operations of one model on its datasource: filters compiled to HQL, run on stateless sessions. Each
 * call resolves its {@link ReadScope} first (tenant, soft delete); every statement's where is planned with it.
 */
final class ModelOperations<E, ID> implements RepositoryOperations<E, ID> {
    private static final String ROOT = QueryCompiler.ROOT;

    private final StartedDataSource dataSource;
    private final ModelDescriptor model;
    private final Class<E> type;
    private final QueryCompiler compiler;
    private final String from;
    private final CallScopes scopes;
    /** Whether the model declares a default filter: fixed at start, so calls need not compare it with the empty one. */
    private final boolean hasDefaultFilter;
    private volatile UpsertWriter upserts;
    /** A plain findById planned once per scope shape; null when planned selects are off. */
    private final KeptFindById keptFindById;

    @SuppressWarnings("unchecked")
    ModelOperations(StartedDataSource dataSource, ModelDescriptor model) {
        this.dataSource = dataSource;
        this.model = model;
        this.type = (Class<E>) model.modelClass();
        this.compiler = dataSource.compiler();
        this.from = " from " + model.entityName() + " " + ROOT;
        this.scopes = new CallScopes(dataSource, model);
        this.hasDefaultFilter = !model.defaultFilter().equals(Filter.empty());
        this.keptFindById = dataSource.settings().plannedSelects() ? new KeptFindById(dataSource, model) : null;
    }

    // ---- reads

    @Override
    public List<E> find(Filter filter, QueryOptions options) {
        Filter effective = effective(filter, options.shouldSkipDefaultFilter());
        ReadScope scope = scopes.read("find", options);
        RowLock lock = options.lock();
        return observed("find", options, call -> dataSource.read(call.route(), session -> select(session, call, "find", effective, effective.where(),
                false, scope, lock)));
    }

    @Override
    public Optional<E> findOne(Filter filter, QueryOptions options) {
        Filter effective = effective(filter, options.shouldSkipDefaultFilter()).withLimit(1);
        ReadScope scope = scopes.read("findOne", options);
        RowLock lock = options.lock();
        return first(observed("findOne", options, call -> dataSource.read(call.route(), session -> select(session, call, "findOne", effective,
                effective.where(), false, scope, lock))));
    }

    @Override
    public Optional<E> findById(ID id, Filter filter, QueryOptions options) {
        RowLock lock = options.lock();
        if (keptFindById != null && lock == null && (!hasDefaultFilter || options.shouldSkipDefaultFilter())
                && (filter == null || KeptFindById.applies(filter))) {
            @SuppressWarnings("unchecked")
            Optional<E> row = (Optional<E>) first(observed("findById", options,
                    call -> keptFindById.read(call, idValue(id), scopes.read("findById", options))));
            return row;
        }
        // Inside the observed call, so a bad id is counted as a failed findById.
        return first(observed("findById", options, call -> {
            Filter effective = effective(filter, options.shouldSkipDefaultFilter()).withLimit(1).withSkip(0);
            Where byId = idEquals(id).and(effective.where());
            ReadScope scope = scopes.read("findById", options);
            return dataSource.read(call.route(), session -> select(session, call, "findById", effective, byId, true, scope, lock));
        }));
    }

    /** How many statements the plain findById compiled (once per scope shape when kept); -1 when planned selects are off. */
    long findByIdCompilations() {
        return keptFindById == null ? -1 : keptFindById.compilations();
    }

    @Override
    public long count(Where where, QueryOptions options) {
        RootLock.refuse(options.lock(), "count");
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        ReadScope scope = scopes.read("count", options);
        return observed("count", options, call -> dataSource.read(call.route(), session -> count(session, call, "count", effective, scope)));
    }

    @Override
    public boolean existsWith(Where where, QueryOptions options) {
        RootLock.refuse(options.lock(), "existsWith");
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        ReadScope scope = scopes.read("existsWith", options);
        return observed("existsWith", options, call -> dataSource.read(call.route(), session -> {
            // Planned inside the call: a bad where and the key lookups it runs belong to it.
            QueryParameters params = new QueryParameters();
            String condition = whereClause(call, effective, params, scope);
            if (condition == null) {
                return false;
            }
            String hql = "select " + ROOT + "." + model.id().hqlPath() + from + condition;
            return !statement(call, "existsWith", () -> dataSource.select(session, hql, params, 1, 0)).isEmpty();
        }));
    }

    @Override
    public RangeResult<E> findWithRange(Filter filter, QueryOptions options) {
        RootLock.refuse(options.lock(), "findWithRange");
        Filter effective = effective(filter, options.shouldSkipDefaultFilter());
        int start = effective.skip() == null ? 0 : effective.skip();
        ReadScope scope = scopes.read("findWithRange", options);
        return observed("findWithRange", options, call -> dataSource.read(call.route(), session -> {
            List<E> page = select(session, call, "findWithRange", effective, effective.where(), scope);
            // A short page shows where the rows end; only a full or out-of-range page needs the count statement, which
            // counts the rows the filter's withDeleted/onlyDeleted asks for, as the page read them.
            boolean sawEnd = page.size() < limitOf(effective) && (!page.isEmpty() || start == 0);
            long total = sawEnd ? start + page.size() : count(session, call, "findWithRange", effective.where(),
                    dataSource.reads().planner().scope(model, effective, scope));
            return new RangeResult<>(page, new RangeResult.Range(start, start + page.size(), total));
        }));
    }

    @Override
    public java.util.stream.Stream<E> stream(Filter filter, QueryOptions options) {
        RootLock.refuse(options.lock(), "stream");
        ReadScope scope = scopes.read("stream", options);
        Filter effective = effective(filter, options.shouldSkipDefaultFilter());
        return observed("stream", call -> CursorStream.open(dataSource, model, type, effective, scope, call));
    }

    private List<E> select(StatelessSession session, Observation.Call call, String operation, Filter filter, Where where, ReadScope scope) {
        return select(session, call, operation, filter, where, false, scope, null);
    }

    /**
     * {@code byId}: the where fixes the id, so at most one row matches and neither a sort nor a limit is needed.
     * {@code lock} (or null) locks the root rows; includes then run as statements of their own, without a lock.
     */
    private List<E> select(StatelessSession session, Observation.Call call, String operation, Filter filter, Where where, boolean byId,
                           ReadScope scope, RowLock lock) {
        ReadPlan plan = dataSource.reads().planner().plan(model, dataSource.name(), filter.withWhere(where), byId, scope, lock);
        List<Object> read = dataSource.reads().read(new ReadContext(call, dataSource, session, operation), plan);
        @SuppressWarnings("unchecked")
        List<E> rows = (List<E>) read;
        shape(rows, filter.fields());
        return rows;
    }

    private long count(StatelessSession session, Observation.Call call, String operation, Where where, ReadScope scope) {
        QueryParameters params = new QueryParameters();
        // count(*), not count(e): counting the id makes PostgreSQL visit every row where the index alone would do.
        String condition = whereClause(call, where, params, scope);
        if (condition == null) {
            return 0;
        }
        String hql = "select count(*)" + from + condition;
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
        ReadScope scope = scopes.write("create", DeletedRows.LIVE);
        for (E row : rows) {
            if (row == null) {
                throw new IllegalArgumentException("create of " + model.name() + " got a null row");
            }
            scopes.stampTenant(row, scope);
            stampNewRow(row, "create", now, user);
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
            return new WriteResult<>(rows.size(), selectByIds(session, call, "create", ids, scope));
        }));
    }

    @Override
    public WriteResult<E> upsert(List<E> rows, UpsertOptions options) {
        requireWritable("upsert");
        if (model.scoping().hasTenant()) {
            // The databases' conflict clauses cannot carry the tenant predicate everywhere (MariaDB's ON DUPLICATE KEY):
            // refused rather than letting a conflict update another tenant's row.
            throw new UnsupportedOperatorException("upsert", "upsert", dataSource.driver().name(),
                    model.name() + " is a tenant model; upsert is not available on tenant models");
        }
        if (rows.isEmpty()) {
            return new WriteResult<>(0, List.of());
        }
        UpsertWriter writer = upsertWriter();
        List<AttributeDescriptor> target = writer.conflictTarget(options);
        Instant now = now();
        String user = currentUser();
        // The last row of a conflict key wins; one statement must not touch a row twice (PostgreSQL refuses it).
        Map<Object, E> byKey = new LinkedHashMap<>();
        for (E row : rows) {
            stampNewRow(row, "upsert", now, user);
            Object key = UpsertKeys.of(target, row);
            if (key == null && target.get(0).isIdentifier()) {
                throw new FilterException("id", "an upsert on the id of " + model.name() + " needs the id of every row");
            }
            Object mapKey = key == null ? new Object() : key;
            byKey.remove(mapKey);
            byKey.put(mapKey, row);
        }
        // Rows in one order for every caller: concurrent batches lock the rows they share in the same order.
        List<E> distinct = new ArrayList<>(byKey.values());
        List<E> sorted = UpsertKeys.sorted(target, distinct);
        List<E> withId = sorted.stream().filter(r -> model.id().get(r) != null).toList();
        List<E> withoutId = sorted.stream().filter(r -> model.id().get(r) == null).toList();
        // Where the database returns the stored rows with the upsert itself, no statement reads them back.
        boolean returning = options.shouldReturn() && (withId.isEmpty() || writer.returnsRows(options, true))
                && (withoutId.isEmpty() || writer.returnsRows(options, false));
        // Several rows keep a transaction even where one returning statement writes them all: H2 leaves the rows before a
        // failing one of its merge written in auto-commit (UpsertContract.aFailedBatchLeavesNothing).
        boolean single = distinct.size() == 1 && (!options.shouldReturn() || returning);
        return observed("upsert", call -> (single ? dataSource.<WriteResult<E>>singleStatement() : dataSource.<WriteResult<E>>atomic())
                .apply(session -> {
            // Rows with an id first, then those without: one statement (or batch) each, the stored rows where returned.
            List<Object> stored = new ArrayList<>(returning ? distinct.size() : 0);
            for (boolean withIds : new boolean[] {true, false}) {
                List<E> group = withIds ? withId : withoutId;
                if (group.isEmpty()) {
                    continue;
                }
                if (returning) {
                    stored.addAll(statement(call, "upsert", () -> writer.writeReturning(session, group, options, withIds)));
                } else {
                    statement(call, "upsert", () -> writer.write(session, group, options, withIds));
                }
            }
            if (returning) {
                @SuppressWarnings("unchecked")
                List<E> rowsStored = (List<E>) (List<?>) stored;
                return new WriteResult<>(distinct.size(), inGivenOrder(target, distinct, rowsStored));
            }
            if (!options.shouldReturn()) {
                return new WriteResult<>(distinct.size(), List.of());
            }
            return new WriteResult<>(distinct.size(), readBack(session, call, target, distinct));
        }));
    }

    /** A row about to be inserted: a generated string id if it has none, every enricher stamped. */
    private void stampNewRow(E row, String operation, Instant now, String user) {
        if (row == null) {
            throw new IllegalArgumentException(operation + " of " + model.name() + " got a null row");
        }
        if (model.id().get(row) == null && model.id().javaType() == String.class) {
            model.id().set(row, model.idGenerator().nextId());
        }
        ModelDescriptor.Enrichers enrichers = model.enrichers();
        // Timestamps the caller set are kept (imports, migrations); only the missing ones are filled. An upsert's
        // modifiedAt is always now: on a conflict it is what the stored row is updated with.
        setIfNull(enrichers.createdAt(), row, now);
        if (operation.equals("create")) {
            setIfNull(enrichers.modifiedAt(), row, now);
        } else {
            setIfPresent(enrichers.modifiedAt(), row, now);
        }
        setIfPresent(enrichers.createdBy(), row, user);
        setIfPresent(enrichers.modifiedBy(), row, user);
    }

    /** The stored rows of an upsert, read back with selects: on the id, or on the unique fields of the conflict target. */
    private List<E> readBack(StatelessSession session, Observation.Call call, List<AttributeDescriptor> target, List<E> written) {
        // Upsert is refused on tenant models; a soft-deleted row it wrote is read back too.
        ReadScope scope = scopes.write("upsert", DeletedRows.WITH_DELETED);
        if (target.get(0).isIdentifier()) {
            return selectByIds(session, call, "upsert", written.stream().map(r -> model.id().get(r)).toList(), scope);
        }
        List<E> stored = new ArrayList<>(written.size());
        List<E> keyed = written.stream().filter(r -> UpsertKeys.of(target, r) != null).toList();
        int size = Math.max(1, dataSource.driver().maxInListSize() / target.size());
        for (int i = 0; i < keyed.size(); i += size) {
            Where where = UpsertKeys.matching(target, keyed.subList(i, Math.min(keyed.size(), i + size)));
            stored.addAll(selectUnlimited(session, call, "upsert", Filter.where(where), scope));
        }
        return inGivenOrder(target, written, stored);
    }

    /**
     * The stored rows in the order of the rows given, matched on the conflict target; a row without a value of the
     * target (which conflicts with nothing) is left out. A row given takes its stored row's id: on a unique-field
     * target a matched row keeps its stored id, a new one may have had it generated by the database.
     */
    private List<E> inGivenOrder(List<AttributeDescriptor> target, List<E> written, List<E> stored) {
        Map<Object, E> byKey = new java.util.HashMap<>();
        for (E row : stored) {
            byKey.put(UpsertKeys.of(target, row), row);
        }
        List<E> ordered = new ArrayList<>(written.size());
        for (E row : written) {
            List<Object> key = UpsertKeys.of(target, row);
            E found = key == null ? null : byKey.get(key);
            if (found != null) {
                model.id().set(row, model.id().get(found));
                ordered.add(found);
            }
        }
        return ordered;
    }

    private UpsertWriter upsertWriter() {
        UpsertWriter writer = upserts;
        if (writer == null) {
            writer = new UpsertWriter(dataSource, model);
            upserts = writer;
        }
        return writer;
    }

    @Override
    public WriteResult<E> updateById(ID id, Map<String, ?> data, WriteOptions options) {
        requireWritable("updateById");
        return updateById("updateById", id, assignments(data), options, scopes.write("updateById", DeletedRows.LIVE));
    }

    /** One row's update in {@code scope}: {@link NotFoundException} when no row of the scope has the id. */
    private WriteResult<E> updateById(String operation, ID id, Map<String, Object> assignments, WriteOptions options, ReadScope scope) {
        scopes.checkAssignments(assignments, scope);
        Where where = idEquals(id).and(options.shouldSkipDefaultFilter() ? Where.empty() : model.defaultFilter().where());
        return observed(operation, call -> dataSource.write(session -> {
            int updated = executeUpdate(session, call, operation, assignments, where, scope);
            if (updated == 0) {
                throw new NotFoundException(model.name(), id);
            }
            return new WriteResult<>(updated, options.shouldReturn()
                    ? select(session, call, operation, Filter.empty(), where, scope.rows(DeletedRows.WITH_DELETED)) : List.of());
        }));
    }

    @Override
    public WriteResult<E> updateAll(Map<String, ?> data, Where where, WriteOptions options) {
        requireWritable("updateAll");
        return updateAll("updateAll", assignments(data), where, options, scopes.write("updateAll", DeletedRows.LIVE));
    }

    /** The update of the rows of {@code scope} that match; returned rows are read back whatever their state now. */
    private WriteResult<E> updateAll(String operation, Map<String, Object> assignments, Where where, WriteOptions options, ReadScope scope) {
        guard(where, options, operation);
        scopes.checkAssignments(assignments, scope);
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        return observed(operation, call -> dataSource.write(session -> {
            if (!options.shouldReturn()) {
                return new WriteResult<>(executeUpdate(session, call, operation, assignments, effective, scope), List.of());
            }
            List<Object> ids = selectIds(session, call, operation, effective, scope);
            int updated = 0;
            for (List<Object> chunk : chunks(ids)) {
                updated += executeUpdate(session, call, operation, assignments, Where.in(model.id().key(), chunk), scope);
            }
            return new WriteResult<>(updated, selectByIds(session, call, operation, ids, scope.rows(DeletedRows.WITH_DELETED)));
        }));
    }

    @Override
    public WriteResult<E> deleteById(ID id, WriteOptions options) {
        return deleteById("deleteById", id, options, false);
    }

    @Override
    public WriteResult<E> hardDeleteById(ID id, WriteOptions options) {
        return deleteById("hardDeleteById", id, options, true);
    }

    /** {@code hard}: remove the row, live or soft-deleted; else a soft-delete model's live row is marked deleted. */
    private WriteResult<E> deleteById(String operation, ID id, WriteOptions options, boolean hard) {
        requireWritable(operation);
        ReadScope scope = scopes.write(operation, hard ? DeletedRows.WITH_DELETED : DeletedRows.LIVE);
        Where where = idEquals(id).and(options.shouldSkipDefaultFilter() ? Where.empty() : model.defaultFilter().where());
        return observed(operation, call -> dataSource.write(session -> {
            List<E> rows = options.shouldReturn() ? select(session, call, operation, Filter.empty(), where, scope) : List.of();
            int deleted = remove(session, call, operation, where, scope, hard);
            if (deleted == 0) {
                throw new NotFoundException(model.name(), id);
            }
            return new WriteResult<>(deleted, rows);
        }));
    }

    @Override
    public WriteResult<E> deleteAll(Where where, WriteOptions options) {
        return deleteAll("deleteAll", where, options, false);
    }

    @Override
    public WriteResult<E> hardDeleteAll(Where where, WriteOptions options) {
        return deleteAll("hardDeleteAll", where, options, true);
    }

    private WriteResult<E> deleteAll(String operation, Where where, WriteOptions options, boolean hard) {
        requireWritable(operation);
        guard(where, options, operation);
        ReadScope scope = scopes.write(operation, hard ? DeletedRows.WITH_DELETED : DeletedRows.LIVE);
        Where effective = effectiveWhere(where, options.shouldSkipDefaultFilter());
        return observed(operation, call -> dataSource.write(session -> {
            if (!options.shouldReturn()) {
                return new WriteResult<>(remove(session, call, operation, effective, scope, hard), List.of());
            }
            List<Object> ids = selectIds(session, call, operation, effective, scope);
            List<E> rows = selectByIds(session, call, operation, ids, scope);
            int deleted = 0;
            for (List<Object> chunk : chunks(ids)) {
                deleted += remove(session, call, operation, Where.in(model.id().key(), chunk), scope, hard);
            }
            return new WriteResult<>(deleted, rows);
        }));
    }

    @Override
    public WriteResult<E> restoreById(ID id, WriteOptions options) {
        requireRestorable("restoreById");
        return updateById("restoreById", id, restoration(), options, scopes.write("restoreById", DeletedRows.ONLY_DELETED));
    }

    @Override
    public WriteResult<E> restoreAll(Where where, WriteOptions options) {
        requireRestorable("restoreAll");
        return updateAll("restoreAll", restoration(), where, options, scopes.write("restoreAll", DeletedRows.ONLY_DELETED));
    }

    /**
     * Deletes the rows of {@code scope} that match: one {@code UPDATE} setting {@code deletedAt} (and {@code deletedBy})
     * on a soft-delete model, a {@code DELETE} otherwise or when {@code hard}.
     */
    private int remove(StatelessSession session, Observation.Call call, String operation, Where where, ReadScope scope, boolean hard) {
        if (hard || !model.scoping().softDelete()) {
            return executeDelete(session, call, operation, where, scope);
        }
        Map<String, Object> deletion = new LinkedHashMap<>();
        deletion.put(model.scoping().deletedAt().key(), now());
        if (model.scoping().deletedBy() != null) {
            deletion.put(model.scoping().deletedBy().key(), dataSource.settings().currentUser().id().orElse(null));
        }
        return executeUpdate(session, call, operation, deletion, where, scope);
    }

    /** The assignments of a restore: {@code deletedAt} (and {@code deletedBy}) cleared, the modification stamped. */
    private Map<String, Object> restoration() {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put(model.scoping().deletedAt().key(), null);
        if (model.scoping().deletedBy() != null) {
            data.put(model.scoping().deletedBy().key(), null);
        }
        return assignments(data);
    }

    private void requireRestorable(String operation) {
        requireWritable(operation);
        if (!model.scoping().softDelete()) {
            throw new ModelException(operation + " on " + model.name()
                    + ": the model has no soft delete (@Model(softDelete = true) or a @DeletedAt property)");
        }
    }

    private int executeUpdate(StatelessSession session, Observation.Call call, String operation, Map<String, Object> assignments, Where where,
                              ReadScope scope) {
        QueryParameters params = new QueryParameters();
        List<String> sets = new ArrayList<>();
        QueryParameters values = new QueryParameters("v");
        for (Map.Entry<String, Object> entry : assignments.entrySet()) {
            sets.add(ROOT + "." + model.attribute(entry.getKey()).hqlPath() + " = " + values.bind(entry.getValue()));
        }
        String condition = whereClause(call, where, params, scope);
        if (condition == null) {
            return 0;
        }
        String hql = "update " + model.entityName() + " " + ROOT + " set " + String.join(", ", sets) + condition;
        var query = session.createMutationQuery(hql);
        bind(query, params);
        bind(query, values);
        return statement(call, operation, query::executeUpdate);
    }

    private int executeDelete(StatelessSession session, Observation.Call call, String operation, Where where, ReadScope scope) {
        QueryParameters params = new QueryParameters();
        String condition = whereClause(call, where, params, scope);
        if (condition == null) {
            return 0;
        }
        String hql = "delete" + from + condition;
        var query = session.createMutationQuery(hql);
        bind(query, params);
        return statement(call, operation, query::executeUpdate);
    }

    private List<Object> selectIds(StatelessSession session, Observation.Call call, String operation, Where where, ReadScope scope) {
        QueryParameters params = new QueryParameters();
        String condition = whereClause(call, where, params, scope);
        if (condition == null) {
            return new ArrayList<>();
        }
        String hql = "select " + ROOT + "." + model.id().hqlPath() + from + condition;
        return statement(call, operation, () -> dataSource.selectValues(session, hql, params, StartedDataSource.NO_LIMIT));
    }

    private List<E> selectByIds(StatelessSession session, Observation.Call call, String operation, List<Object> ids, ReadScope scope) {
        Map<Object, E> byId = new LinkedHashMap<>();
        for (List<Object> chunk : chunks(ids)) {
            Filter filter = Filter.where(Where.in(model.id().key(), chunk)).withLimit(chunk.size());
            for (E row : selectUnlimited(session, call, operation, filter, scope)) {
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

    private List<E> selectUnlimited(StatelessSession session, Observation.Call call, String operation, Filter filter, ReadScope scope) {
        QueryParameters params = new QueryParameters();
        RowReader reader = RowReader.visible(model, java.util.Set.of());
        String condition = whereClause(call, filter.where(), params, scope);
        if (condition == null) {
            return new ArrayList<>();
        }
        String hql = "select " + reader.select(ROOT) + from + condition;
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
        return skipDefault || !hasDefaultFilter ? f : DefaultFilterMerger.merge(model.defaultFilter(), f);
    }

    private Where effectiveWhere(Where where, boolean skipDefault) {
        Where w = where == null ? Where.empty() : where;
        return skipDefault ? w : DefaultFilterMerger.mergeWhere(model.defaultFilter().where(), w);
    }

    /** Conditions on other datasources' rows are looked up first: see {@link RelatedKeyLookups#resolve}. {@code scope}: see {@link ReadScope}. */
    /** The where clause (with a leading space, or empty); null when a key lookup it needs found nothing, so no row matches. */
    private String whereClause(Observation.Call call, Where where, QueryParameters params, ReadScope scope) {
        Where resolved = dataSource.reads().resolve(call, dataSource, dataSource.reads().planner().where(model, dataSource.name(), where, scope));
        if (resolved == null) {
            return null;
        }
        String condition = compiler.where(model, resolved, params);
        return condition.isEmpty() ? "" : " where " + condition;
    }

    private Where idEquals(ID id) {
        return Where.eq(model.id().key(), idValue(id));
    }

    /** The id as the model's id type; a null or inconvertible id is a {@link FilterException}. */
    private Object idValue(ID id) {
        if (id == null) {
            throw new FilterException("id", "id must not be null");
        }
        return ValueConverter.convert(model.id(), id, "id");
    }

    /** The first row, if any (without a stream: these reads are the library's shortest calls). */
    private static <E> Optional<E> first(List<E> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
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

    private static void setIfNull(AttributeDescriptor attribute, Object row, Object value) {
        if (attribute != null && attribute.get(row) == null) {
            attribute.set(row, value);
        }
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
