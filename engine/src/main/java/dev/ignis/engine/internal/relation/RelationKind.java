package dev.ignis.engine.internal.relation;

/** The shapes of relation the seed knows: {@code one}, {@code many}, and many through a junction model. */
public enum RelationKind {
    ONE,
    MANY,
    MANY_THROUGH
}
