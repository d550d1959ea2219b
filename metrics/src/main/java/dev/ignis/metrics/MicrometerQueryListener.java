package dev.ignis.metrics;

import dev.ignis.engine.settings.QueryListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every statement ({@value #STATEMENT_TIMER}) and every repository call ({@value #CALL_TIMER}) the engine
 * reports, and records how many statements each call took ({@value #STATEMENTS_PER_CALL}: an N+1 detector that
 * stays flat while includes batch). Tags are low-cardinality only:
 * <ul>
 *   <li>{@value #STATEMENT_TIMER}: {@code datasource} (where the statement ran, which for an include is the
 *       relation's target datasource), {@code model}, {@code operation} (find, count, create, ..., or
 *       {@code include} for an include's statements), {@code strategy} ({@code direct}, {@code batch},
 *       {@code per-parent}, {@code cross-datasource}), {@code outcome}, {@code role} ({@code primary} or
 *       {@code replica}: the server of the datasource that ran it) and {@code pool} (the datasource's name for its
 *       primary, {@code <datasource>-replica-<n>} for a replica);</li>
 *   <li>{@value #CALL_TIMER} and {@value #STATEMENTS_PER_CALL}: {@code datasource}, {@code model} and
 *       {@code operation} of the repository called, and {@code outcome}.</li>
 * </ul>
 * {@code outcome} is {@code success} or the simple name of the exception (e.g. {@code FilterException}).
 * The meters publish count, sum and max; buckets (percentile histograms, service-level objectives) only when
 * {@link Histograms} asks for them, since each adds dozens of lines per tag combination to every scrape.
 */
public final class MicrometerQueryListener implements QueryListener {
    public static final String STATEMENT_TIMER = "ignis.query";
    public static final String CALL_TIMER = "ignis.repository.call";
    public static final String STATEMENTS_PER_CALL = "ignis.repository.statements";
    /** Calls made across tenants ({@code Tenants.all}, {@code QueryOptions.allTenants()}), by datasource, model, operation. */
    public static final String TENANT_BYPASS = "ignis.tenant.bypass";

    private final MeterRegistry registry;
    private final Histograms histograms;
    // Meters by their tag values: a hot path looks them up in one map instead of building and registering an id.
    private final Map<List<String>, Timer> statementTimers = new ConcurrentHashMap<>();
    private final Map<List<String>, CallMeters> callMeters = new ConcurrentHashMap<>();

    private record CallMeters(Timer timer, DistributionSummary statements) {
    }

    /** Count, sum and max of every meter, no buckets ({@link Histograms#OFF}). */
    public MicrometerQueryListener(MeterRegistry registry) {
        this(registry, Histograms.OFF);
    }

    public MicrometerQueryListener(MeterRegistry registry, Histograms histograms) {
        this.registry = registry;
        this.histograms = histograms;
        // A meter removed from the registry (or a cleared registry) must be registered anew on its next use.
        registry.config().onMeterRemoved(removed -> {
            statementTimers.values().remove(removed);
            callMeters.values().removeIf(m -> m.timer() == removed || m.statements() == removed);
        });
    }

    @Override
    public void onStatement(StatementEvent event) {
        List<String> key = List.of(event.dataSource(), event.model(), event.operation(), event.strategy(), outcome(event.error()),
                event.role(), event.pool());
        statementTimers.computeIfAbsent(key, k -> timer(STATEMENT_TIMER)
                        .description("SQL statements run by the engine, by routing target")
                        .tag("datasource", k.get(0))
                        .tag("model", k.get(1))
                        .tag("operation", k.get(2))
                        .tag("strategy", k.get(3))
                        .tag("outcome", k.get(4))
                        .tag("role", k.get(5))
                        .tag("pool", k.get(6))
                        .register(registry))
                .record(event.durationNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onCall(CallEvent event) {
        List<String> key = List.of(event.dataSource(), event.model(), event.operation(), outcome(event.error()));
        CallMeters meters = callMeters.computeIfAbsent(key, k -> new CallMeters(
                timer(CALL_TIMER)
                        .description("Repository calls, including their includes")
                        .tag("datasource", k.get(0))
                        .tag("model", k.get(1))
                        .tag("operation", k.get(2))
                        .tag("outcome", k.get(3))
                        .register(registry),
                DistributionSummary.builder(STATEMENTS_PER_CALL)
                        .serviceLevelObjectives(histograms.statementObjectives().stream().mapToDouble(Double::doubleValue).toArray())
                        .description("Statements one repository call took")
                        .tag("datasource", k.get(0))
                        .tag("model", k.get(1))
                        .tag("operation", k.get(2))
                        .tag("outcome", k.get(3))
                        .register(registry)));
        meters.timer().record(event.durationNanos(), TimeUnit.NANOSECONDS);
        meters.statements().record(event.statements());
    }

    private Timer.Builder timer(String name) {
        return Timer.builder(name)
                .publishPercentileHistogram(histograms.percentileHistogram())
                .serviceLevelObjectives(histograms.latencyObjectives().toArray(Duration[]::new))
                // The histogram's range: statements on loopback take ~100 µs; a 30 s statement has timed out anyway.
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(30));
    }

    @Override
    public void onTenantBypass(TenantBypassEvent event) {
        io.micrometer.core.instrument.Counter.builder(TENANT_BYPASS)
                .description("Repository calls made across tenants")
                .tag("datasource", event.dataSource())
                .tag("model", event.model())
                .tag("operation", event.operation())
                .register(registry)
                .increment();
    }

    /** "success", or the simple name of the exception type (a closed set: the library's own and a few JDBC ones). */
    static String outcome(Throwable error) {
        return error == null ? "success" : error.getClass().getSimpleName();
    }
}
