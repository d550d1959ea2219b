package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Filter;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import dev.ignis.engine.internal.relation.RelationDescriptor;

import java.util.List;

/**
 * A to-one include answered inside the statement that reads its parents: {@code left join <target> <alias> on
 * <alias>.<targetKey> = <parent>.<sourceKey> [and <scope where>]}. Its own same-datasource to-ones are joined too
 * ({@code joins}); {@code includes} run after the statement, on the joined rows.
 */
public record JoinStep(String path, RelationDescriptor relation, ModelDescriptor target, Filter scope, WherePlan where,
                       String alias, RowReader reader, List<JoinStep> joins, List<IncludeStep> includes) {

    /** The joined rows are kept only for their own includes or for properties to clear. */
    public boolean keepsRows() {
        return !includes.isEmpty() || !scope.fields().isAll() || !target.hidden().isEmpty();
    }
}
