package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.spi.PerParentForm;

import java.util.List;

/**
 * The rows {@code skip < position <= skip + limit} of each parent, in one statement for every parent, written in the
 * {@link PerParentForm} the target's driver chose: numbered per parent with {@code row_number()}, or read per key
 * through the index ({@link IndexedPerParentRows}). The one place that writes this window, and the one place that
 * checks a scope's {@code limit} and {@code skip}.
 */
public record PerParentWindow(int skip, int limit, PerParentForm form) {

    /** Checks a scope's {@code limit} (0 to {@code maxLimit}) and {@code skip} (at least 0); {@code path} names the scope. */
    public static void check(Filter scope, int maxLimit, String path) {
        if (scope.limit() != null && (scope.limit() < 0 || scope.limit() > maxLimit)) {
            throw new FilterException(path + ".limit", "must be between 0 and " + maxLimit + ", got " + scope.limit());
        }
        if (scope.skip() != null && scope.skip() < 0) {
            throw new FilterException(path + ".skip", "must be at least 0, got " + scope.skip());
        }
    }

    /** The window a scope asks for, written in {@code form}, or null when the scope keeps every related row. */
    public static PerParentWindow of(Filter scope, int maxLimit, String path, PerParentForm form) {
        check(scope, maxLimit, path);
        boolean skips = scope.skip() != null && scope.skip() > 0;
        if (scope.limit() == null && !skips) {
            return null;
        }
        return new PerParentWindow(skips ? scope.skip() : 0, scope.limit() == null ? maxLimit : scope.limit(), form);
    }

    /**
     * The related rows of one parent, before the window: {@code select <rowIdSource> <from> where <key> = <parent key>
     * [and <scopeCondition>] <order>}. {@code from} names the alias {@code key}, {@code rowIdSource} and the scope use;
     * {@code scopeCondition} is empty or already bound, and may be repeated once per key.
     */
    public record Rows(String rowIdSource, String from, String key, String scopeCondition, String order) {
        String where(String keyCondition) {
            return " where " + keyCondition + (scopeCondition.isEmpty() ? "" : " and " + scopeCondition);
        }
    }

    /**
     * {@code rowId in (...)}: the row ids inside the window of each of {@code keys}. The window form numbers every
     * related row: {@code select w.rowId from (select <rowIdSource> as rowId, row_number() over (partition by <key>
     * <order>) as position <from> where <key> in (:keys) ...) w where w.position > :skip and w.position <= :end}.
     */
    public String rowsIn(String rowId, Rows rows, List<Object> keys, QueryParameters params) {
        if (form != PerParentForm.WINDOW) {
            return rowId + " in (" + IndexedPerParentRows.ids(this, rows, keys, params) + ")";
        }
        String fromWhere = rows.from() + rows.where(rows.key() + " in (" + params.bind(keys) + ")");
        return rowId + " in (select w.rowId from (select " + rows.rowIdSource() + " as rowId, row_number() over (partition by "
                + rows.key() + rows.order() + ") as position" + fromWhere + ") w where w.position > " + params.bind(skip)
                + " and w.position <= " + params.bind(skip + limit) + ")";
    }
}
