package dev.ignis.engine.internal.model;

import dev.ignis.api.spi.ValueKind;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.property.access.spi.Getter;
import org.hibernate.property.access.spi.Setter;

import java.util.function.Supplier;

/**
 * One property of a model as filters, results and updates see it: a flat key ({@code createdAt}) even when
 * Hibernate maps it inside an embeddable ({@code tz.createdAt}). Property access is Hibernate's own; reads fill rows
 * through method handles to the same fields or setters ({@link RowFillers}).
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
    // Hibernate's accessors, looked up once: reads fill thousands of properties per call.
    private final Getter containerGetter;
    private final Setter containerSetter;
    private final Getter leafGetter;
    private final Setter leafSetter;
    private final boolean nullable;

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
        this.containerGetter = container == null ? null : container.getPropertyAccess().getGetter();
        this.containerSetter = container == null ? null : container.getPropertyAccess().getSetter();
        this.leafGetter = leaf.getPropertyAccess().getGetter();
        this.leafSetter = leaf.getPropertyAccess().getSetter();
        this.nullable = !identifier && (!(leaf instanceof org.hibernate.metamodel.mapping.SelectableMapping column) || column.isNullable());
    }

    /** Whether the column may hold NULL (the id and {@code nullable = false} columns may not). */
    public boolean nullable() {
        return nullable;
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
        Object owner = container == null ? entity : containerGetter.get(entity);
        return owner == null ? null : leafGetter.get(owner);
    }

    public void set(Object entity, Object value) {
        Object owner = entity;
        if (container != null) {
            owner = containerGetter.get(entity);
            if (owner == null) {
                if (value == null) {
                    return;
                }
                owner = containerFactory.get();
                containerSetter.set(entity, owner);
            }
        }
        leafSetter.set(owner, value);
    }

    /** The embedded property this one sits in (same object for every property of that embeddable), or null. */
    public Object container() {
        return container;
    }

    /** A new, empty instance of the embeddable this property sits in. */
    public Object newContainer() {
        return containerFactory.get();
    }

    /** Puts a filled embeddable into {@code entity}. */
    public void setContainer(Object entity, Object embeddable) {
        containerSetter.set(entity, embeddable);
    }

    /** Hibernate's setter of this property on its direct owner. */
    Setter leafSetter() {
        return leafSetter;
    }

    /** Hibernate's setter of the embeddable this property sits in; null for a property of the model itself. */
    Setter containerSetter() {
        return containerSetter;
    }

    /** What {@link #newContainer} calls; null for a property of the model itself. */
    Supplier<Object> containerFactory() {
        return containerFactory;
    }

    /** The field or getter Hibernate reads this property through (where its annotations are). */
    java.lang.reflect.Member member() {
        return leafGetter.getMember();
    }

    /** Sets this property on its direct owner: the model instance, or the embeddable it sits in. */
    public void setOnOwner(Object owner, Object value) {
        leafSetter.set(owner, value);
    }

    @Override
    public String toString() {
        return key + ":" + javaType.getSimpleName();
    }
}
