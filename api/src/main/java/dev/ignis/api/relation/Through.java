package dev.ignis.api.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The junction of a many-through relation: rows of {@link #model()} whose {@link #sourceFields()} equal the
 * source's references and whose {@link #targetFields()} equal the target's {@link #targetReferences()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Through {
    Class<?> model();

    String[] sourceFields() default {};

    String[] targetFields() default {};

    String[] targetReferences() default {"id"};

    /** Marker for "no junction". */
    final class None {
        private None() {
        }
    }
}
