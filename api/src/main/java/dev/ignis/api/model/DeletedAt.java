package dev.ignis.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model's nullable timestamp property as its soft-delete column: the model then has soft delete (no
 * {@code @Model(softDelete = true)} needed), and deletes set this property instead of removing the row. The property
 * keeps its own name in filters and results. One per model; it may not be combined with the {@link DeletedAtColumn}
 * enricher. The engine refuses to start on a property that is not temporal or not nullable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface DeletedAt {
}
