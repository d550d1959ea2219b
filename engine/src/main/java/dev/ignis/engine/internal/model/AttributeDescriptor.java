package dev.ignis.engine.internal.model;

import dev.ignis.api.spi.ValueKind;
import org.hibernate.metamodel.mapping.AttributeMapping;

import java.util.function.Supplier;

/**
 * One property of a model as filters, results and updates see it: a flat key ({@code createdAt}) even when
 * Hibernate maps it inside an embeddable ({@code tz.createdAt}). Reads and writes go through Hibernate's own
 * property access, never through reflection of ours.
 */
public final class AttributeDescriptor {
    private final String key;
    private final String hqlPath;
    private final Class<?> javaType;
    private final ValueKind kind;
    private final Class<?> elementType;
    private final AttributeMapping container;
    private final Supplier<Object> containerFactory;
    private final AttributeMapping leaf;
    private final boolean identifier;

    AttributeDescriptor(String key, String hqlPath, Class<?> javaType, ValueKind kind, Class<?> elementType,
                        AttributeMapping container, Supplier<Object> containerFactory, AttributeMapping leaf,
                        boolean identifier) {
        this.key = key;
        this.hqlPath = hqlPath;
        this.javaType = javaType;
        this.kind = kind;
        this.elementType = elementType;
        this.container = container;
        this.containerFactory = containerFactory;
        this.leaf = leaf;
        this.identifier = identifier;
    }

    /** The name filters, fields, order and update data use. */
    public String key() {
        return key;
    }

    /** The path below the query's root alias, e.g. {@code tz.createdAt}; only metamodel names. */
    public String hqlPath() {
        return hqlPath;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public ValueKind kind() {
        return kind;
    }

    /** For ARRAY attributes, the element type; otherwise null. */
    public Class<?> elementType() {
        return elementType;
    }

    public boolean isIdentifier() {
        return identifier;
    }

    /** The embeddable class this property sits in, or null for a property of the model itself. */
    public Class<?> embeddable() {
        return container == null ? null : container.getJavaType().getJavaTypeClass();
    }

    public Object get(Object entity) {
        Object owner = container == null ? entity : container.getPropertyAccess().getGetter().get(entity);
        return owner == null ? null : leaf.getPropertyAccess().getGetter().get(owner);
    }

    public void set(Object entity, Object value) {
        Object owner = entity;
        if (container != null) {
            owner = container.getPropertyAccess().getGetter().get(entity);
            if (owner == null) {
                if (value == null) {
                    return;
                }
                owner = containerFactory.get();
                container.getPropertyAccess().getSetter().set(entity, owner);
            }
        }
        leaf.getPropertyAccess().getSetter().set(owner, value);
    }

    @Override
    public String toString() {
        return key + ":" + javaType.getSimpleName();
    }
}
