package dev.ignis.engine.internal.model;

import dev.ignis.api.filter.Fields;

import java.util.ArrayList;
import java.util.List;

/**
 * Nulls what must not leave a repository: hidden properties, and properties a filter's {@code fields} left out.
 * Runs after includes were stitched, so keys needed for stitching were there while they were needed.
 */
public final class RowShaper {
    private RowShaper() {
    }

    public static void shape(ModelDescriptor model, List<?> rows, Fields fields) {
        if (rows.isEmpty() || (fields.isAll() && model.hidden().isEmpty())) {
            return;
        }
        List<AttributeDescriptor> cleared = new ArrayList<>();
        for (AttributeDescriptor attribute : model.attributes().values()) {
            if ((model.hidden().contains(attribute.key()) || !fields.keeps(attribute.key())) && !attribute.javaType().isPrimitive()) {
                cleared.add(attribute);
            }
        }
        for (Object row : rows) {
            for (AttributeDescriptor attribute : cleared) {
                attribute.set(row, null);
            }
        }
    }
}
