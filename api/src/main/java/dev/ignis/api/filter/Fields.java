package dev.ignis.api.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which properties a result carries: {@code ["a","b"]} / {@code {"a":true}} keep only those;
 * {@code {"secret":false}} keeps all but those. Properties left out are null in the returned objects.
 */
public record Fields(Set<String> included, Set<String> excluded) {
    public static final Fields ALL = new Fields(Set.of(), Set.of());

    public Fields {
        included = Set.copyOf(new LinkedHashSet<>(included));
        excluded = Set.copyOf(new LinkedHashSet<>(excluded));
    }

    public static Fields only(String... names) {
        return new Fields(new LinkedHashSet<>(List.of(names)), Set.of());
    }

    public static Fields only(List<String> names) {
        return new Fields(new LinkedHashSet<>(names), Set.of());
    }

    public static Fields except(String... names) {
        return new Fields(Set.of(), new LinkedHashSet<>(List.of(names)));
    }

    public boolean isAll() {
        return included.isEmpty() && excluded.isEmpty();
    }

    /** Whether a property survives this selection. */
    public boolean keeps(String name) {
        return included.isEmpty() ? !excluded.contains(name) : included.contains(name) && !excluded.contains(name);
    }
}
