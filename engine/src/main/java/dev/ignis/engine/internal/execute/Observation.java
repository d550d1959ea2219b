package dev.ignis.engine.internal.execute;

import dev.ignis.engine.internal.route.ReadRoute;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.settings.QueryObservations;
import io.micrometer.observation.ObservationRegistry;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * The engine's one observation point: reports statements and calls to its {@link QueryListener} and, when it has an
 * {@link ObservationRegistry}, makes each call a Micrometer observation ({@link QueryObservations#CALL}) and each
 * statement one ({@link QueryObservations#STATEMENT}) whose parent is its call's, named explicitly because includes
 * run statements on other threads. A call's statement count includes the statements its includes ran on other
 * datasources and threads, because they share its {@link Call}.
 */
public final class Observation {
    private static final AtomicIntegerFieldUpdater<Call> STATEMENTS = AtomicIntegerFieldUpdater.newUpdater(Call.class, "statements");
    private static final AtomicIntegerFieldUpdater<Call> STOPPED = AtomicIntegerFieldUpdater.newUpdater(Call.class, "stopped");

    private final QueryListener listener;
    private final ObservationRegistry registry;
    /** Whether anyone listens to calls and statements: without a listener nothing is timed and no event made. */
    private final boolean timed;

    public Observation(QueryListener listener, ObservationRegistry registry) {
        this.listener = listener;
        this.registry = registry;
        this.timed = listener != QueryListener.NONE;
    }

    /** The repository call in progress; statements run for it (on any thread) are counted here. */
    public static final class Call {
        final String dataSource;
        final String model;
        final String operation;
        /** Statements run for the call, counted from any thread ({@link #STATEMENTS}). */
        volatile int statements;
        final ReadRoute route;
        final io.micrometer.observation.Observation observed;
        /** Whether the observation ends later than the call, with the stream it returned. */
        private volatile boolean outlived;
        /** Whether a later failure already set the outcome ({@link #failedLater}): the first one is the stream's error. */
        private volatile boolean failedLater;
        /** 1 once the observation stopped ({@link #STOPPED}). */
        volatile int stopped;

        Call(String dataSource, String model, String operation, ReadRoute route, io.micrometer.observation.Observation observed) {
            this.dataSource = dataSource;
            this.model = model;
            this.operation = operation;
            this.route = route;
            this.observed = observed;
        }

        /**
         * Keeps the call's observation open past the call, for a result (a stream) whose statements run later:
         * {@code end} must be run once, when the result is closed or read to the end.
         */
        public Runnable outlive() {
            outlived = true;
            return this::stop;
        }

        /**
         * A failure of a call that outlived its return (its stream's reading failed): the observation, still open, ends
         * with this outcome and error instead of the success the call returned with.
         */
        public void failedLater(Throwable error) {
            if (outlived && stopped == 0 && !failedLater && !observed.isNoop()) {
                failedLater = true;
                observed.lowCardinalityKeyValue(QueryObservations.OUTCOME, outcome(error));
                observed.error(error);
            }
        }

        private void stop() {
            if (STOPPED.compareAndSet(this, 0, 1)) {
                observed.stop();
            }
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
        io.micrometer.observation.Observation observed = registry.isNoop() ? io.micrometer.observation.Observation.NOOP
                : io.micrometer.observation.Observation.createNotStarted(QueryObservations.CALL, registry)
                .contextualName(model + "." + operation)
                .lowCardinalityKeyValue(QueryObservations.DATASOURCE, dataSource)
                .lowCardinalityKeyValue(QueryObservations.MODEL, model)
                .lowCardinalityKeyValue(QueryObservations.OPERATION, operation)
                .start();
        Call call = new Call(dataSource, model, operation, route, observed);
        CURRENT.set(call);
        long start = timed ? System.nanoTime() : 0;
        Throwable error = null;
        io.micrometer.observation.Observation.Scope scope = observed.openScope();
        try {
            T result = work.apply(call);
            if (timed) {
                listener.onCall(new QueryListener.CallEvent(dataSource, model, operation, call.statements, System.nanoTime() - start, null));
            }
            return result;
        } catch (RuntimeException | Error e) {
            error = e;
            if (timed) {
                listener.onCall(new QueryListener.CallEvent(dataSource, model, operation, call.statements, System.nanoTime() - start, e));
            }
            throw e;
        } finally {
            // Cleared, not removed: the thread's next call sets it again without a new thread-local entry.
            CURRENT.set(null);
            scope.close(); // before the observation stops, as Micrometer requires
            if (!observed.isNoop()) {
                observed.lowCardinalityKeyValue(QueryObservations.OUTCOME, outcome(error));
                if (error != null) {
                    observed.error(error);
                }
                if (error != null || !call.outlived) {
                    call.stop();
                }
            }
        }
    }

    /**
     * {@code work} as it should run on another thread for {@code call} (or the call in progress here): with its observation
     * current there (what tracing handlers and any instrumentation below the engine see) while it runs.
     */
    public Runnable onOtherThread(Call call, Runnable work) {
        Call known = call != null ? call : CURRENT.get();
        io.micrometer.observation.Observation current = known != null ? known.observed : registry.getCurrentObservation();
        return current == null || current.isNoop() ? work : () -> current.scoped(work);
    }

    /** "success", or the simple name of the exception type, as the metrics tag it. */
    private static String outcome(Throwable error) {
        return error == null ? "success" : error.getClass().getSimpleName();
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
            STATEMENTS.incrementAndGet(counted);
        }
        io.micrometer.observation.Observation observed = registry.isNoop() ? io.micrometer.observation.Observation.NOOP
                : io.micrometer.observation.Observation.createNotStarted(QueryObservations.STATEMENT, registry)
                .parentObservation(counted != null ? counted.observed : registry.getCurrentObservation())
                .contextualName("sql " + model + "." + operation)
                .lowCardinalityKeyValue(QueryObservations.DATASOURCE, dataSource)
                .lowCardinalityKeyValue(QueryObservations.MODEL, model)
                .lowCardinalityKeyValue(QueryObservations.OPERATION, operation)
                .lowCardinalityKeyValue(QueryObservations.STRATEGY, strategy)
                .lowCardinalityKeyValue(QueryObservations.ROLE, target.role())
                .lowCardinalityKeyValue(QueryObservations.POOL, target.pool())
                .start();
        io.micrometer.observation.Observation enclosing = null;
        if (!observed.isNoop()) {
            enclosing = RUNNING.get();
            RUNNING.set(observed);
        }
        long start = timed ? System.nanoTime() : 0;
        Throwable error = null;
        io.micrometer.observation.Observation.Scope scope = observed.openScope();
        try {
            T result = work.get();
            if (timed) {
                listener.onStatement(new QueryListener.StatementEvent(dataSource, model, operation, strategy, System.nanoTime() - start,
                        null, target.role(), target.pool()));
            }
            return result;
        } catch (RuntimeException | Error e) {
            error = e;
            if (timed) {
                listener.onStatement(new QueryListener.StatementEvent(dataSource, model, operation, strategy, System.nanoTime() - start,
                        e, target.role(), target.pool()));
            }
            throw e;
        } finally {
            scope.close();
            if (!observed.isNoop()) {
                if (enclosing == null) {
                    RUNNING.remove(); // no entry left behind on pool and include threads
                } else {
                    RUNNING.set(enclosing);
                }
                observed.lowCardinalityKeyValue(QueryObservations.OUTCOME, outcome(error));
                if (error != null) {
                    observed.error(error);
                }
                observed.stop();
            }
        }
    }

    /** The statement observation running on this thread, for the SQL it sends (see {@link SqlLog}). */
    private static final ThreadLocal<io.micrometer.observation.Observation> RUNNING = new ThreadLocal<>();

    /** Whether a statement observation is running on this thread. */
    static boolean statementObserved() {
        return RUNNING.get() != null;
    }

    /** Names the shape of the SQL the statement running on this thread sends, on its observation. */
    static void shape(String shape) {
        io.micrometer.observation.Observation statement = RUNNING.get();
        if (statement != null) {
            statement.highCardinalityKeyValue(QueryObservations.SHAPE, shape);
        }
    }
}
