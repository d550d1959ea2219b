package dev.ignis.engine.internal.execute;

import dev.ignis.engine.internal.compile.QueryParameters;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.MappingModelExpressible;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.internal.SqmSelectionQueryImpl;
import org.hibernate.query.sqm.internal.SqmUtil;
import org.hibernate.query.sqm.spi.SqmParameterMappingModelResolutionAccess;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.sql.ast.spi.SqlSelection;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.JdbcLockStrategy;
import org.hibernate.sql.exec.spi.JdbcParameterBinder;
import org.hibernate.sql.exec.spi.JdbcParameterBinding;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.hibernate.sql.exec.spi.JdbcSelect;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.basic.BasicResult;
import org.hibernate.sql.results.graph.basic.BasicResultAssembler;
import org.hibernate.stat.spi.StatisticsImplementor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.java.InstantJavaType;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.StringJavaType;
import org.hibernate.type.descriptor.jdbc.BigIntJdbcType;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.BooleanJdbcType;
import org.hibernate.type.descriptor.jdbc.CharJdbcType;
import org.hibernate.type.descriptor.jdbc.DateJdbcType;
import org.hibernate.type.descriptor.jdbc.DecimalJdbcType;
import org.hibernate.type.descriptor.jdbc.DoubleJdbcType;
import org.hibernate.type.descriptor.jdbc.EnumJdbcType;
import org.hibernate.type.descriptor.jdbc.FloatJdbcType;
import org.hibernate.type.descriptor.jdbc.InstantAsTimestampJdbcType;
import org.hibernate.type.descriptor.jdbc.InstantAsTimestampWithTimeZoneJdbcType;
import org.hibernate.type.descriptor.jdbc.InstantJdbcType;
import org.hibernate.type.descriptor.jdbc.IntegerJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.LongNVarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.NCharJdbcType;
import org.hibernate.type.descriptor.jdbc.NVarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.NumericJdbcType;
import org.hibernate.type.descriptor.jdbc.OffsetDateTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.OrdinalEnumJdbcType;
import org.hibernate.type.descriptor.jdbc.RealJdbcType;
import org.hibernate.type.descriptor.jdbc.SmallIntJdbcType;
import org.hibernate.type.descriptor.jdbc.TimeJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsInstantJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampWithTimeZoneJdbcType;
import org.hibernate.type.descriptor.jdbc.TinyIntAsSmallIntJdbcType;
import org.hibernate.type.descriptor.jdbc.TinyIntJdbcType;
import org.hibernate.type.descriptor.jdbc.UUIDJdbcType;
import org.hibernate.type.descriptor.jdbc.UuidAsBinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.VarcharUUIDJdbcType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The selects of one datasource. Hibernate builds the SQL of each query shape (the HQL text and the sizes of its list
 * parameters) once, from its metamodel and dialect; later calls of the same shape bind their values to that SQL on the
 * session's connection and read the columns back with Hibernate's own binders and extractors. Creating a Hibernate
 * query per call (parsing cache lookup, parameter-binding objects, execution context, result-set mapping) cost more
 * than the round trip itself on fast databases.
 *
 * <p>A shape whose SQL would depend on the bound values, selects something other than plain values, or does not
 * check out against Hibernate's own first binding, runs through Hibernate's query API instead, every time; so does a
 * call whose values are of other types than those the shape was translated with, and every select when the engine's
 * planned selects are off (a locked select excepted: only a plan carries the driver's lock clause).
 *
 * <p>This is the one class of the engine that uses Hibernate's {@code query.sqm} internals.
 */
final class SelectPlans {
    private static final Logger LOG = LoggerFactory.getLogger(SelectPlans.class);

    private final SessionFactoryImplementor factory;
    private final int capacity;
    private final boolean planned;
    private final Map<String, Optional<SelectPlan>> plans = new ConcurrentHashMap<>();
    private final Map<String, String> limitTexts = new ConcurrentHashMap<>();
    private final Map<String, String> offsetTexts = new ConcurrentHashMap<>();
    private final Map<String, String> limitOffsetTexts = new ConcurrentHashMap<>();
    /** Selects that ran through Hibernate's query API: what tests of the fallbacks count. */
    private final LongAdder queryApiRuns = new LongAdder();
    /** Kept plans run on a connection of no session: what tests of the kept findById count. */
    private final LongAdder sessionFreeRuns = new LongAdder();

    SelectPlans(SessionFactoryImplementor factory, int capacity, boolean planned) {
        this.factory = factory;
        this.capacity = capacity;
        this.planned = planned;
    }

    long queryApiRuns() {
        return queryApiRuns.sum();
    }

    long sessionFreeRuns() {
        return sessionFreeRuns.sum();
    }

    /**
     * The rows of {@code hql}, each select item at its index; a negative {@code limit} leaves them unlimited, a limit
     * of 0 returns none without a statement. Values are bound as parameters, never written into the statement.
     */
    List<Object[]> tuples(StatelessSession session, String hql, QueryParameters params, int limit, int skip) {
        return tuples(session, hql, params, limit, skip, "");
    }

    /**
     * {@link #tuples} with {@code suffix} (a row lock clause) appended to the SQL; such a select needs a plan, since
     * Hibernate's query API would render its own lock. Null when the shape has none.
     */
    List<Object[]> tuples(StatelessSession session, String hql, QueryParameters params, int limit, int skip, String suffix) {
        if (limit == 0) {
            return new ArrayList<>();
        }
        String statement = paged(hql, params, limit, skip);
        if (!planned && suffix.isEmpty()) {
            return viaQueryApi(session, statement, params);
        }
        Optional<SelectPlan> plan = plan(session, statement, params);
        Object[] values = plan.isEmpty() ? null : plan.get().values(params);
        if (values == null) {
            if (!suffix.isEmpty()) {
                return null;
            }
            return viaQueryApi(session, statement, params);
        }
        SelectPlan sql = suffix.isEmpty() ? plan.get() : plan.get().withSuffix(suffix);
        SharedSessionContractImplementor shared = (SharedSessionContractImplementor) session;
        try {
            return reported(statement, sql, () -> session.doReturningWork(connection -> sql.run(connection, values, shared)));
        } finally {
            // As after Hibernate's own queries: outside a transaction the connection goes back to the pool right away,
            // so that includes running meanwhile on other threads find one.
            shared.afterOperation(true);
        }
    }

    /**
     * The plan kept for {@code hql} (without limit and offset) with the list sizes of {@code params}, if it runs without a
     * session ({@link SelectPlan#sessionFree}); null when none is kept yet or the shape has none: the caller then
     * selects with {@link #tuples} on a session.
     */
    SelectPlan sessionFreePlan(String hql, QueryParameters params) {
        if (!planned) {
            return null;
        }
        Optional<SelectPlan> plan = plans.get(shapeKey(hql, params));
        return plan == null || plan.isEmpty() || !plan.get().sessionFree() ? null : plan.get();
    }

    /** A plan of {@link #sessionFreePlan}, the text it was kept for and the values to bind to it. */
    record Kept(String hql, SelectPlan plan, Object[] values) {
    }

    /**
     * Runs a kept plan on {@code connection}, outside any Hibernate session: its values bound and its columns read with
     * the factory's own options (which have no session: only plans whose types never ask for one run here, see
     * {@link SelectPlan#sessionFree}). Logged, inspected and counted as {@link #tuples} does.
     */
    List<Object[]> run(Kept kept, java.sql.Connection connection) {
        sessionFreeRuns.increment();
        return reported(kept.hql(), kept.plan(), () -> {
            try {
                return kept.plan().run(connection, kept.values(), factory.getWrapperOptions());
            } catch (java.sql.SQLException e) {
                throw factory.getJdbcServices().getSqlExceptionHelper().convert(e, "could not execute query", kept.plan().sql());
            }
        });
    }

    /** Runs a plan's statement as Hibernate's own: in its SQL log, through the statement inspector, in its statistics. */
    private List<Object[]> reported(String statement, SelectPlan sql, java.util.function.Supplier<List<Object[]>> run) {
        announce(sql);
        StatisticsImplementor statistics = factory.getStatistics();
        boolean counted = statistics.isStatisticsEnabled();
        long start = counted ? System.nanoTime() : 0;
        List<Object[]> rows = run.get();
        if (counted) {
            // Hibernate's statistics (and the hibernate.* meters bound to them) count these as its own queries.
            statistics.prepareStatement();
            statistics.closeStatement();
            statistics.queryExecuted(statement, rows.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return rows;
    }

    /**
     * An open forward-only cursor over the rows of {@code hql} (its limit and offset already in it), on the session's
     * connection; null when the shape has no plan, and the caller reads through Hibernate's query API instead.
     */
    SelectPlan.Cursor cursor(StatelessSession session, String hql, QueryParameters params, int fetchSize) {
        if (!planned) {
            return null;
        }
        Optional<SelectPlan> plan = plan(session, hql, params);
        Object[] values = plan.isEmpty() ? null : plan.get().values(params);
        if (values == null) {
            return null;
        }
        announce(plan.get());
        SharedSessionContractImplementor shared = (SharedSessionContractImplementor) session;
        return session.doReturningWork(connection -> plan.get().open(connection, values, shared, fetchSize));
    }

    /**
     * Hands a plan's SQL to Hibernate's SQL log and, since it runs on a connection of its own and so reaches no
     * statement inspector, to the configured one ({@link SqlLog}).
     */
    private void announce(SelectPlan sql) {
        factory.getJdbcServices().getSqlStatementLogger().logStatement(sql.sql());
        factory.getSessionFactoryOptions().getStatementInspector().inspect(sql.sql());
    }

    /** The kept plan of a statement's shape, translated on first use. */
    private Optional<SelectPlan> plan(StatelessSession session, String statement, QueryParameters params) {
        String key = shapeKey(statement, params);
        Optional<SelectPlan> plan = plans.get(key);
        if (plan == null) {
            plan = Optional.ofNullable(translate(session, statement, params));
            if (plans.size() >= capacity) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan;
    }

    private List<Object[]> viaQueryApi(StatelessSession session, String statement, QueryParameters params) {
        queryApiRuns.increment();
        return params.bindTo(session.createSelectionQuery(statement, Object[].class)).getResultList();
    }

    /**
     * {@code hql} with its limit and offset as parameters. A text holds as many placeholders as it has values, so the
     * paged text of one HQL text is always the same: it is made once (kept statements hand the same instance to every
     * call, whose hash is then computed once too).
     */
    private String paged(String hql, QueryParameters params, int limit, int skip) {
        if (limit < 0 && skip <= 0) {
            return hql;
        }
        if (limit >= 0) {
            params.bind(limit);
        }
        if (skip > 0) {
            params.bind(skip);
        }
        Map<String, String> texts = limit < 0 ? offsetTexts : skip > 0 ? limitOffsetTexts : limitTexts;
        String text = texts.get(hql);
        if (text == null) {
            int next = params.size() - (limit >= 0 ? 1 : 0) - (skip > 0 ? 1 : 0);
            StringBuilder out = new StringBuilder(hql.length() + 32).append(hql);
            if (limit >= 0) {
                out.append(" limit :").append(params.name(next++));
            }
            if (skip > 0) {
                out.append(" offset :").append(params.name(next));
            }
            text = out.toString();
            if (texts.size() >= capacity) {
                texts.clear();
            }
            texts.put(hql, text);
        }
        return text;
    }

    /** The HQL plus the size of each list parameter: an IN list of 3 and one of 4 are different SQL. */
    private static String shapeKey(String hql, QueryParameters params) {
        StringBuilder key = null;
        for (int position = 0; position < params.size(); position++) {
            int arity = SelectPlan.arity(params.value(position));
            if (arity >= 0) {
                if (key == null) {
                    key = new StringBuilder(hql.length() + 16).append(hql).append('#');
                }
                key.append(arity).append(',');
            }
        }
        return key == null ? hql : key.toString();
    }

    /** Hibernate's translation of the shape, or null when it cannot be reused as it is. */
    private SelectPlan translate(StatelessSession session, String hql, QueryParameters params) {
        var query = params.bindTo(session.createSelectionQuery(hql, Object[].class));
        if (!(query instanceof SqmSelectionQueryImpl<?> sqmQuery)) {
            return null;
        }
        DomainParameterXref xref = sqmQuery.getDomainParameterXref();
        try {
            SqmTranslation<SelectStatement> translation = factory.getQueryEngine().getSqmTranslatorFactory()
                    .createSelectTranslator(sqmQuery.getSqmStatement(), sqmQuery.getQueryOptions(), xref,
                            sqmQuery.getQueryParameterBindings(), ((SharedSessionContractImplementor) session).getLoadQueryInfluencers(),
                            factory.getSqlTranslationEngine(), true)
                    .translate();
            var jdbcParamsXref = SqmUtil.generateJdbcParamsXref(xref, translation::getJdbcParamsBySqmParam);
            JdbcParameterBindings bindings = SqmUtil.createJdbcParameterBindings(sqmQuery.getQueryParameterBindings(), xref,
                    jdbcParamsXref, new SqmParameterMappingModelResolutionAccess() {
                        @Override
                        @SuppressWarnings("unchecked")
                        public <T> MappingModelExpressible<T> getResolvedMappingModelType(SqmParameter<T> parameter) {
                            return (MappingModelExpressible<T>) translation.getSqmParameterMappingModelTypeResolutions().get(parameter);
                        }
                    }, (SharedSessionContractImplementor) session);
            JdbcSelect select = factory.getJdbcServices().getJdbcEnvironment().getSqlAstTranslatorFactory()
                    .buildSelectTranslator(factory, translation.getSqlAst())
                    .translate(bindings, sqmQuery.getQueryOptions());
            if (select.dependsOnParameterBindings() || select.usesLimitParameters() || select.getRowsToSkip() != 0
                    || select.getMaxRows() != Integer.MAX_VALUE || select.getLockStrategy() != JdbcLockStrategy.NONE) {
                return rejected(hql, "its SQL depends on the bound values");
            }
            List<SelectPlan.Slot> slots = slots(select, slotsByParameter(xref, jdbcParamsXref, params), bindings, params,
                    (SharedSessionContractImplementor) session);
            List<JdbcMapping> mappings = new ArrayList<>();
            List<SelectPlan.Column> columns = columns(translation.getSqlAst(), mappings);
            if (slots == null || columns == null) {
                return rejected(hql, "Hibernate binds or reads it in a way plans do not reproduce");
            }
            slots.forEach(slot -> mappings.add(slot.mapping()));
            boolean sessionFree = mappings.stream().allMatch(SelectPlans::sessionFree);
            return new SelectPlan(select.getSqlString(), slots, columns, factory.getSessionFactoryOptions().getJdbcFetchSize(), planned,
                    sessionFree);
        } finally {
            xref.clearExpansions();
        }
    }

    /**
     * Which named parameter, and which element of a list parameter, each JDBC parameter stands for; mirrors how
     * Hibernate spreads a list parameter over the expansions of its SQM parameter.
     */
    private static Map<JdbcParameter, SelectPlan.Slot> slotsByParameter(DomainParameterXref xref,
            Map<QueryParameterImplementor<?>, Map<SqmParameter<?>, List<JdbcParametersList>>> jdbcParamsXref, QueryParameters params) {
        Map<JdbcParameter, SelectPlan.Slot> out = new IdentityHashMap<>();
        xref.getQueryParameters().forEach((queryParameter, sqmParameters) -> {
            int position = params.position(queryParameter.getName());
            Map<SqmParameter<?>, List<JdbcParametersList>> jdbcParams = jdbcParamsXref.get(queryParameter);
            if (position < 0 || jdbcParams == null) {
                return;
            }
            int arity = SelectPlan.arity(params.value(position));
            for (SqmParameter<?> sqmParameter : sqmParameters) {
                List<JdbcParametersList> uses = jdbcParams.get(sqmParameter);
                if (uses == null) {
                    continue;
                }
                put(out, uses, position, arity < 0 ? -1 : 0);
                if (arity > 1) {
                    List<SqmParameter<?>> expansions = xref.getExpansions(sqmParameter);
                    int expansionCount = arity - 1;
                    for (int element = 0; element < expansionCount; element++) {
                        for (int use = 0; use < uses.size(); use++) {
                            List<JdbcParametersList> expanded = jdbcParams.get(expansions.get(element + use * expansionCount));
                            if (expanded != null) {
                                put(out, expanded, position, element + 1);
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    private static void put(Map<JdbcParameter, SelectPlan.Slot> out, List<JdbcParametersList> uses, int parameter, int element) {
        for (JdbcParametersList list : uses) {
            for (int i = 0; i < list.size(); i++) {
                out.put(list.get(i), new SelectPlan.Slot(parameter, element, null, null));
            }
        }
    }

    /**
     * The slot of each JDBC position, typed as Hibernate bound it the first time; null unless every position is one
     * of the named parameters and its value, as the plan would bind it, equals the value Hibernate bound.
     */
    private static List<SelectPlan.Slot> slots(JdbcSelect select, Map<JdbcParameter, SelectPlan.Slot> byParameter,
                                               JdbcParameterBindings bindings, QueryParameters params, WrapperOptions options) {
        List<SelectPlan.Slot> slots = new ArrayList<>();
        for (JdbcParameterBinder binder : select.getParameterBinders()) {
            if (!(binder instanceof JdbcParameter parameter)) {
                return null;
            }
            SelectPlan.Slot slot = byParameter.get(parameter);
            JdbcParameterBinding binding = bindings.getBinding(parameter);
            if (slot == null || binding == null || binding.getBindType() == null) {
                return null;
            }
            Object raw = slot.raw(params);
            SelectPlan.Slot typed = new SelectPlan.Slot(slot.parameter(), slot.element(), binding.getBindType(), raw == null ? null : raw.getClass());
            if (!Objects.deepEquals(typed.value(raw, options), binding.getBindValue())) {
                return null;
            }
            slots.add(typed);
        }
        return slots;
    }

    /**
     * JDBC types whose binders and extractors never ask their options for a session (only LOBs, arrays, structs and XML
     * do): a plan of these alone can run on a pooled connection with the factory's options, see {@link #run}. The
     * engine's own types (its timestamps as text) are of this kind too.
     */
    private static final Set<Class<?>> SESSION_FREE = Set.of(VarcharJdbcType.class, CharJdbcType.class, NVarcharJdbcType.class,
            NCharJdbcType.class, LongVarcharJdbcType.class, LongNVarcharJdbcType.class, IntegerJdbcType.class, BigIntJdbcType.class,
            SmallIntJdbcType.class, TinyIntJdbcType.class, TinyIntAsSmallIntJdbcType.class, BooleanJdbcType.class, DoubleJdbcType.class,
            FloatJdbcType.class, RealJdbcType.class, NumericJdbcType.class, DecimalJdbcType.class, DateJdbcType.class, TimeJdbcType.class,
            TimestampJdbcType.class, TimestampUtcAsInstantJdbcType.class, TimestampUtcAsJdbcTimestampJdbcType.class,
            TimestampUtcAsOffsetDateTimeJdbcType.class, TimestampWithTimeZoneJdbcType.class, InstantJdbcType.class,
            InstantAsTimestampJdbcType.class, InstantAsTimestampWithTimeZoneJdbcType.class, LocalDateJdbcType.class,
            LocalDateTimeJdbcType.class, LocalTimeJdbcType.class, OffsetDateTimeJdbcType.class, UUIDJdbcType.class,
            VarcharUUIDJdbcType.class, UuidAsBinaryJdbcType.class, VarbinaryJdbcType.class, BinaryJdbcType.class, EnumJdbcType.class,
            OrdinalEnumJdbcType.class);

    /** The engine's own types, by package: on the class path the engine and Hibernate share one (unnamed) module. */
    private static final String ENGINE_TYPES = "dev.ignis.engine.";

    /**
     * Whether binding and reading {@code mapping} never asks for a session: a JDBC type of {@link #SESSION_FREE} (or the
     * engine's own), and a Java type that is no LOB, XML, struct or array handle (wrapping those needs a LOB creator,
     * whatever the column's JDBC type).
     */
    private static boolean sessionFree(JdbcMapping mapping) {
        Class<?> jdbcType = mapping.getJdbcType().getClass();
        Class<?> javaType = mapping.getJavaTypeDescriptor().getJavaTypeClass();
        boolean handle = java.sql.Blob.class.isAssignableFrom(javaType) || java.sql.Clob.class.isAssignableFrom(javaType)
                || java.sql.SQLXML.class.isAssignableFrom(javaType) || java.sql.Struct.class.isAssignableFrom(javaType)
                || java.sql.Array.class.isAssignableFrom(javaType);
        return !handle && (SESSION_FREE.contains(jdbcType) || jdbcType.getName().startsWith(ENGINE_TYPES));
    }

    /**
     * One column per select item, if every item is a plain value Hibernate reads without coercion; {@code mappings}
     * gets each column's JDBC mapping.
     */
    private static List<SelectPlan.Column> columns(SelectStatement ast, List<JdbcMapping> mappings) {
        List<SqlSelection> selections = ast.getQuerySpec().getSelectClause().getSqlSelections();
        List<SelectPlan.Column> columns = new ArrayList<>();
        for (DomainResult<?> result : ast.getDomainResultDescriptors()) {
            if (!(result instanceof BasicResult<?> basic) || basic.getAssembler().getClass() != BasicResultAssembler.class) {
                return null;
            }
            BitSet positions = new BitSet();
            basic.collectValueIndexesToCache(positions);
            if (positions.cardinality() != 1) {
                return null;
            }
            int position = positions.nextSetBit(0);
            SqlSelection selection = selections.stream().filter(s -> s.getValuesArrayPosition() == position).findFirst().orElse(null);
            if (selection == null) {
                return null;
            }
            BasicValueConverter<?, ?> converter = ((BasicResultAssembler<?>) basic.getAssembler()).getValueConverter();
            JdbcMapping mapping = selection.getExpressionType().getSingleJdbcMapping();
            mappings.add(mapping);
            columns.add(new SelectPlan.Column(selection.getJdbcResultSetIndex(), selection.getJdbcValueExtractor(), converter,
                    converter == null ? directRead(mapping) : SelectPlan.Read.EXTRACTOR));
        }
        return columns;
    }

    /** The direct read for a mapping whose extractor is one plain {@code ResultSet} call (exact classes only). */
    private static SelectPlan.Read directRead(JdbcMapping mapping) {
        Class<?> jdbcType = mapping.getJdbcType().getClass();
        JavaType<?> javaType = mapping.getJavaTypeDescriptor();
        if (jdbcType == VarcharJdbcType.class && javaType.getClass() == StringJavaType.class) {
            return SelectPlan.Read.TEXT;
        }
        if (javaType.getClass() == InstantJavaType.class) {
            if (jdbcType == TimestampUtcAsInstantJdbcType.class) {
                return SelectPlan.Read.INSTANT;
            }
            if (jdbcType == TimestampWithTimeZoneJdbcType.class) {
                return SelectPlan.Read.OFFSET_INSTANT;
            }
        }
        return SelectPlan.Read.EXTRACTOR;
    }

    private static SelectPlan rejected(String hql, String why) {
        LOG.debug("Select runs through Hibernate's query API each time, {}: {}", why, hql);
        return null;
    }
}
