package dev.ignis.metrics;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The size of a two-model application's Prometheus scrape: every repository operation on both models, a
 * cross-datasource include and two kinds of failure, with the query meters, the pool meters and Hibernate's
 * statistics. Without buckets (the default) it stays small; percentile histograms are there when asked for.
 */
class ScrapeSizeTest {
    static final int MAX_LINES = 1_500;

    @Test
    void aTwoModelScrapeStaysSmallByDefault() {
        String scrape = scrapeAfterWorkload("scrape-default", Histograms.OFF);
        System.out.printf("two-model scrape without buckets: %d lines, %d bytes%n", scrape.lines().count(), scrape.length());
        assertThat(scrape.lines().count()).isLessThan(MAX_LINES);
        assertThat(scrape).contains("ignis_query_seconds_count{").contains("ignis_repository_statements_count{")
                .doesNotContain("ignis_query_seconds_bucket").doesNotContain("ignis_repository_call_seconds_bucket")
                .doesNotContain("ignis_repository_statements_bucket");
    }

    @Test
    void percentileHistogramsAndObjectivesAreThereWhenAskedFor() {
        Histograms histograms = Histograms.percentiles().withLatencyObjectives(Duration.ofMillis(250))
                .withStatementObjectives(1, 10);
        String scrape = scrapeAfterWorkload("scrape-histograms", histograms);
        System.out.printf("two-model scrape with percentile histograms: %d lines, %d bytes%n", scrape.lines().count(), scrape.length());
        assertThat(scrape).contains("ignis_query_seconds_bucket{").contains("ignis_repository_call_seconds_bucket{")
                .contains("le=\"0.25\"");
        assertThat(scrape.lines().filter(line -> line.startsWith("ignis_repository_statements_bucket{")))
                .as("the two statement objectives and +Inf, per series").isNotEmpty()
                .allMatch(line -> line.contains("le=\"1.0\"") || line.contains("le=\"10.0\"") || line.contains("le=\"+Inf\""));
        assertThat(scrape.lines().count()).isGreaterThan(MAX_LINES);
    }

    private static String scrapeAfterWorkload(String prefix, Histograms histograms) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TestDataSources.Notes notesDs = new TestDataSources.Notes(prefix);
        TestDataSources.People people = new TestDataSources.People(prefix);
        try (Engine engine = Engine.builder().dataSources(notesDs, people)
                .listener(new MicrometerQueryListener(registry, histograms)).observer(new DataSourceMeters(registry))
                .build().start()) {
            CrudRepository<Note, String> notes = new CrudRepository<>(notesDs, Note.class);
            CrudRepository<Owner, String> owners = new CrudRepository<>(people, Owner.class);
            Map<CrudRepository<?, String>, String> textFields = Map.of(notes, "body", owners, "name");
            textFields.forEach((repository, field) -> {
                repository.find();
                repository.findById("none");
                repository.count(Where.isNotNull("id"));
                repository.existsWith(Where.eq("id", "none"));
                repository.findWithRange(Filter.empty().limit(1));
                repository.updateAll(Map.of(field, "none"), Where.eq("id", "nothing"));
                repository.deleteAll(Where.eq("id", "nothing"));
                assertThatThrownBy(() -> repository.find(Filter.where("nope", 1))).isInstanceOf(FilterException.class);
            });
            owners.createAll(List.of(new Owner("o1", "Ada"), new Owner("o2", "Bob")));
            owners.updateById("o2", Map.of("name", "Bea"));
            notes.create(new Note("n1", "first", "o1"));
            assertThat(notes.find(Filter.empty().include("owner"))).hasSize(1);
            assertThatThrownBy(() -> owners.create(new Owner("o1", "Ada again"))).isInstanceOf(ConflictException.class);
            notes.deleteById("n1");
            return registry.scrape();
        } finally {
            registry.close();
        }
    }
}
