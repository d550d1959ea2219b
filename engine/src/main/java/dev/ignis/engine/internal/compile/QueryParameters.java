package dev.ignis.engine.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Named parameters of one HQL statement ({@code :p0}, {@code :p1}, ...): values are always bound, never inlined.
 * A parameter's name is its prefix and its position, so a statement of the same shape binds the same names in the same
 * order every time, and a value can be found by position.
 */
public final class QueryParameters {
    /** The commonest names, made once: a statement binds a few values on every call. */
    private static final String[] P_NAMES = IntStream.range(0, 64).mapToObj(i -> "p" + i).toArray(String[]::new);
    private static final String[] P_PLACEHOLDERS = IntStream.range(0, 64).mapToObj(i -> ":p" + i).toArray(String[]::new);

    private final List<Object> values = new ArrayList<>();
    private final String prefix;
    private int aliases;
    private int conditions;

    public QueryParameters() {
        this("p");
    }

    public QueryParameters(String prefix) {
        this.prefix = prefix;
    }

    /** Registers a value and returns its placeholder, e.g. {@code :p3}. */
    public String bind(Object value) {
        int position = values.size();
        values.add(value);
        return prefix.equals("p") && position < P_PLACEHOLDERS.length ? P_PLACEHOLDERS[position] : ":" + name(position);
    }

    /** Counts one more condition of this statement and returns the count so far. */
    public int countCondition() {
        return ++conditions;
    }

    /** A fresh alias for a subquery of this statement, e.g. {@code r0}. */
    public String nextAlias() {
        return "r" + aliases++;
    }

    /** Binds every value to {@code query}: collections as list parameters (for {@code in (...)}), the rest as they are. */
    public <Q extends org.hibernate.query.CommonQueryContract> Q bindTo(Q query) {
        for (int position = 0; position < values.size(); position++) {
            Object value = values.get(position);
            if (value instanceof java.util.Collection<?> list) {
                query.setParameterList(name(position), list);
            } else {
                query.setParameter(name(position), value);
            }
        }
        return query;
    }

    /** Whether {@code other} holds the same values in the same order (a statement kept per shape binds them so). */
    public boolean sameValues(QueryParameters other) {
        if (size() != other.size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!java.util.Objects.equals(value(i), other.value(i))) {
                return false;
            }
        }
        return true;
    }

    /** The number of values bound so far. */
    public int size() {
        return values.size();
    }

    /** The value bound at {@code position}. */
    public Object value(int position) {
        return values.get(position);
    }

    /** The position of the parameter named {@code name}, or -1 when this statement has no such parameter. */
    public int position(String name) {
        if (name == null || !name.startsWith(prefix)) {
            return -1;
        }
        try {
            int position = Integer.parseInt(name.substring(prefix.length()));
            return position >= 0 && position < values.size() && name.equals(name(position)) ? position : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The name of the parameter at {@code position}, e.g. {@code p3}. */
    public String name(int position) {
        return prefix.equals("p") && position < P_NAMES.length ? P_NAMES[position] : prefix + position;
    }
}
