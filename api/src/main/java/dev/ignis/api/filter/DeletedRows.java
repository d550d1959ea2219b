package dev.ignis.api.filter;

/**
 * Which rows of a soft-delete model a read sees: asked for with {@code QueryOptions} (models without soft delete ignore it
 * there) or in the filter ({@link Filter#deleted(DeletedRows)}, {@code "withDeleted"}/{@code "onlyDeleted"} in JSON; there
 * a model without soft delete is an error).
 */
public enum DeletedRows {
    /** Rows not deleted (the default). */
    LIVE,
    /** Live and soft-deleted rows. */
    WITH_DELETED,
    /** Soft-deleted rows only. */
    ONLY_DELETED
}
