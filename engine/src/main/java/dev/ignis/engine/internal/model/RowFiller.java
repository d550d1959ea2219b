package dev.ignis.engine.internal.model;

/**
 * Creates one model instance from selected values: {@code row[offset]} is the id, the next values are the
 * properties of a fixed column list, in order. Implementations are generated per column list ({@link RowFillers}).
 */
public interface RowFiller {
    /** The filled instance, or null when the id is null (no row matched a left join). Null values are left unset. */
    Object fill(Object[] row, int offset);
}
