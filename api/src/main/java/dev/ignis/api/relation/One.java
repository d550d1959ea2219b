package dev.ignis.api.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A to-one relation over plain foreign-key columns, the seed's {@code one(table, {fields, references})}:
 * {@code fields} are properties of this model, {@code references} properties of the target (its id by default).
 * The relation is named after the annotated field (e.g. {@code creator}) and filled only when a filter includes it.
 * The target may belong to another datasource.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface One {
    String[] fields();

    String[] references() default {"id"};
}
