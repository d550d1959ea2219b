package dev.ignis.api.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current tenant of this thread, overriding the engine's {@link TenantResolver} for a block of code:
 * {@code Tenants.run("acme", () -> orders.find(filter))}. {@link #all} is the one way to read or write across tenants;
 * the engine logs every call made under it (at INFO, with model and operation) and counts it.
 */
public final class Tenants {
    private static final Object ALL = new Object();
    private static final ThreadLocal<Object> OVERRIDE = new ThreadLocal<>();

    private Tenants() {
    }

    /** Runs {@code work} as tenant {@code tenantId}. */
    public static <T> T run(String tenantId, Supplier<T> work) {
        return with(Objects.requireNonNull(tenantId, "tenantId"), work);
    }

    public static void run(String tenantId, Runnable work) {
        run(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} with no tenant limit: every tenant's rows. Greppable on purpose. */
    public static <T> T all(Supplier<T> work) {
        return with(ALL, work);
    }

    public static void all(Runnable work) {
        all(() -> {
            work.run();
            return null;
        });
    }

    /** The tenant set by {@link #run} on this thread, if any. */
    public static Optional<String> overridden() {
        return OVERRIDE.get() instanceof String tenant ? Optional.of(tenant) : Optional.empty();
    }

    /** Whether this thread runs inside {@link #all}. */
    public static boolean allTenants() {
        return OVERRIDE.get() == ALL;
    }

    private static <T> T with(Object value, Supplier<T> work) {
        Object outer = OVERRIDE.get();
        OVERRIDE.set(value);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(outer);
            }
        }
    }
}
