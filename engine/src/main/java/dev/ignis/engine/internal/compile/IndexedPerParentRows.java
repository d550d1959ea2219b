package dev.ignis.engine.internal.compile;

import java.util.List;

/**
 * The row ids of a per-parent window read key by key: one limited select per parent key, joined with
 * {@code union all}. Each select reads at most {@code skip + limit} rows through an index on (key, order columns),
 * however many related rows its parent has.
 */
final class IndexedPerParentRows {
    private IndexedPerParentRows() {
    }

    /**
     * {@code select w.rowId from ((select ... where key = :k0 ... limit :n offset :s) union all (...)) w}; the derived
     * table also keeps MariaDB from refusing a {@code limit} inside {@code in (...)}. The limit, the offset and the
     * scope's values are bound once and named again in every branch.
     */
    static String ids(PerParentWindow window, PerParentWindow.Rows rows, List<Object> keys, QueryParameters params) {
        String limit = " limit " + params.bind(window.limit()) + " offset " + params.bind(window.skip());
        StringBuilder union = new StringBuilder("select w.rowId from (");
        for (int i = 0; i < keys.size(); i++) {
            union.append(i == 0 ? "(" : " union all (").append("select ").append(rows.rowIdSource()).append(" as rowId")
                    .append(rows.from()).append(rows.where(rows.key() + " = " + params.bind(keys.get(i)))).append(rows.order())
                    .append(limit).append(')');
        }
        return union.append(") w").toString();
    }
}
