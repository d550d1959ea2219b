package dev.ignis.engine.internal.execute;

import dev.ignis.engine.settings.QueryListener;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reports statements and calls to the engine's {@link QueryListener}. A call's statement count includes the
 * statements its includes ran on other datasources and threads, because they share its {@link Call}.
 */
public final class Observation {
    private final QueryListener listener;

    public Observation(QueryListener listener) {
        this.listener = listener;
    }

    /** The repository call in progress; statements run for it (on any thread) are counted here. */
    public static final class Call {
        final String dataSource;
        final String model;
        final String operation;
        final AtomicInteger statements = new AtomicInteger();

        Call(String dataSource, String model, String operation) {
            this.dataSource = dataSource;
            this.model = model;
            this.operation = operation;
        }
    }

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    /** The call running on this thread, for statements issued where no call was handed down (or null). */
    public static Call current() {
        return CURRENT.get();
    }

    public <T> T call(String dataSource, String model, String operation, java.util.function.Function<Call, T> work) {
        Call outer = CURRENT.get();
        if (outer != null) {
            return work.apply(outer); // a repository call made inside another one counts towards the outer call
        }
        Call call = new Call(dataSource, model, operation);
        CURRENT.set(call);
        long start = System.nanoTime();
        try {
            T result = work.apply(call);
            listener.onCall(new QueryListener.CallEvent(dataSource, model, operation, call.statements.get(), System.nanoTime() - start, null));
            return result;
        } catch (RuntimeException | Error e) {
            listener.onCall(new QueryListener.CallEvent(dataSource, model, operation, call.statements.get(), System.nanoTime() - start, e));
            throw e;
        } finally {
            CURRENT.remove();
        }
    }

    /** Reports a call made across tenants (the caller logs it). */
    public void tenantBypass(String dataSource, String model, String operation) {
        listener.onTenantBypass(new QueryListener.TenantBypassEvent(dataSource, model, operation));
    }

    public <T> T statement(Call call, String dataSource, String model, String operation, String strategy, Supplier<T> work) {
        Call counted = call != null ? call : CURRENT.get();
        if (counted != null) {
            counted.statements.incrementAndGet();
        }
        long start = System.nanoTime();
        try {
            T result = work.get();
            listener.onStatement(new QueryListener.StatementEvent(dataSource, model, operation, strategy, System.nanoTime() - start, null));
            return result;
        } catch (RuntimeException | Error e) {
            listener.onStatement(new QueryListener.StatementEvent(dataSource, model, operation, strategy, System.nanoTime() - start, e));
            throw e;
        }
    }
}
