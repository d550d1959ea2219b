package dev.ignis.api.repository;

/** Which rows of a soft-delete model a read sees. Models without soft delete ignore it. */
public enum DeletedRows {
    /** Rows not deleted (the default). */
    LIVE,
    /** Live and soft-deleted rows. */
    WITH_DELETED,
    /** Soft-deleted rows only. */
    ONLY_DELETED
}
