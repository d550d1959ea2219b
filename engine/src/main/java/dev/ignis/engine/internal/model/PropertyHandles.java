package dev.ignis.engine.internal.model;

import org.hibernate.property.access.spi.Setter;
import org.hibernate.property.access.spi.SetterFieldImpl;
import org.hibernate.property.access.spi.SetterMethodImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * Method handles that write a property or create an instance exactly as Hibernate's accessors do (the field when
 * Hibernate writes the field, the setter when it calls the setter), for {@link RowFillers} to embed as constants.
 * They are looked up with private access in the model's package, which the application opens to the engine (as it
 * does to Hibernate); where that is refused, the handle calls Hibernate's own accessor instead: slower, same result.
 */
final class PropertyHandles {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyHandles.class);
    /** {@code (Object target, Object value) void}, the shape of every writer. */
    static final MethodType WRITER = MethodType.methodType(void.class, Object.class, Object.class);
    /** {@code () Object}, the shape of every instantiator. */
    static final MethodType CREATOR = MethodType.methodType(Object.class);
    private static final MethodHandle SETTER_SET;
    private static final MethodHandle SUPPLIER_GET;

    static {
        try {
            SETTER_SET = MethodHandles.publicLookup().findVirtual(Setter.class, "set", WRITER);
            SUPPLIER_GET = MethodHandles.publicLookup().findVirtual(Supplier.class, "get", CREATOR);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PropertyHandles() {
    }

    /** A {@link #WRITER} doing what {@code setter} does. */
    static MethodHandle writer(Setter setter) {
        try {
            if (setter.getClass() == SetterFieldImpl.class) {
                Field field = ((SetterFieldImpl) setter).getField();
                if (!Modifier.isFinal(field.getModifiers()) && !Modifier.isStatic(field.getModifiers())) {
                    return lookupIn(field.getDeclaringClass()).unreflectSetter(field).asType(WRITER);
                }
            } else if (setter.getClass() == SetterMethodImpl.class) {
                Method method = setter.getMethod();
                if (method != null && !Modifier.isStatic(method.getModifiers())) {
                    return MethodHandles.dropReturn(lookupIn(method.getDeclaringClass()).unreflect(method)).asType(WRITER);
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("{} is written through Hibernate's setter: {}", setter, e.toString());
        }
        return SETTER_SET.bindTo(setter);
    }

    /** A {@link #CREATOR} calling {@code type}'s no-argument constructor, or {@code fallback}. */
    static MethodHandle creator(Class<?> type, Supplier<Object> fallback) {
        if (!Modifier.isAbstract(type.getModifiers())) {
            try {
                return lookupIn(type).findConstructor(type, MethodType.methodType(void.class)).asType(CREATOR);
            } catch (IllegalAccessException | NoSuchMethodException | RuntimeException e) {
                LOG.debug("{} is created through Hibernate's instantiator: {}", type.getName(), e.toString());
            }
        }
        return creator(fallback);
    }

    /** A {@link #CREATOR} calling {@code supplier}. */
    static MethodHandle creator(Supplier<Object> supplier) {
        return SUPPLIER_GET.bindTo(supplier);
    }

    private static MethodHandles.Lookup lookupIn(Class<?> type) throws IllegalAccessException {
        // A named engine module reads only what it requires; the application's model module it must add itself.
        PropertyHandles.class.getModule().addReads(type.getModule());
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }
}
