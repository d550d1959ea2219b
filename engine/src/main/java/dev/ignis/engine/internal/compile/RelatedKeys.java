package dev.ignis.engine.internal.compile;

import java.util.List;

/**
 * The value of a condition {@code sourceKey in (keys)} that stands for a condition on another datasource's rows: the
 * read planner puts a slot ({@code keys} null) where the condition was, the executor fills it with the keys its lookup
 * found before the statement runs. A slot renders as no match, so a plan's statements can be checked before any runs.
 */
public record RelatedKeys(int lookup, List<Object> keys) {
    public static RelatedKeys slot(int lookup) {
        return new RelatedKeys(lookup, null);
    }

    public boolean isEmpty() {
        return keys == null || keys.isEmpty();
    }
}
