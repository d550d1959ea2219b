package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.compile.RelatedKeys;
import dev.ignis.engine.internal.compile.RelatedRows;

import java.util.ArrayList;
import java.util.List;

/**
 * A where of one statement with its conditions on other datasources' rows planned as {@link KeyLookup}s: in
 * {@code template} each lookup's conditions are replaced by one {@code sourceKey in} {@link RelatedKeys#slot slot}.
 * {@link #fill} puts the keys the lookups found into their slots.
 */
public record WherePlan(Where template, List<KeyLookup> lookups) {
    public static WherePlan local(Where where) {
        return new WherePlan(where, List.of());
    }

    public boolean hasLookups() {
        return !lookups.isEmpty();
    }

    /** The where to compile, with {@code keys.get(i)} in the slot of lookup {@code i}. */
    public Where fill(List<List<Object>> keys) {
        return lookups.isEmpty() ? template : fill(template, keys);
    }

    private static Where fill(Where where, List<List<Object>> keys) {
        if (where instanceof Where.Condition c) {
            if (c.value() instanceof RelatedRows rows) {
                return new Where.Condition(c.field(), c.operator(), new RelatedRows(fill(rows.target(), keys), rows.junction()), c.path());
            }
            return c.value() instanceof RelatedKeys slot
                    ? new Where.Condition(c.field(), c.operator(), new RelatedKeys(slot.lookup(), keys.get(slot.lookup())), c.path()) : c;
        }
        boolean and = where instanceof Where.And;
        List<Where> items = and ? ((Where.And) where).items() : ((Where.Or) where).items();
        List<Where> filled = new ArrayList<>(items.size());
        items.forEach(item -> filled.add(fill(item, keys)));
        return and ? new Where.And(filled) : new Where.Or(filled);
    }
}
