package dev.ignis.engine.internal.model;

import org.hibernate.PropertyAccessException;
import org.hibernate.property.access.spi.SetterFieldImpl;
import org.hibernate.property.access.spi.SetterMethodImpl;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyHandlesTest {
    static class Sample {
        private String name;
        private int count;
        private final String fixed = "fixed";
        private String trimmed;

        private Sample() {
        }

        /** A fluent setter with logic of its own: when Hibernate calls it, so must the handle. */
        Sample setTrimmed(String value) {
            this.trimmed = value.trim();
            return this;
        }
    }

    @Test
    void writesPrivateFieldsAndUnboxesPrimitives() throws Throwable {
        MethodHandle name = PropertyHandles.writer(new SetterFieldImpl(Sample.class, "name", Sample.class.getDeclaredField("name")));
        MethodHandle count = PropertyHandles.writer(new SetterFieldImpl(Sample.class, "count", Sample.class.getDeclaredField("count")));
        assertThat(name.type()).isEqualTo(PropertyHandles.WRITER);
        Sample sample = new Sample();
        name.invokeExact((Object) sample, (Object) "ada");
        count.invokeExact((Object) sample, (Object) 42);
        assertThat(sample.name).isEqualTo("ada");
        assertThat(sample.count).isEqualTo(42);
        assertThatThrownBy(() -> {
            name.invokeExact((Object) "not a sample", (Object) "x");
        }).isInstanceOf(ClassCastException.class);
    }

    @Test
    void callsTheSetterWhenHibernateCallsTheSetter() throws Throwable {
        MethodHandle trimmed = PropertyHandles.writer(
                new SetterMethodImpl(Sample.class, "trimmed", Sample.class.getDeclaredMethod("setTrimmed", String.class)));
        Sample sample = new Sample();
        trimmed.invokeExact((Object) sample, (Object) "  padded ");
        assertThat(sample.trimmed).isEqualTo("padded");
    }

    @Test
    void createsThroughAPrivateConstructor() throws Throwable {
        MethodHandle create = PropertyHandles.creator(Sample.class, () -> {
            throw new AssertionError("the fallback must not be used");
        });
        Object first = (Object) create.invokeExact();
        Object second = (Object) create.invokeExact();
        assertThat(first).isInstanceOf(Sample.class).isNotSameAs(second);
    }

    @Test
    void fallsBackToHibernatesAccessorsWhereNoHandleMayBeLookedUp() throws Throwable {
        // java.base does not open java.util.concurrent.atomic: the handle calls Hibernate's setter, with its error.
        MethodHandle closed = PropertyHandles.writer(new SetterFieldImpl(AtomicInteger.class, "value", AtomicInteger.class.getDeclaredField("value")));
        assertThatThrownBy(() -> {
            closed.invokeExact((Object) new AtomicInteger(), (Object) 1);
        }).isInstanceOf(PropertyAccessException.class);
        // A final field is left to Hibernate too, which refuses to write it.
        MethodHandle fixed = PropertyHandles.writer(new SetterFieldImpl(Sample.class, "fixed", Sample.class.getDeclaredField("fixed")));
        assertThatThrownBy(() -> {
            fixed.invokeExact((Object) new Sample(), (Object) "x");
        }).isInstanceOf(PropertyAccessException.class);
        Object made = new Object();
        assertThat((Object) PropertyHandles.creator(Number.class, () -> made).invokeExact()).as("abstract: the fallback").isSameAs(made);
    }
}
