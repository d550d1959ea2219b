package dev.ignis.engine.internal.execute;

import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.model.AttributeDescriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The conflict keys of upserted rows: equality, a stable order, and the where that finds the stored rows again. */
final class UpsertKeys {
    private UpsertKeys() {
    }

    /** The row's values of the conflict target, or null when one is missing (such a row conflicts with nothing). */
    static List<Object> of(List<AttributeDescriptor> target, Object row) {
        Object[] values = new Object[target.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = target.get(i).get(row);
            if (values[i] == null) {
                return null;
            }
        }
        return Arrays.asList(values);
    }

    /** The rows ordered by their keys when every key value is comparable; otherwise as given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <E> List<E> sorted(List<AttributeDescriptor> target, List<E> rows) {
        for (E row : rows) {
            List<Object> key = of(target, row);
            if (key == null || !key.stream().allMatch(v -> v instanceof Comparable)) {
                return rows;
            }
        }
        Comparator<List<Object>> byValues = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = ((Comparable) a.get(i)).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        List<E> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(row -> of(target, row), byValues));
        return out;
    }

    /** A where matching the stored rows with the keys of {@code rows}. */
    static Where matching(List<AttributeDescriptor> target, List<?> rows) {
        if (target.size() == 1) {
            return Where.in(target.get(0).key(), rows.stream().map(r -> target.get(0).get(r)).toList());
        }
        Where[] each = new Where[rows.size()];
        for (int i = 0; i < each.length; i++) {
            Where[] fields = new Where[target.size()];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = Where.eq(target.get(f).key(), target.get(f).get(rows.get(i)));
            }
            each[i] = Where.and(fields);
        }
        return Where.or(each);
    }
}
