package dev.ignis.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Which buckets the engine's meters publish besides count, sum and max. {@link #OFF} (the default) publishes none:
 * a scrape then holds a few lines per tag combination. {@link #percentiles()} adds a percentile histogram to
 * both timers (several dozen {@code _bucket} lines per series between 100 µs and 30 s, enough for
 * {@code histogram_quantile}); service-level objectives add one bucket per boundary, for timers
 * ({@link #withLatencyObjectives}) or for the statements-per-call summary ({@link #withStatementObjectives}).
 */
public record Histograms(boolean percentileHistogram, List<Duration> latencyObjectives, List<Double> statementObjectives) {
    /** Count, sum and max only. */
    public static final Histograms OFF = new Histograms(false, List.of(), List.of());

    public Histograms {
        latencyObjectives = List.copyOf(latencyObjectives);
        statementObjectives = List.copyOf(statementObjectives);
    }

    /** Percentile histograms on {@code ignis.query} and {@code ignis.repository.call}. */
    public static Histograms percentiles() {
        return new Histograms(true, List.of(), List.of());
    }

    /** These latency boundaries as buckets of both timers, e.g. {@code Duration.ofMillis(10)}. */
    public Histograms withLatencyObjectives(Duration... boundaries) {
        return new Histograms(percentileHistogram, Arrays.asList(boundaries), statementObjectives);
    }

    /** These statement counts as buckets of {@code ignis.repository.statements}, e.g. {@code 1, 2, 5, 10}. */
    public Histograms withStatementObjectives(double... boundaries) {
        return new Histograms(percentileHistogram, latencyObjectives, Arrays.stream(boundaries).boxed().toList());
    }
}
