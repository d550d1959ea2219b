package dev.ignis.engine.internal.include;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.EngineSettings;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.execute.StartedDataSource;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationKind;
import dev.ignis.engine.internal.relation.RelationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders conditions on related rows ({@code "creator.name": "x"}, any depth): an {@code EXISTS} subquery when the
 * related model lives on the same datasource; otherwise a two-phase lookup that collects the matching keys on the
 * related model's datasource (at most {@link EngineSettings#maxRelatedKeys()}) and filters the parents by them.
 */
public final class RelatedConditionRenderer implements QueryCompiler.RelatedConditions {
    private final StartedDataSource dataSource;
    private final RelationRegistry registry;
    private final EngineSettings settings;

    public RelatedConditionRenderer(StartedDataSource dataSource, RelationRegistry registry, EngineSettings settings) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public boolean isRelation(ModelDescriptor model, String relation) {
        return registry.relations(model.modelClass()).containsKey(relation);
    }

    @Override
    public String condition(ModelDescriptor model, String alias, String relationName, Where.Condition condition, QueryParameters params) {
        RelationDescriptor relation = registry.require(model, relationName, condition.path());
        checkHops(model, condition);
        ModelDescriptor target = registry.model(relation.target());
        Where inner = new Where.Condition(condition.field().substring(relationName.length() + 1), condition.operator(),
                condition.value(), condition.path());
        // Related rows hidden by their model's default filter do not match.
        Where targetWhere = inner.and(target.defaultFilter().where());
        String sourceKey = alias + "." + model.attribute(relation.sourceKey()).hqlPath();
        StartedDataSource targetSource = registry.owner(relation.target());
        boolean local = targetSource == dataSource
                && (relation.kind() != RelationKind.MANY_THROUGH || registry.owner(relation.junction()) == dataSource);
        if (local) {
            String r = params.nextAlias();
            String targetKey = r + "." + target.attribute(relation.targetKey()).hqlPath();
            String where = dataSource.compiler().where(target, targetWhere, params, r);
            if (relation.kind() == RelationKind.MANY_THROUGH) {
                ModelDescriptor junction = registry.model(relation.junction());
                String j = params.nextAlias();
                return "exists (select 1 from " + junction.entityName() + " " + j + ", " + target.entityName() + " " + r
                        + " where " + j + "." + junction.attribute(relation.junctionSourceKey()).hqlPath() + " = " + sourceKey
                        + " and " + targetKey + " = " + j + "." + junction.attribute(relation.junctionTargetKey()).hqlPath()
                        + " and " + where + ")";
            }
            return "exists (select 1 from " + target.entityName() + " " + r + " where " + targetKey + " = " + sourceKey
                    + " and " + where + ")";
        }
        List<Object> keys = collectKeys(relation, target, targetSource, targetWhere, condition.path());
        if (keys.isEmpty()) {
            return "1 = 0";
        }
        return sourceKey + " in (" + params.bind(keys) + ")";
    }

    /** Related-field keys may cross as many relations as includes may nest, no more. */
    private void checkHops(ModelDescriptor model, Where.Condition condition) {
        String[] segments = condition.field().split("\\.");
        ModelDescriptor current = model;
        int hops = 0;
        for (String segment : segments) {
            RelationDescriptor next = registry.relations(current.modelClass()).get(segment);
            if (next == null) {
                break;
            }
            if (++hops > settings.maxIncludeDepth()) {
                throw new FilterException(condition.path(), "'" + condition.field() + "' crosses more than " + settings.maxIncludeDepth()
                        + " relations");
            }
            current = registry.model(next.target());
        }
    }

    /** Phase one of a cross-datasource condition: the source-side key values whose related rows match. */
    private List<Object> collectKeys(RelationDescriptor relation, ModelDescriptor target, StartedDataSource targetSource,
                                     Where targetWhere, String path) {
        if (StartedDataSource.inTransaction() && !settings.crossDataSourceReadsInTransaction()) {
            throw new TransactionException("Condition '" + path + "' reads datasource " + targetSource.name()
                    + " inside a transaction of datasource " + dataSource.name() + "; allow it with"
                    + " Engine.builder().allowCrossDataSourceReadsInTransaction(true)");
        }
        List<Object> targetKeys = distinctKeys(targetSource, target, relation.targetKey(), targetWhere, path);
        if (relation.kind() != RelationKind.MANY_THROUGH || targetKeys.isEmpty()) {
            return targetKeys;
        }
        ModelDescriptor junction = registry.model(relation.junction());
        Where viaJunction = Where.in(relation.junctionTargetKey(), targetKeys);
        return distinctKeys(registry.owner(relation.junction()), junction, relation.junctionSourceKey(), viaJunction, path);
    }

    private List<Object> distinctKeys(StartedDataSource ds, ModelDescriptor model, String key, Where where, String path) {
        QueryParameters params = new QueryParameters();
        String condition = ds.compiler().where(model, where, params, "k");
        String hql = "select distinct k." + model.attribute(key).hqlPath() + " from " + model.entityName() + " k"
                + (condition.isEmpty() ? "" : " where " + condition);
        int max = settings.maxRelatedKeys();
        List<Object> keys = ds.readDetached(session -> ds.statement(null, model.name(), "related-where", "cross-datasource", () -> {
            return ds.selectValues(session, hql, params, max + 1);
        }));
        if (keys.size() > max) {
            throw new FilterException(path, "matches more than " + max + " related rows on datasource " + ds.name()
                    + "; narrow the condition or raise Engine.builder().maxRelatedKeys(...)");
        }
        Set<Object> distinct = new LinkedHashSet<>(keys);
        distinct.remove(null);
        return new ArrayList<>(distinct);
    }
}
