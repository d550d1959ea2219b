package dev.ignis.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity as an Ignis model. The JPA annotations stay the single source of truth for the schema;
 * this adds what the repositories need to know.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {
    ModelType type() default ModelType.ENTITY;

    /** Leave this model out of schema actions (its table is managed elsewhere). */
    boolean skipMigrate() default false;

    /** Properties that never leave a repository (not in results, not in returned rows); they can still be filtered on. */
    String[] hiddenProperties() default {};

    /**
     * A filter document (JSON) merged into every read, update and delete of this model; keys the caller
     * gives win. Example: {@code {"where": {"status": "ACTIVE"}, "order": ["createdAt DESC"]}}.
     */
    String defaultFilter() default "";

    /** Rows returned when a filter gives no limit; 0 means the engine's default. */
    int defaultLimit() default 0;

    /** Generator of string ids for models with a string id left empty at create. */
    Class<? extends IdGenerator> idGenerator() default UuidGenerator.class;

    /** Whether writes without a current user are allowed on models with user-audit columns. */
    boolean allowAnonymous() default true;

    /**
     * Soft delete: deletes set the model's {@code deletedAt} property (the {@link DeletedAtColumn} enricher, or a
     * temporal property of its own with that key) instead of removing the row (or mark a property {@link DeletedAt} instead of this flag), and every read, count and update leaves
     * such rows out unless the call asks for them ({@code QueryOptions.withDeleted()}). A string property
     * {@code deletedBy}, when the model has one, records the current user.
     */
    boolean softDelete() default false;

    /**
     * The property holding each row's tenant ({@code "tenantId"}); empty: the model is shared by all tenants. Every
     * statement on a tenant model is limited to the current tenant ({@link Tenants}, {@link TenantResolver}).
     */
    String tenant() default "";
}
