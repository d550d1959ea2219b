package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.plan.KeyLookup;
import dev.ignis.engine.internal.plan.WherePlan;
import dev.ignis.engine.settings.EngineSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the key lookups of a planned where, each on its datasource and before the statement that needs its keys, and
 * fills the keys into the where. A lookup the where depends on that finds nothing makes the statement unnecessary.
 */
final class RelatedKeyLookups {
    private final Map<String, StartedDataSource> dataSources;
    private final EngineSettings settings;

    RelatedKeyLookups(Map<String, StartedDataSource> dataSources, EngineSettings settings) {
        this.dataSources = dataSources;
        this.settings = settings;
    }

    /**
     * The where of a statement on {@code dataSource} with the keys of its lookups filled in (they run now, each on its
     * datasource), or null when a lookup the where depends on found nothing.
     */
    Where resolve(Observation.Call call, StartedDataSource dataSource, WherePlan where) {
        if (!where.hasLookups()) {
            return where.template();
        }
        List<List<Object>> keys = new ArrayList<>(where.lookups().size());
        for (KeyLookup lookup : where.lookups()) {
            List<Object> found = lookup(call, dataSource, lookup);
            if (found.isEmpty() && lookup.required()) {
                return null;
            }
            keys.add(found);
        }
        return where.fill(keys);
    }

    private List<Object> lookup(Observation.Call call, StartedDataSource statementSource, KeyLookup lookup) {
        StartedDataSource ds = dataSources.get(lookup.dataSource());
        if (StartedDataSource.inTransaction() && !settings.crossDataSourceReadsInTransaction()) {
            throw new TransactionException("Condition '" + lookup.path() + "' reads datasource " + ds.name()
                    + " inside a transaction of datasource " + statementSource.name() + "; allow it with"
                    + " Engine.builder().allowCrossDataSourceReadsInTransaction(true)");
        }
        Where where = resolve(call, ds, lookup.where());
        if (where == null) {
            return List.of();
        }
        QueryParameters params = new QueryParameters();
        ModelDescriptor model = lookup.model();
        String hql;
        if (lookup.joined() == null) {
            String condition = ds.compiler().where(model, where, params, "k");
            hql = "select distinct k." + model.attribute(lookup.key()).hqlPath() + " from " + model.entityName() + " k"
                    + (condition.isEmpty() ? "" : " where " + condition);
        } else {
            KeyLookup.Joined joined = lookup.joined();
            String condition = ds.compiler().where(joined.target(), where, params, "kt");
            String junctionCondition = ds.compiler().where(model, joined.junctionWhere(), params, "k");
            hql = "select distinct k." + model.attribute(lookup.key()).hqlPath() + " from " + model.entityName() + " k, "
                    + joined.target().entityName() + " kt where kt." + joined.target().attribute(joined.targetKey()).hqlPath()
                    + " = k." + model.attribute(joined.junctionKey()).hqlPath() + (condition.isEmpty() ? "" : " and " + condition)
                    + (junctionCondition.isEmpty() ? "" : " and " + junctionCondition);
        }
        int max = settings.maxRelatedKeys();
        List<Object> keys = ds.readDetached(Observation.routeOf(call), session -> ds.statement(call, model.name(), "related-where", "cross-datasource",
                () -> ds.selectValues(session, hql, params, max + 1)));
        if (keys.size() > max) {
            throw new FilterException(lookup.path(), "matches more than " + max + " related rows on datasource " + ds.name()
                    + "; narrow the condition or raise Engine.builder().maxRelatedKeys(...)");
        }
        Set<Object> distinct = new LinkedHashSet<>(keys);
        distinct.remove(null);
        return new ArrayList<>(distinct);
    }
}
