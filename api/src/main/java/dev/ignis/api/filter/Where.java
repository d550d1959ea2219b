package dev.ignis.api.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The {@code where} part of a filter: an immutable tree of conditions joined by {@code and}/{@code or}.
 * Sibling keys of a JSON object are AND-ed, exactly as {@link #and(Where...)} does.
 */
public sealed interface Where permits Where.And, Where.Or, Where.Condition {

    /** All items must hold. An empty And holds for every row. */
    record And(List<Where> items) implements Where {
        public And {
            items = List.copyOf(items);
        }
    }

    /** At least one item must hold. An empty Or holds for no row. */
    record Or(List<Where> items) implements Where {
        public Or {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code field op value}. {@code value} is a scalar, a {@link List} for list operators, or null.
     * {@code path} is where the condition stands in the filter document, for error messages.
     */
    record Condition(String field, Operator operator, Object value, String path) implements Where {
        public Condition {
            if (field == null || field.isEmpty()) {
                throw new IllegalArgumentException("field must not be empty");
            }
            if (operator == null) {
                throw new IllegalArgumentException("operator must not be null");
            }
            // inq/nin may hold nulls, which match nothing (as SQL's IN ignores them); other lists may not.
            boolean nullsAllowed = operator == Operator.IN || operator == Operator.NIN;
            if (value instanceof Collection<?> c) {
                value = copy(c, nullsAllowed);
            } else if (value instanceof Object[] array && operator.takesList()) {
                value = copy(Arrays.asList(array), nullsAllowed);
            }
        }

        /** Equality ignores {@code path}: a parsed and a built condition that say the same are equal. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Condition c && field.equals(c.field) && operator == c.operator
                    && java.util.Objects.equals(value, c.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(field, operator, value);
        }

        private static List<Object> copy(Collection<?> values, boolean nullsAllowed) {
            List<Object> copy = new ArrayList<>(values.size());
            for (Object v : values) {
                if (v == null && !nullsAllowed) {
                    throw new IllegalArgumentException("list values must not be null");
                }
                copy.add(v);
            }
            return java.util.Collections.unmodifiableList(copy);
        }
    }

    Where EMPTY = new And(List.of());

    static Where empty() {
        return EMPTY;
    }

    static Condition of(String field, Operator operator, Object value) {
        return new Condition(field, operator, value, "where." + field + "." + operator.jsonName());
    }

    static Condition eq(String field, Object value) {
        return new Condition(field, Operator.EQ, value, "where." + field);
    }

    static Condition neq(String field, Object value) {
        return of(field, Operator.NEQ, value);
    }

    static Condition gt(String field, Object value) {
        return of(field, Operator.GT, value);
    }

    static Condition gte(String field, Object value) {
        return of(field, Operator.GTE, value);
    }

    static Condition lt(String field, Object value) {
        return of(field, Operator.LT, value);
    }

    static Condition lte(String field, Object value) {
        return of(field, Operator.LTE, value);
    }

    static Condition in(String field, Collection<?> values) {
        return of(field, Operator.IN, values);
    }

    static Condition nin(String field, Collection<?> values) {
        return of(field, Operator.NIN, values);
    }

    static Condition between(String field, Object from, Object to) {
        return of(field, Operator.BETWEEN, Arrays.asList(from, to));
    }

    static Condition like(String field, String pattern) {
        return of(field, Operator.LIKE, pattern);
    }

    static Condition ilike(String field, String pattern) {
        return of(field, Operator.ILIKE, pattern);
    }

    static Condition isNull(String field) {
        return of(field, Operator.IS, null);
    }

    static Condition isNotNull(String field) {
        return of(field, Operator.ISN, null);
    }

    static Where and(Where... items) {
        return new And(Arrays.asList(items));
    }

    static Where or(Where... items) {
        return new Or(Arrays.asList(items));
    }

    /** This condition AND another; empty sides vanish. */
    default Where and(Where other) {
        if (other == null || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Where> items = new ArrayList<>();
        if (this instanceof And a) {
            items.addAll(a.items());
        } else {
            items.add(this);
        }
        items.add(other);
        return new And(items);
    }

    /** True when this matches every row (an And without items). */
    default boolean isEmpty() {
        return this instanceof And a && a.items().isEmpty();
    }
}
