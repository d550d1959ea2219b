package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges a model's default filter into a caller's filter. The caller's keys win: a top-level where condition on a
 * field replaces the default's conditions on that field; fields, order, limit, skip, include and the deleted rows
 * asked for replace the default's when given.
 */
public final class DefaultFilterMerger {
    private DefaultFilterMerger() {
    }

    public static Filter merge(Filter defaults, Filter user) {
        if (defaults.equals(Filter.empty())) {
            return user;
        }
        Filter merged = user.withWhere(mergeWhere(defaults.where(), user.where()));
        if (user.fields().isAll()) {
            merged = merged.withFields(defaults.fields());
        }
        if (user.order().isEmpty()) {
            merged = merged.withOrder(defaults.order());
        }
        if (user.limit() == null) {
            merged = merged.withLimit(defaults.limit());
        }
        if (user.skip() == null) {
            merged = merged.withSkip(defaults.skip());
        }
        if (user.include().isEmpty()) {
            merged = merged.withInclude(defaults.include());
        }
        if (user.deleted() == null) {
            merged = merged.deleted(defaults.deleted());
        }
        return merged;
    }

    public static Where mergeWhere(Where defaults, Where user) {
        if (defaults.isEmpty()) {
            return user;
        }
        Set<String> userFields = new HashSet<>();
        for (Where item : topLevel(user)) {
            if (item instanceof Where.Condition c) {
                userFields.add(c.field());
            }
        }
        List<Where> kept = new ArrayList<>();
        for (Where item : topLevel(defaults)) {
            if (!(item instanceof Where.Condition c) || !userFields.contains(c.field())) {
                kept.add(item);
            }
        }
        Where result = user;
        for (Where item : kept) {
            result = result.and(item);
        }
        return result;
    }

    private static List<Where> topLevel(Where where) {
        return where instanceof Where.And and ? and.items() : List.of(where);
    }
}
