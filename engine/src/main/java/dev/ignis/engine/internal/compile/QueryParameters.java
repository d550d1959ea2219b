package dev.ignis.engine.internal.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named parameters of one HQL statement ({@code :p0}, {@code :p1}, ...): values are always bound, never inlined. */
public final class QueryParameters {
    private final Map<String, Object> values = new LinkedHashMap<>();
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
        String name = prefix + values.size();
        values.put(name, value);
        return ":" + name;
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
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getValue() instanceof java.util.Collection<?> list) {
                query.setParameterList(entry.getKey(), list);
            } else {
                query.setParameter(entry.getKey(), entry.getValue());
            }
        }
        return query;
    }

    public Map<String, Object> values() {
        return values;
    }
}
