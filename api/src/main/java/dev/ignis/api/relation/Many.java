package dev.ignis.api.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A to-many relation, the inverse of a {@link One}: target rows whose {@code fields} equal this model's
 * {@code references}. With {@link #through()} it goes over a junction model instead.
 * The annotated field is a {@code List} of the target model; it is filled (never null) only when included.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Many {
    /** Properties of the target model that point back at this model. Empty with {@link #through()}. */
    String[] fields() default {};

    /** Properties of this model they point at (its id by default). */
    String[] references() default {"id"};

    /** A junction model, for many-to-many; {@code Through.None} when there is none. */
    Through through() default @Through(model = Through.None.class);
}
