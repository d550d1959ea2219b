package dev.ignis.examples.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code metrics/dashboards/ignis.json} against what the code emits: every metric name its panels and variables
 * query, and every label they match or group by, is in a scrape of the example's {@code /metrics} after real
 * queries (successes, includes and rejected filters).
 */
class DashboardMetricsTest {
    static final String DS = "${DS_PROMETHEUS}";

    final Dashboard dashboard = Dashboard.load();

    @Test
    void isAGrafanaDashboardOnAPrometheusInputWithDatasourceAndModelVariables() {
        JsonNode json = dashboard.json;
        assertThat(json.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(json.path("uid").asText()).isNotBlank();
        assertThat(json.path("__inputs")).anySatisfy(input -> {
            assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
            assertThat(input.path("type").asText()).isEqualTo("datasource");
            assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
        });
        JsonNode variables = json.path("templating").path("list");
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("DS_PROMETHEUS");
            assertThat(v.path("type").asText()).isEqualTo("datasource");
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
        });
        for (String name : List.of("datasource", "model")) {
            assertThat(variables).as("a query variable '%s'", name).anySatisfy(v -> {
                assertThat(v.path("name").asText()).isEqualTo(name);
                assertThat(v.path("type").asText()).isEqualTo("query");
                assertThat(v.path("datasource").path("uid").asText()).isEqualTo(DS);
            });
        }

        Set<Integer> ids = new HashSet<>();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode panel : dashboard.panels()) {
            String title = panel.path("title").asText();
            soft.assertThat(ids.add(panel.path("id").asInt())).as("panel id %s of '%s' is unique", panel.path("id"), title).isTrue();
            soft.assertThat(panel.path("gridPos").path("w").asInt()).as("'%s' has a grid position", title).isPositive();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            soft.assertThat(panel.path("datasource").path("uid").asText()).as("'%s' queries the Prometheus input", title).isEqualTo(DS);
            soft.assertThat(panel.path("targets")).as("'%s' has queries", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                soft.assertThat(target.path("expr").asText()).as("'%s' %s", title, target.path("refId")).isNotBlank();
                soft.assertThat(target.path("datasource").path("uid").asText()).as("'%s' %s", title, target.path("refId")).isEqualTo(DS);
            }
        }
        soft.assertAll();
    }

    @Test
    void coversQueriesLatencyErrorsStatementsPerCallPoolsAndHibernate() {
        Set<String> metrics = new TreeSet<>();
        Set<String> expressions = new LinkedHashSet<>();
        dashboard.expressions().forEach(e -> {
            metrics.addAll(PromQl.metricNames(e.promql()));
            expressions.add(e.promql());
        });
        assertThat(metrics).contains("ignis_query_seconds_count", "ignis_query_seconds_sum", "ignis_query_seconds_max",
                "ignis_repository_call_seconds_count", "ignis_repository_statements_sum", "ignis_repository_statements_count",
                "ignis_repository_statements_max", "hikaricp_connections_active", "hikaricp_connections_pending",
                "hikaricp_connections_timeout_total", "hibernate_sessions_total", "hibernate_statements_total",
                "hibernate_entities_total", "hibernate_query_executions_total");
        assertThat(expressions).as("an error rate by outcome")
                .anyMatch(e -> e.contains("outcome!=\"success\"") && e.contains("by (datasource, model, operation, outcome)"));
        assertThat(expressions).as("queries per second by datasource, model and operation")
                .anyMatch(e -> e.startsWith("sum by (datasource, model, operation) (rate(ignis_query_seconds_count{"));
    }

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsInAScrapeOfTheRunningExample() throws Exception {
        Scrape scrape;
        try (ServedExample served = ServedExample.start()) {
            served.runQueries();
            String text = served.scrape();
            // The rejected filters are there as outcomes (the dashboard's error panels have something to show).
            assertThat(text).containsPattern("(?m)^ignis_repository_call_seconds_count\\{[^}]*model=\"Configuration\"[^}]*"
                    + "outcome=\"FilterException\"[^}]*} [1-9]");
            assertThat(text).containsPattern("(?m)^ignis_query_seconds_count\\{[^}]*operation=\"include\"[^}]*strategy=\"batch\"");
            assertThat(text).containsPattern("(?m)^ignis_query_seconds_count\\{[^}]*operation=\"include\"[^}]*strategy=\"cross-datasource\"");
            scrape = Scrape.parse(text);
        }

        List<Dashboard.Expression> expressions = dashboard.expressions();
        assertThat(expressions).hasSizeGreaterThan(10);
        SoftAssertions soft = new SoftAssertions();
        for (Dashboard.Expression e : expressions) {
            PromQl.Reads reads = PromQl.reads(e.promql());
            soft.assertThat(reads.metrics()).as("%s reads a metric: %s", e.where(), e.promql()).isNotEmpty();
            Set<String> labelsOfExpression = new HashSet<>();
            for (String metric : reads.metrics()) {
                soft.assertThat(scrape.has(metric))
                        .as("%s queries %s, which the example does not emit (emitted in that family: %s)",
                                e.where(), metric, scrape.family(metric))
                        .isTrue();
                labelsOfExpression.addAll(scrape.labels(metric));
                soft.assertThat(scrape.labels(metric)).as("%s matches labels on %s", e.where(), metric)
                        .containsAll(reads.matchedLabels().getOrDefault(metric, Set.of()));
            }
            soft.assertThat(labelsOfExpression).as("%s groups by labels its metrics carry: %s", e.where(), e.promql())
                    .containsAll(reads.groupingLabels());
        }
        soft.assertAll();
    }
}
