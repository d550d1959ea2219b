package dev.ignis.conformance.model;

/**
 * Status of a {@link Person}. Declared deliberately out of alphabetical order, so that sorting by the stored
 * names (the filter language's meaning) and sorting by declaration order (a native ENUM column) differ.
 */
public enum PersonStatus {
    PENDING,
    ACTIVE,
    BLOCKED
}
