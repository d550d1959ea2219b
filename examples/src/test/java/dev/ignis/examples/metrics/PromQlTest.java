package dev.ignis.examples.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokenizer the dashboard check relies on: metric names in, functions, keywords, labels and variables out. */
class PromQlTest {

    @Test
    void aRateSummedByLabels() {
        PromQl.Reads reads = PromQl.reads("sum by (datasource, model, operation) "
                + "(rate(ignis_query_seconds_count{datasource=~\"$datasource\", model=~\"$model\"}[$__rate_interval]))");
        assertThat(reads.metrics()).containsExactly("ignis_query_seconds_count");
        assertThat(reads.matchedLabels().get("ignis_query_seconds_count")).containsExactly("datasource", "model");
        assertThat(reads.groupingLabels()).containsExactly("datasource", "model", "operation");
    }

    @Test
    void aRatioOfTwoRatesAndAGaugeWithTrailingBy() {
        assertThat(PromQl.metricNames("sum(rate(ignis_query_seconds_sum[5m])) by (model) / "
                + "sum(rate(ignis_query_seconds_count[5m])) by (model) > bool 0.5 and on (model) ignis_query_seconds_max offset 1h"))
                .containsExactly("ignis_query_seconds_sum", "ignis_query_seconds_count", "ignis_query_seconds_max");
    }

    @Test
    void functionsAggregationsStringsNumbersAndVariablesAreNotMetrics() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum without (instance) (rate(x_bucket{le!=\"+Inf\", a=\"b c(d)\"}[${interval}])))"))
                .containsExactly("x_bucket");
        assertThat(PromQl.metricNames("topk(5, max_over_time(some:recorded_rule[1h:5m]))")).containsExactly("some:recorded_rule");
        assertThat(PromQl.metricNames("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\") * on (job) group_left (version) build_info"))
                .containsExactly("up", "build_info");
        assertThat(PromQl.metricNames("vector(1) + count (foo) + 1e3 + [[legacy]]")).containsExactly("foo");
        assertThat(PromQl.metricNames("{__name__=\"by_name\", job=\"x\"}")).containsExactly("by_name");
    }
}
