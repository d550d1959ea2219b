package dev.ignis.examples.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ignis.examples.Example;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.http.ExampleHttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example, seeded, with its HTTP surface on a free port of 127.0.0.1 (as {@code --serve 0} runs it), on fresh
 * in-memory H2 databases; and the queries the metrics tests make through it.
 */
final class ServedExample implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Example example;
    final ExampleHttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServedExample(Example example, ExampleHttpServer server) {
        this.example = example;
        this.server = server;
    }

    static ServedExample start() throws IOException {
        String unique = UUID.randomUUID().toString().replace("-", "");
        Example example = Example.start(ExampleSettings.from(Map.of(
                "--core-url", "jdbc:h2:mem:metrics-core-" + unique + ";DB_CLOSE_DELAY=-1",
                "--audit-url", "jdbc:h2:mem:metrics-audit-" + unique + ";DB_CLOSE_DELAY=-1"), Map.of()));
        try {
            example.seed();
            return new ServedExample(example, ExampleHttpServer.start(example.app(), example.meters(),
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0)));
        } catch (IOException | RuntimeException e) {
            example.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    /**
     * The seed's query with a batched include, includes across datasources both ways (and one nested), one row by id
     * with an include, a page, and two filters the engine rejects (an unknown property, an unknown relation), so the
     * scrape has error outcomes as well as successes.
     */
    void runQueries() throws Exception {
        expect(200, "/configurations?filter=" + encode("{\"where\":{\"code\":\"some_code\"},\"include\":[\"creator\"]}"));
        expect(200, "/audit-events?filter=" + encode("{\"include\":[\"actor\",{\"relation\":\"configuration\","
                + "\"scope\":{\"include\":[\"creator\"]}}]}"));
        String bob = JSON.readTree(expect(200, "/users?filter=" + encode("{\"where\":{\"name\":\"Bob\"}}")).body())
                .get(0).get("id").asText();
        expect(200, "/configurations?filter=" + encode("{\"include\":[{\"relation\":\"events\",\"scope\":{\"limit\":1}}]}"));
        expect(200, "/users/" + bob + "?filter=" + encode("{\"include\":[\"configurations\"]}"));
        expect(200, "/users?filter=" + encode("{\"skip\":1,\"limit\":1}"));
        expect(400, "/configurations?filter=" + encode("{\"where\":{\"nope\":\"x\"}}"));
        expect(400, "/users?filter=" + encode("{\"include\":[\"friends\"]}"));
    }

    String scrape() throws Exception {
        HttpResponse<String> metrics = expect(200, "/metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        return metrics.body();
    }

    HttpResponse<String> expect(int status, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri().toString().replaceAll("/$", "") + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(status);
        return response;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            example.close();
        }
    }
}
