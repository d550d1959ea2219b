package dev.ignis.engine.internal.route;

import java.util.function.Supplier;

/** Runs work with a thread-local value set, restoring what was there before (nested runs keep the outer value). */
final class ThreadBinding {
    private ThreadBinding() {
    }

    static <V, T> T with(ThreadLocal<V> local, V value, Supplier<T> work) {
        V outer = local.get();
        local.set(value);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                local.remove();
            } else {
                local.set(outer);
            }
        }
    }
}
