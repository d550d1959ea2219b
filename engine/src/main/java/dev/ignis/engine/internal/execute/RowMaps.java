package dev.ignis.engine.internal.execute;

import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.relation.RelationDescriptor;
import dev.ignis.engine.internal.relation.RelationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flattens model rows into maps keyed like filters, for JSON answers. */
public final class RowMaps {
    private RowMaps() {
    }

    public static Map<String, Object> toMap(RelationRegistry registry, Object row) {
        if (registry.owner(row.getClass()) == null) {
            throw new IllegalArgumentException(row.getClass().getName() + " is not a model of this engine");
        }
        ModelDescriptor model = registry.model(row.getClass());
        Map<String, Object> map = new LinkedHashMap<>();
        for (AttributeDescriptor attribute : model.attributes().values()) {
            Object value = model.hidden().contains(attribute.key()) ? null : attribute.get(row);
            if (value != null) {
                map.put(attribute.key(), value);
            }
        }
        for (RelationDescriptor relation : registry.relations(model.modelClass()).values()) {
            Object value = relation.read(row);
            if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(toMap(registry, item)));
                map.put(relation.name(), items);
            } else if (value != null) {
                map.put(relation.name(), toMap(registry, value));
            }
        }
        return map;
    }
}
