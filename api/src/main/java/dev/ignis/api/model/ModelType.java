package dev.ignis.api.model;

/** What a model maps: a table that can be written, or a view that is only read. */
public enum ModelType {
    ENTITY,
    /** Read-only: repositories refuse writes and the schema action never creates it as a table. */
    VIEW
}
