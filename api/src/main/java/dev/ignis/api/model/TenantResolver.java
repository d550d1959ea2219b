package dev.ignis.api.model;

import java.util.Optional;

/**
 * Whose rows a call may see on models that declare a tenant ({@code @Model(tenant = "tenantId")}). The application
 * supplies it to the engine, like {@link CurrentUser} (for example from a request-scoped holder);
 * {@link Tenants#run} overrides it for a block of code. With no tenant, calls on tenant models fail.
 */
@FunctionalInterface
public interface TenantResolver {
    TenantResolver NONE = Optional::empty;

    Optional<String> tenantId();
}
