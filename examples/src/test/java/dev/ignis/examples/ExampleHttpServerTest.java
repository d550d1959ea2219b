package dev.ignis.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.http.ExampleHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP surface on a free loopback port, queried with the JDK's HttpClient. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleHttpServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int KEEP_ALIVE_REQUESTS = 200;
    static final int KEEP_ALIVE_WARM_UP = 300;
    static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    Example example;
    ExampleHttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        example = Example.start(ExampleSettings.from(Map.of("--core-url", "jdbc:h2:mem:http-test-core;DB_CLOSE_DELAY=-1",
                "--audit-url", "jdbc:h2:mem:http-test-audit;DB_CLOSE_DELAY=-1"), Map.of()));
        example.seed();
        server = ExampleHttpServer.start(example.app(), example.meters(),
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (example != null) {
            example.close();
        }
    }

    @Test
    void listensOnLoopbackAndServesEveryRepository() throws Exception {
        assertThat(server.uri().toString()).startsWith("http://127.0.0.1:").doesNotEndWith(":0/");
        assertThat(server.resources()).containsExactly("audit-events", "configurations", "users");
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(index.body()).get("resources").toString()).contains("/configurations", "/audit-events", "/users");
    }

    @Test
    void theSeedsQueryAsAFilterParameter() throws Exception {
        HttpResponse<String> response = get("/configurations?filter="
                + encode("{\"where\":{\"code\":\"some_code\"},\"include\":[{\"relation\":\"creator\"}]}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Range")).hasValue("records 0-0/1");
        JsonNode rows = JSON.readTree(response.body());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("code").asText()).isEqualTo("some_code");
        assertThat(row.get("group").asText()).isEqualTo("general");
        assertThat(row.get("creator").get("name").asText()).isEqualTo("Ada");
        assertThat(row.get("creator").get("realm").asText()).isEqualTo("engineering");
        assertThat(row.get("createdAt").isTextual()).as("Instants as ISO-8601 strings: %s", row).isTrue();
        assertThat(Instant.parse(row.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(Instant.parse(row.get("creator").get("modifiedAt").asText())).isNotNull();

        // ... and what the query cost is on /metrics, attributed to the datasource and model it ran on.
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).containsPattern("(?m)^ignis_query_seconds_count\\{[^}]*datasource=\"CoreDataSource\"[^}]*"
                + "model=\"Configuration\"[^}]*operation=\"findWithRange\"[^}]*strategy=\"direct\"[^}]*} [1-9]");
        assertThat(metrics.body()).containsPattern("(?m)^ignis_repository_call_seconds_count\\{[^}]*datasource=\"CoreDataSource\""
                + "[^}]*model=\"Configuration\"[^}]*operation=\"findWithRange\"[^}]*outcome=\"success\"[^}]*} [1-9]");
        assertThat(metrics.body()).contains("ignis_repository_statements");
    }

    @Test
    void pagesCarryTheirRangeAndCrossDataSourceIncludesWork() throws Exception {
        HttpResponse<String> response = get("/audit-events?filter="
                + encode("{\"limit\":2,\"include\":[\"actor\",{\"relation\":\"configuration\",\"scope\":{\"include\":[\"creator\"]}}]}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("records 0-1/3");
        JsonNode rows = JSON.readTree(response.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("action").asText()).isEqualTo("updated");
        assertThat(rows.get(0).get("actor").get("name").asText()).isEqualTo("Ada");
        assertThat(rows.get(0).get("configuration").get("creator").get("name").asText()).isEqualTo("Bob");

        HttpResponse<String> past = get("/users?filter=" + encode("{\"skip\":10}"));
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.headers().firstValue("Content-Range")).hasValue("records */2");
        assertThat(past.body()).isEqualTo("[]");
    }

    @Test
    void oneRowById() throws Exception {
        JsonNode users = JSON.readTree(get("/users?filter=" + encode("{\"where\":{\"name\":\"Bob\"}}")).body());
        String id = users.get(0).get("id").asText();
        HttpResponse<String> response = get("/users/" + id + "?filter=" + encode("{\"include\":[\"configurations\"]}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode bob = JSON.readTree(response.body());
        assertThat(bob.get("name").asText()).isEqualTo("Bob");
        assertThat(bob.get("configurations").get(0).get("code").asText()).isEqualTo("other_code");

        long eventId = JSON.readTree(get("/audit-events").body()).get(0).get("id").asLong();
        HttpResponse<String> event = get("/audit-events/" + eventId);
        assertThat(event.statusCode()).as(event.body()).isEqualTo(200);
        assertThat(JSON.readTree(event.body()).get("id").asLong()).isEqualTo(eventId);
    }

    @Test
    void anUnknownIdIs404() throws Exception {
        HttpResponse<String> response = get("/configurations/no-such-id");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("statusCode").asInt()).isEqualTo(404);
        assertThat(error.get("message").asText()).isEqualTo("Configuration with id 'no-such-id' was not found");

        assertThat(get("/audit-events/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadFilterIs400WithItsPathAndTheValidNames() throws Exception {
        HttpResponse<String> response = get("/configurations?filter=" + encode("{\"where\":{\"nope\":\"x\"}}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("name").asText()).isEqualTo("FilterException");
        assertThat(error.get("path").asText()).isEqualTo("where.nope");
        assertThat(error.get("message").asText()).contains("nope");
        assertThat(names(error.get("validNames"))).contains("code", "group", "createdBy", "createdAt");
        assertThat(response.body()).doesNotContain("at dev.ignis", "Exception:", "\tat ");

        HttpResponse<String> notJson = get("/configurations?filter=" + encode("{where"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("error").get("path").asText()).isEqualTo("$");

        HttpResponse<String> unknownRelation = get("/users?filter=" + encode("{\"include\":[\"friends\"]}"));
        assertThat(unknownRelation.statusCode()).isEqualTo(400);
        assertThat(names(JSON.readTree(unknownRelation.body()).get("error").get("validNames"))).contains("configurations");

        HttpResponse<String> badId = get("/audit-events/abc");
        assertThat(badId.statusCode()).as("the id is not a number: %s", badId.body()).isEqualTo(400);
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        HttpResponse<String> unknown = get("/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").get("message").asText()).contains("/nothing-here");
        assertThat(get("/users/1/more").statusCode()).isEqualTo(404);

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.uri().resolve("/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    /**
     * Request lines the server cannot read, sent on a raw socket as a careless client would (an unencoded space in the
     * query, broken percent-encoding, characters a path may not hold, no version): each is answered with the JSON error
     * of every other failure, never an HTML page, with the status that names the problem.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedRequestLines")
    void malformedRequestsAreAnsweredInJson(String requestLine, int status, String messagePart) throws IOException {
        String response = exchangeRaw(requestLine);

        assertThat(response).as(response).startsWith("HTTP/1.1 " + status + " ");
        assertThat(response).as(response).containsPattern("(?im)^content-type: application/json; charset=utf-8$");
        JsonNode error = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).get("error");
        assertThat(error.get("statusCode").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).contains(messagePart);
        assertThat(response).doesNotContain("<html", "<h1>", "\tat ");
    }

    static List<Arguments> malformedRequestLines() {
        return List.of(
                Arguments.of("GET /users?filter={\"where\": {}} HTTP/1.1", 400, "Illegal character SPACE"),
                Arguments.of("GET /users?filter=%ZZ HTTP/1.1", 400, "Malformed percent-encoding in '%ZZ'"),
                Arguments.of("GET /us%ZZers HTTP/1.1", 400, "Malformed request"),
                Arguments.of("GET /users/a%2Fb HTTP/1.1", 400, "Ambiguous URI path separator"),
                Arguments.of("GET /users|x HTTP/1.1", 400, "Illegal Path Character"),
                Arguments.of("GET /caf\u00e9 HTTP/1.1", 400, "Illegal Path Character"),
                Arguments.of("GET /users?filter=\u0001 HTTP/1.1", 400, "Illegal character CNTL=0x1"),
                Arguments.of("GARBAGE", 400, "No URI"),
                Arguments.of("GET /users", 505, "HTTP/0.9 not supported"),
                Arguments.of("GET /users?filter=" + "x".repeat(70_000) + " HTTP/1.1", 414, "URI Too Long"));
    }

    /** A raw JSON filter, not percent-encoded, is read as it is: braces and quotes are not malformed in a query. */
    @Test
    void anUnencodedJsonFilterIsRead() throws IOException {
        String response = exchangeRaw("GET /users?filter={\"where\":{\"name\":\"Ada\"}} HTTP/1.1");
        assertThat(response).as(response).startsWith("HTTP/1.1 200 ");
        JsonNode rows = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("Ada");
    }

    /** One request on its own connection, written byte for byte; the whole response as the server sent it. */
    private String exchangeRaw(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * One keep-alive connection, written to with a plain socket so that every request provably shares it, serves 200
     * sequential requests quickly: the server's responses (headers, then body) are not held back by Nagle's algorithm
     * waiting for the client's delayed ACK (~40 ms a request without TCP no-delay). The index is asked for, so that
     * the figure is the server's and the connection's, not the database's.
     */
    @Test
    void oneKeepAliveConnectionServes200SequentialRequestsQuickly() throws IOException {
        byte[] request = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long[] nanos = new long[KEEP_ALIVE_REQUESTS];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < KEEP_ALIVE_WARM_UP; i++) { // the first requests compile the code paths: not what is measured
                out.write(request);
                out.flush();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            }
            for (int i = 0; i < KEEP_ALIVE_REQUESTS; i++) {
                long begin = System.nanoTime();
                out.write(request);
                out.flush();
                String response = readResponse(in);
                nanos[i] = System.nanoTime() - begin;
                assertThat(response).as("response %d", i).startsWith("HTTP/1.1 200");
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[KEEP_ALIVE_REQUESTS / 2] / 1e6;
        double p90 = sorted[KEEP_ALIVE_REQUESTS * 9 / 10] / 1e6;
        System.out.printf("%d requests (after %d) on one keep-alive connection: p50 %.2f ms, p90 %.2f ms, max %.2f ms%n",
                KEEP_ALIVE_REQUESTS, KEEP_ALIVE_WARM_UP, p50, p90, sorted[KEEP_ALIVE_REQUESTS - 1] / 1e6);
        assertThat(p50).as("median milliseconds per request").isLessThanOrEqualTo(2.0);
    }

    /** One HTTP/1.1 response: the headers, then exactly Content-Length bytes of body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        assertThat(length.find()).as("Content-Length in %s", headers).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri().toString().replaceAll("/$", "") + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
