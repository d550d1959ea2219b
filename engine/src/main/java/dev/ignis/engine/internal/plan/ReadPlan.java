package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.RowLock;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;

import java.util.List;

/**
 * Everything a read will do, decided before its first statement: the key lookups its where needs (in
 * {@code where}), the root statement on {@code dataSource} with its joins, and the include steps level by level.
 * {@code limit} {@link #NO_LIMIT} means none ({@code byId}: the where fixes the id; a stream). {@code lock} (or null)
 * locks the root rows: the root statement then joins nothing, its includes are steps read without a lock. Immutable.
 */
public record ReadPlan(ModelDescriptor model, String dataSource, Filter filter, WherePlan where, boolean byId, int limit,
                       int skip, RowLock lock, RowReader reader, List<JoinStep> joins, List<IncludeStep> includes) {
    public static final int NO_LIMIT = -1;
}
