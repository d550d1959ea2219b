package dev.ignis.api.filter;

/**
 * One relation to load with the results, by the name it was declared with (e.g. {@code creator}),
 * optionally narrowed by a scope filter that applies to the related rows.
 */
public record Include(String relation, Filter scope) {
    public Include {
        if (relation == null || relation.isEmpty()) {
            throw new IllegalArgumentException("include relation must not be empty");
        }
        if (scope == null) {
            scope = Filter.empty();
        }
    }

    public static Include of(String relation) {
        return new Include(relation, Filter.empty());
    }

    public static Include of(String relation, Filter scope) {
        return new Include(relation, scope);
    }
}
