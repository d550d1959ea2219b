package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.compile.PerParentWindow;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import dev.ignis.engine.internal.relation.RelationDescriptor;

import java.util.List;

/**
 * One include of one level, fetched after its parents by one statement per chunk of parent keys (two for a
 * many-through whose junction and target live on different datasources). {@code relations}: the includes of the level
 * that read the same rows (creator and modifier) and share this step. {@code strategy} is what its statements report.
 * {@code junctionWhere}: the scope of a many-through's junction rows (tenant, soft delete), for the junction's alias.
 */
public record IncludeStep(String path, List<RelationDescriptor> relations, ModelDescriptor target, String dataSource,
                          Form form, ModelDescriptor junction, String junctionDataSource, String strategy, Filter scope,
                          WherePlan where, PerParentWindow window, RowReader reader, List<JoinStep> joins,
                          List<IncludeStep> includes, Where junctionWhere) {

    /** The statements of a step. */
    public enum Form {
        /** {@code select <target> where targetKey in (:keys)}, windowed per parent when the scope pages. */
        TARGETS,
        /** Junction joined with the target in one statement on the datasource they share. */
        THROUGH_JOINED,
        /** The junction rows on theirs, then the targets on theirs; the window is cut in memory. */
        THROUGH_SPLIT
    }

    public RelationDescriptor relation() {
        return relations.get(0);
    }

    /** Whether every statement of this step runs on {@code parentDataSource}. */
    public boolean runsOn(String parentDataSource) {
        return dataSource.equals(parentDataSource) && (form != Form.THROUGH_SPLIT || junctionDataSource.equals(parentDataSource));
    }
}
