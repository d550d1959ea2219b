package dev.ignis.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model's string property that a soft delete fills with the {@link CurrentUser} (and a restore clears).
 * Only on a soft-delete model, one per model; without it a string property named {@code deletedBy} plays the part.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface DeletedBy {
}
