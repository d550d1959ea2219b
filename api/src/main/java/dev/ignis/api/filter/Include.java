package dev.ignis.api.filter;

/**
 * One relation to load with the results, by the name it was declared with (e.g. {@code creator}),
 * optionally narrowed by a scope filter that applies to the related rows. The related model's default filter
 * applies inside the scope unless {@code shouldSkipDefaultFilter} is set.
 */
public record Include(String relation, Filter scope, boolean shouldSkipDefaultFilter) {
    public Include {
        if (relation == null || relation.isEmpty()) {
            throw new IllegalArgumentException("include relation must not be empty");
        }
        if (scope == null) {
            scope = Filter.empty();
        }
    }

    public Include(String relation, Filter scope) {
        this(relation, scope, false);
    }

    public static Include of(String relation) {
        return new Include(relation, Filter.empty());
    }

    public static Include of(String relation, Filter scope) {
        return new Include(relation, scope);
    }

    /** The same include without the related model's default filter. */
    public Include skippingDefaultFilter() {
        return new Include(relation, scope, true);
    }
}
