package dev.ignis.api.spi;

/** The kind of a model attribute, as far as filter operators and their rendering care. */
public enum ValueKind {
    STRING,
    NUMBER,
    TEMPORAL,
    BOOLEAN,
    UUID,
    ENUM,
    JSON,
    ARRAY,
    BINARY,
    OTHER
}
