package dev.ignis.engine.internal.relation;

import java.lang.reflect.Field;
import java.util.List;

/**
 * A validated relation: rows of {@code target} whose {@code targetKey} equals the source row's {@code sourceKey}
 * (for MANY_THROUGH: junction rows link {@code junctionSourceKey} to the source key and {@code junctionTargetKey}
 * to the target key). Keys are flat property names of the models' metamodels.
 */
public record RelationDescriptor(String name, RelationKind kind, Class<?> source, Class<?> target,
                                 String sourceKey, String targetKey,
                                 Class<?> junction, String junctionSourceKey, String junctionTargetKey,
                                 Field field) {

    public boolean toMany() {
        return kind != RelationKind.ONE;
    }

    /** Puts the loaded value into the source row's relation field. */
    public void assign(Object sourceRow, Object value) {
        try {
            field.set(sourceRow, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set relation field " + field, e);
        }
    }

    public Object read(Object sourceRow) {
        try {
            return field.get(sourceRow);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read relation field " + field, e);
        }
    }

    /** The empty value of this relation: null for to-one, an empty list for to-many. */
    public Object empty() {
        return toMany() ? List.of() : null;
    }
}
