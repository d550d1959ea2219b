package dev.ignis.engine.internal.compile;

import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationKind;
import dev.ignis.engine.internal.relation.RelationRegistry;

/**
 * Renders conditions on related rows ({@code "comments.body": "x"}, any depth) whose rows live on the statement's own
 * datasource, as an {@code EXISTS} subquery. Hops onto another datasource never reach this class: the read planner
 * turns them into key lookups that run before the statement, and leaves a {@link RelatedKeys} condition in their
 * place. Runs no SQL.
 */
public final class RelatedConditionRenderer implements QueryCompiler.RelatedConditions {
    private final String dataSource;
    private final RelationRegistry registry;
    private final QueryCompiler compiler;

    public RelatedConditionRenderer(String dataSource, RelationRegistry registry, QueryCompiler compiler) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.compiler = compiler;
    }

    @Override
    public boolean isRelation(ModelDescriptor model, String relation) {
        return registry.relations(model.modelClass()).containsKey(relation);
    }

    @Override
    public String condition(ModelDescriptor model, String alias, String relationName, Where.Condition condition, QueryParameters params) {
        RelationDescriptor relation = registry.require(model, relationName, condition.path());
        ModelDescriptor target = registry.model(relation.target());
        Where inner = new Where.Condition(condition.field().substring(relationName.length() + 1), condition.operator(),
                condition.value(), condition.path());
        // Related rows hidden by their model's default filter do not match.
        return exists(model, alias, relationName, new RelatedRows(inner.and(target.defaultFilter().where()), Where.empty()),
                condition.path(), params);
    }

    @Override
    public String exists(ModelDescriptor model, String alias, String relationName, RelatedRows rows, String path, QueryParameters params) {
        RelationDescriptor relation = registry.require(model, relationName, path);
        if (!isLocal(registry, relation, dataSource)) {
            throw new IllegalStateException("'" + relationName + "' reaches another datasource; the read planner turns it into a key lookup");
        }
        ModelDescriptor target = registry.model(relation.target());
        String sourceKey = alias + "." + model.attribute(relation.sourceKey()).hqlPath();
        String r = params.nextAlias();
        String targetKey = r + "." + target.attribute(relation.targetKey()).hqlPath();
        String where = compiler.where(target, rows.target(), params, r);
        if (relation.kind() == RelationKind.MANY_THROUGH) {
            ModelDescriptor junction = registry.model(relation.junction());
            String j = params.nextAlias();
            String junctionWhere = compiler.where(junction, rows.junction(), params, j);
            return "exists (select 1 from " + junction.entityName() + " " + j + ", " + target.entityName() + " " + r
                    + " where " + j + "." + junction.attribute(relation.junctionSourceKey()).hqlPath() + " = " + sourceKey
                    + " and " + targetKey + " = " + j + "." + junction.attribute(relation.junctionTargetKey()).hqlPath()
                    + " and " + where + (junctionWhere.isEmpty() ? "" : " and " + junctionWhere) + ")";
        }
        return "exists (select 1 from " + target.entityName() + " " + r + " where " + targetKey + " = " + sourceKey
                + " and " + where + ")";
    }

    /** Whether every row {@code relation} touches (target, and junction for many-through) lives on {@code dataSource}. */
    public static boolean isLocal(RelationRegistry registry, RelationDescriptor relation, String dataSource) {
        return dataSource.equals(registry.owner(relation.target()))
                && (relation.kind() != RelationKind.MANY_THROUGH || dataSource.equals(registry.owner(relation.junction())));
    }
}
