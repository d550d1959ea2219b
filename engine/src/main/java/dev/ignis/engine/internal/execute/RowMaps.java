package dev.ignis.engine.internal.execute;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens model rows into maps keyed like filters, for JSON answers. Every selected property appears, null or not,
 * so a client can tell "null" from "not selected"; hidden and unselected properties never appear.
 */
public final class RowMaps {
    private RowMaps() {
    }

    /**
     * The row as the filter that read it selected it: its {@code fields} (all visible properties when it has none),
     * and each relation it included — a to-one as a map or null, a to-many as a list. With a null filter the
     * selection is unknown: every visible property, and the relations that hold rows.
     */
    public static Map<String, Object> toMap(RelationRegistry registry, Object row, Filter filter) {
        if (registry.owner(row.getClass()) == null) {
            throw new IllegalArgumentException(row.getClass().getName() + " is not a model of this engine");
        }
        ModelDescriptor model = registry.model(row.getClass());
        Map<String, Object> map = new LinkedHashMap<>();
        for (AttributeDescriptor attribute : model.attributes().values()) {
            String key = attribute.key();
            if (!model.hidden().contains(key) && (filter == null || filter.fields().keeps(key))) {
                map.put(key, attribute.get(row));
            }
        }
        for (RelationDescriptor relation : registry.relations(model.modelClass()).values()) {
            Include include = filter == null ? null : included(filter, relation.name());
            Object value = relation.read(row);
            if (filter != null && include == null || filter == null && value == null) {
                continue;
            }
            Filter scope = include == null ? null : include.scope();
            if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(toMap(registry, item, scope)));
                map.put(relation.name(), items);
            } else if (value == null) {
                map.put(relation.name(), relation.toMany() ? List.of() : null);
            } else {
                map.put(relation.name(), toMap(registry, value, scope));
            }
        }
        return map;
    }

    private static Include included(Filter filter, String relation) {
        for (Include include : filter.include()) {
            if (include.relation().equals(relation)) {
                return include;
            }
        }
        return null;
    }
}
