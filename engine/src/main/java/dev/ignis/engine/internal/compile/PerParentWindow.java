package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;

/**
 * The rows {@code skip < position <= skip + limit} of each parent, in one statement for every parent: the related rows
 * are numbered per parent with {@code row_number()} and the statement keeps those inside the window. The one place
 * that writes this window, and the one place that checks a scope's {@code limit} and {@code skip}.
 */
public record PerParentWindow(int skip, int limit) {

    /** Checks a scope's {@code limit} (0 to {@code maxLimit}) and {@code skip} (at least 0); {@code path} names the scope. */
    public static void check(Filter scope, int maxLimit, String path) {
        if (scope.limit() != null && (scope.limit() < 0 || scope.limit() > maxLimit)) {
            throw new FilterException(path + ".limit", "must be between 0 and " + maxLimit + ", got " + scope.limit());
        }
        if (scope.skip() != null && scope.skip() < 0) {
            throw new FilterException(path + ".skip", "must be at least 0, got " + scope.skip());
        }
    }

    /** The window a scope asks for, or null when it keeps every related row. */
    public static PerParentWindow of(Filter scope, int maxLimit, String path) {
        check(scope, maxLimit, path);
        boolean skips = scope.skip() != null && scope.skip() > 0;
        if (scope.limit() == null && !skips) {
            return null;
        }
        return new PerParentWindow(skips ? scope.skip() : 0, scope.limit() == null ? maxLimit : scope.limit());
    }

    /**
     * {@code rowId in (select w.rowId from (select <rowIdSource> as rowId, row_number() over (partition by <partition>
     * <order>) as position <fromWhere>) w where w.position > :skip and w.position <= :end)}.
     */
    public String rowsIn(String rowId, String rowIdSource, String partition, String order, String fromWhere, QueryParameters params) {
        return rowId + " in (select w.rowId from (select " + rowIdSource + " as rowId, row_number() over (partition by " + partition
                + order + ") as position" + fromWhere + ") w where w.position > " + params.bind(skip) + " and w.position <= "
                + params.bind(skip + limit) + ")";
    }
}
