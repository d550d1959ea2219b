package dev.ignis.engine.internal.compile;

import dev.ignis.api.filter.Where;

/**
 * The value of a condition on a relation ({@code field} is the relation's name) whose related rows are on the
 * statement's datasource: rendered as {@code EXISTS} over the related rows matching {@code target} (which carries
 * their scope), through junction rows matching {@code junction} for a many-through. Built by the read planner.
 */
public record RelatedRows(Where target, Where junction) {
}
