package dev.ignis.examples;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches the example with plain {@code java -p <jars> -m dev.ignis.examples/...}, outside surefire, so the
 * modules must resolve on a real module path: drivers found through {@code provides}/{@code uses}, Hibernate's
 * automatic-module needs met, the models opened to Hibernate and the engine, and — with {@code --serve} — the
 * HTTP surface, Jackson and the Prometheus registry with its {@code io.prometheus.*} automatic modules.
 */
class ModulePathLaunchTest {

    @Test
    void exampleRunsOnTheModulePath() throws Exception {
        Process process = new ProcessBuilder(command()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished within 120 s; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("some_code (general) created by Ada").contains("on CoreDataSource (cross-datasource)");
        // Observations reach the example's handler on the module path, from the include pool too; SQL is logged at DEBUG.
        assertThat(output).contains("├─ sql AuditEvent.find  datasource=AuditDataSource").containsPattern("sql \\w+\\.include .*\\[ignis-include")
                .containsPattern("DEBUG dev\\.ignis\\.sql\\.CoreDataSource - \\[CoreDataSource] select .* -- shape [0-9a-f]{8}");
        // Reads fill rows through handles looked up in the (opened) model and enricher packages; the engine logs at
        // debug whenever it has to fall back to Hibernate's reflective accessors, which is turned on for this run.
        assertThat(output).as("fallbacks from generated row fillers").doesNotContain("through Hibernate's")
                .doesNotContain("column by column");
    }

    @Test
    void exampleServesHttpOnTheModulePath() throws Exception {
        List<String> command = new ArrayList<>(command());
        command.addAll(List.of("--serve", "0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<URI> served = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern serving = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/)");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = serving.matcher(line);
                    if (m.find()) {
                        served.complete(URI.create(m.group(1)));
                    }
                }
            } catch (Exception e) {
                served.completeExceptionally(e);
            }
            served.completeExceptionally(new IllegalStateException("the example ended without serving"));
        }, "example-output");
        reader.setDaemon(true);
        reader.start();
        try {
            URI base = served.get(120, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String filter = URLEncoder.encode("{\"where\":{\"code\":\"some_code\"},\"include\":[\"creator\"]}", StandardCharsets.UTF_8);
            HttpResponse<String> rows = client.send(HttpRequest.newBuilder(base.resolve("/configurations?filter=" + filter)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rows.statusCode()).as("%s%noutput:%n%s", rows.body(), output).isEqualTo(200);
            assertThat(rows.body()).contains("\"creator\":{").contains("\"name\":\"Ada\"");
            assertThat(rows.headers().firstValue("Content-Range")).hasValue("records 0-0/1");
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as("output:%n%s", output).isEqualTo(200);
            assertThat(metrics.body()).contains("ignis_query_seconds_count{").contains("hikaricp_connections{");
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops the server, then the datasources
            boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly();
            }
            reader.join(5_000);
            assertThat(stopped).as("stopped on SIGTERM; output:%n%s", output).isTrue();
            assertThat(output.toString()).doesNotContain("Exception");
        }
    }

    private static List<String> command() {
        String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .filter(entry -> !entry.matches(".*(junit|assertj|opentest4j|apiguardian|surefire|byte-buddy-agent).*"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.dev.ignis.engine.internal.model=debug", "-Dorg.slf4j.simpleLogger.log.dev.ignis.sql=debug",
                "-p", modulePath, "-m", "dev.ignis.examples/dev.ignis.examples.Main");
    }
}
