package dev.ignis.engine.internal.execute;

import dev.ignis.engine.internal.route.ReadRoute;
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
        final ReadRoute route;

        Call(String dataSource, String model, String operation, ReadRoute route) {
            this.dataSource = dataSource;
            this.model = model;
            this.operation = operation;
            this.route = route;
        }

        /** Where the call's reads may go, decided when it started (its includes on other threads follow it too). */
        public ReadRoute route() {
            return route;
        }
    }

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    /** The call running on this thread, for statements issued where no call was handed down (or null). */
    public static Call current() {
        return CURRENT.get();
    }

    /** The route of a call's reads: that of {@code call}, else of the call running on this thread, else the primaries. */
    public static ReadRoute routeOf(Call call) {
        Call known = call != null ? call : CURRENT.get();
        return known == null ? ReadRoute.PRIMARY : known.route;
    }

    public <T> T call(String dataSource, String model, String operation, java.util.function.Function<Call, T> work) {
        return call(dataSource, model, operation, ReadRoute.PRIMARY, work);
    }

    /** A repository call whose reads follow {@code route}. */
    public <T> T call(String dataSource, String model, String operation, ReadRoute route, java.util.function.Function<Call, T> work) {
        Call outer = CURRENT.get();
        if (outer != null) {
            return work.apply(outer); // a repository call made inside another one counts towards the outer call
        }
        Call call = new Call(dataSource, model, operation, route);
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

    /** The role of the server a statement runs on. */
    public static final String PRIMARY = "primary";
    public static final String REPLICA = "replica";

    /** Where a statement runs: its datasource, the role of the server ({@link #PRIMARY}, {@link #REPLICA}) and the pool. */
    public record Target(String dataSource, String role, String pool) {
    }

    public <T> T statement(Call call, Target target, String model, String operation, String strategy, Supplier<T> work) {
        String dataSource = target.dataSource();
        Call counted = call != null ? call : CURRENT.get();
        if (counted != null) {
            counted.statements.incrementAndGet();
        }
        long start = System.nanoTime();
        try {
            T result = work.get();
            listener.onStatement(new QueryListener.StatementEvent(dataSource, model, operation, strategy, System.nanoTime() - start, null,
                    target.role(), target.pool()));
            return result;
        } catch (RuntimeException | Error e) {
            listener.onStatement(new QueryListener.StatementEvent(dataSource, model, operation, strategy, System.nanoTime() - start, e,
                    target.role(), target.pool()));
            throw e;
        }
    }
}
