package dev.ignis.api.spi;

/**
 * How a database reads "the first N related rows of each parent" (an include whose scope has a {@code limit} or
 * {@code skip}) in one statement. A driver picks the form its database plans well; see
 * {@link DriverPlugin#perParentForm()}.
 */
public enum PerParentForm {
    /**
     * Numbers every related row of the parents with {@code row_number() over (partition by key order by ...)} and keeps
     * the window. Runs everywhere; its cost grows with all the related rows of the parents, not with what it returns.
     */
    WINDOW,
    /**
     * One limited select per parent key ({@code where key = ? order by ... limit ? offset ?}), the selects joined with
     * {@code union all}: each reads at most {@code skip + limit} rows through an index on the key and order columns.
     */
    UNION_ALL
}
