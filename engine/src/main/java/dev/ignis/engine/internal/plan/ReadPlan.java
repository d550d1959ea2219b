package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Filter;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;

import java.util.List;

/**
 * Everything a read will do, decided before its first statement: the key lookups its where needs (in
 * {@code where}), the root statement on {@code dataSource} with its joins, and the include steps level by level.
 * {@code limit} {@link #NO_LIMIT} means none ({@code byId}: the where fixes the id). Immutable.
 */
public record ReadPlan(ModelDescriptor model, String dataSource, Filter filter, WherePlan where, boolean byId, int limit,
                       int skip, RowReader reader, List<JoinStep> joins, List<IncludeStep> includes) {
    public static final int NO_LIMIT = -1;
}
