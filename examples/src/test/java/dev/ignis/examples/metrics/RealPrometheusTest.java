package dev.ignis.examples.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus server (the {@code prometheus} binary, e.g. Debian's package) scraping the example's
 * {@code /metrics} every second, all on 127.0.0.1: the query timer arrives with its labels, the dashboard's
 * expressions are valid PromQL to it, and its variables find the datasources. Skipped when the binary is not on
 * the PATH, unless {@code CI=true}, where that fails the run ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPrometheusTest {
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    ServedExample served;
    Process prometheus;
    URI api;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Why the tests are skipped (no binary, not under CI), or null. */
    String skipped;

    @BeforeAll
    void start() throws Exception {
        Optional<Path> found = prometheusBinary();
        if (found.isEmpty()) {
            String message = "No prometheus binary on the PATH; install it with: apt-get install -y prometheus";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: the real-Prometheus test must run)");
            }
            skipped = message; // each test reports the skip, so it shows in the run's summary
            return;
        }
        Path binary = found.get();
        served = ServedExample.start();

        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: ignis-example
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(served.port()));
        int port = freeLoopbackPort();
        api = URI.create("http://127.0.0.1:" + port + "/");
        Path log = dir.resolve("prometheus.log");
        prometheus = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        poll("Prometheus (pid " + prometheus.pid() + ") to be ready on " + api, () -> {
            HttpResponse<String> ready = get("-/ready");
            return ready != null && ready.statusCode() == 200 ? Optional.of(true) : Optional.empty();
        });
    }

    @BeforeEach
    void skipWithoutPrometheus() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (prometheus != null) {
                ProcessHandle handle = ProcessHandle.of(prometheus.pid()).orElse(null);
                if (handle != null) {
                    handle.destroy(); // SIGTERM: Prometheus shuts down cleanly
                }
                if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                    prometheus.waitFor(10, TimeUnit.SECONDS);
                }
                assertThat(prometheus.isAlive()).as("Prometheus pid %d stopped", prometheus.pid()).isFalse();
            }
        } finally {
            if (served != null) {
                served.close();
            }
        }
    }

    @Test
    void theQueryTimerReachesPrometheusWithItsLabels() throws Exception {
        served.runQueries();

        String query = "ignis_query_seconds_count{datasource=\"CoreDataSource\",model=\"Configuration\"}";
        JsonNode series = poll("a scrape with the seed's query (findWithRange, direct, success) in " + query, () -> {
            JsonNode result = query(query);
            for (JsonNode s : result) {
                JsonNode labels = s.path("metric");
                if (labels.path("operation").asText().equals("findWithRange") && labels.path("strategy").asText().equals("direct")
                        && labels.path("outcome").asText().equals("success")) {
                    return Optional.of(result);
                }
            }
            return Optional.empty();
        });

        assertThat(series).isNotEmpty();
        List<String> operations = new ArrayList<>();
        for (JsonNode s : series) {
            JsonNode labels = s.path("metric");
            assertThat(labels.path("__name__").asText()).isEqualTo("ignis_query_seconds_count");
            assertThat(labels.path("datasource").asText()).isEqualTo("CoreDataSource");
            assertThat(labels.path("model").asText()).isEqualTo("Configuration");
            assertThat(labels.path("operation").asText()).isNotBlank();
            assertThat(labels.path("strategy").asText()).isIn("direct", "batch", "per-parent", "cross-datasource");
            assertThat(labels.path("outcome").asText()).isNotBlank();
            assertThat(labels.path("job").asText()).isEqualTo("ignis-example");
            assertThat(labels.path("instance").asText()).isEqualTo("127.0.0.1:" + served.port());
            assertThat(Double.parseDouble(s.path("value").get(1).asText())).isPositive();
            operations.add(labels.path("operation").asText());
        }
        assertThat(operations).contains("create", "updateById", "findWithRange");

        // Includes across datasources are attributed to the datasource each ran on (both ways), with their strategy.
        String includes = "count by (datasource) (ignis_query_seconds_count{operation=\"include\",strategy=\"cross-datasource\"})";
        poll("cross-datasource includes on both datasources in " + includes,
                () -> query(includes).size() == 2 ? Optional.of(true) : Optional.empty());

        JsonNode targets = JSON.readTree(get("api/v1/targets").body()).path("data").path("activeTargets");
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.path("health").asText()).isEqualTo("up");
            assertThat(t.path("scrapeUrl").asText()).isEqualTo("http://127.0.0.1:" + served.port() + "/metrics");
        });
    }

    @Test
    void theDashboardsExpressionsAreValidPromQlAndItsVariablesFindTheDatasources() throws Exception {
        poll("a first scrape", () -> query("ignis_query_seconds_count").isEmpty() ? Optional.empty() : Optional.of(true));

        for (Dashboard.Expression e : Dashboard.load().expressions()) {
            String promql = e.promql().replace("$__rate_interval", "1m")
                    .replace("$datasource", ".*").replace("$model", ".*");
            HttpResponse<String> response = get("api/v1/query?query=" + ServedExample.encode(promql));
            assertThat(response.statusCode()).as("%s: %s -> %s", e.where(), promql, response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("status").asText()).as("%s: %s", e.where(), promql).isEqualTo("success");
        }

        // label_values(ignis_query_seconds_count, datasource), as Grafana asks it.
        HttpResponse<String> values = get("api/v1/label/datasource/values?match%5B%5D=" + ServedExample.encode("ignis_query_seconds_count"));
        List<String> dataSources = new ArrayList<>();
        JSON.readTree(values.body()).path("data").forEach(v -> dataSources.add(v.asText()));
        assertThat(dataSources).contains("CoreDataSource", "AuditDataSource");
    }

    // ---- Prometheus

    /** The {@code prometheus} binary on the PATH. */
    static Optional<Path> prometheusBinary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, "prometheus");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** {@code /api/v1/query}: the instant vector's series. */
    JsonNode query(String promql) throws Exception {
        HttpResponse<String> response = get("api/v1/query?query=" + ServedExample.encode(promql));
        assertThat(response).as("Prometheus answered").isNotNull();
        assertThat(response.statusCode()).as("%s -> %s", promql, response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("success");
        assertThat(body.path("data").path("resultType").asText()).isEqualTo("vector");
        return body.path("data").path("result");
    }

    /** A GET on Prometheus, or null while it does not accept connections yet. */
    HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return null;
        }
    }

    /**
     * Asks until there is an answer or {@link #DEADLINE} passes; fails at once if Prometheus has exited, with its log.
     */
    <T> T poll(String what, Callable<Optional<T>> attempt) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            if (!prometheus.isAlive()) {
                Assertions.fail("Prometheus exited with " + prometheus.exitValue() + " while waiting for " + what + ":\n" + log());
            }
            Optional<T> answer = attempt.call();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                Assertions.fail("No " + what + " within " + DEADLINE.toSeconds() + "s; Prometheus log:\n" + log());
            }
            // Poll again shortly: the scrape interval is 1s; waitFor returns at once if the process dies meanwhile.
            prometheus.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
