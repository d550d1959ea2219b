package dev.ignis.examples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.IgnisApplication;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The example's HTTP surface, on the JDK's {@code jdk.httpserver}, read-only:
 * <ul>
 *   <li>{@code GET /<resource>?filter=<json>}: a page of rows as a JSON array, with
 *       {@code Content-Range: records 0-9/120};</li>
 *   <li>{@code GET /<resource>/<id>?filter=<json>}: one row (the filter may add fields and include), or 404;</li>
 *   <li>{@code GET /metrics}: the Prometheus text format of the registry the engine's queries are timed in;</li>
 *   <li>{@code GET /}: the resources served.</li>
 * </ul>
 * Resources are the application's repositories ({@link Resources}). Rows are {@link Engine#toMap(Object, Filter)}: flat
 * properties by filter key, included relations nested, timestamps as ISO-8601 strings. Errors answer
 * {@code {"error": {...}}} ({@link HttpError}): 400 for a bad filter (with its {@code path} and {@code validNames}),
 * 404, 409, 503, and 500 without details for the rest.
 */
public final class ExampleHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExampleHttpServer.class.getName());
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // jdk.httpserver writes a response's headers and body separately; with Nagle's algorithm on, the body waits for
        // the client's delayed ACK (~40 ms) on every keep-alive request. The server reads this property once, when the
        // first server of the JVM is created; an explicit -Dsun.net.httpserver.nodelay wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final Engine engine;
    private final Map<String, ViewRepository<?, ?>> resources;
    private final PrometheusMeterRegistry meters;
    private final HttpServer server;
    private final ExecutorService executor;

    private ExampleHttpServer(Engine engine, Map<String, ViewRepository<?, ?>> resources, PrometheusMeterRegistry meters,
                              InetSocketAddress address) throws IOException {
        this.engine = engine;
        this.resources = Map.copyOf(resources);
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ignis-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Serves every repository of a started application at {@code address} (port 0: a free port). Bind to the
     * loopback address unless the example should be reachable from other machines: there is no authentication.
     */
    public static ExampleHttpServer start(IgnisApplication app, PrometheusMeterRegistry meters, InetSocketAddress address)
            throws IOException {
        return start(app.engine(), Resources.of(app), meters, address);
    }

    /** Serves the given repositories, by path segment ({@code "users"} answers {@code /users}). */
    public static ExampleHttpServer start(Engine engine, Map<String, ViewRepository<?, ?>> resources,
                                          PrometheusMeterRegistry meters, InetSocketAddress address) throws IOException {
        ExampleHttpServer http = new ExampleHttpServer(engine, resources, meters, address);
        http.server.start();
        return http;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The path segments served, sorted ({@code audit-events, configurations, users}). */
    public List<String> resources() {
        return resources.keySet().stream().sorted().toList();
    }

    /** Stops accepting requests and stops the server's threads; the application stays open. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---- requests

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException | Error e) {
                HttpError error = HttpError.from(e);
                if (error.isServerFault()) {
                    LOG.log(System.Logger.Level.ERROR, "GET " + exchange.getRequestURI() + " failed", e);
                }
                sendJson(exchange, error.status(), error.body());
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            HttpError error = HttpError.of(405, "Only GET is served here, not " + exchange.getRequestMethod());
            sendJson(exchange, error.status(), error.body());
            return;
        }
        List<String> segments = segments(exchange.getRequestURI());
        if (segments.isEmpty()) {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("resources", resources().stream().map(r -> "/" + r).toList());
            index.put("metrics", "/metrics");
            sendJson(exchange, 200, index);
            return;
        }
        if (segments.size() == 1 && segments.get(0).equals("metrics")) {
            send(exchange, 200, PROMETHEUS_TEXT, meters.scrape().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ViewRepository<?, ?> repository = resources.get(segments.get(0));
        if (repository == null || segments.size() > 2) {
            HttpError error = HttpError.of(404, "NotFound", "Nothing is served at " + exchange.getRequestURI().getRawPath(),
                    Map.of("resources", resources().stream().map(r -> "/" + r).toList()));
            sendJson(exchange, error.status(), error.body());
            return;
        }
        Filter filter = Filter.parse(parameter(exchange.getRequestURI(), "filter").orElse(null));
        if (segments.size() == 1) {
            list(exchange, repository, filter);
        } else {
            one(exchange, repository, segments.get(1), filter);
        }
    }

    private void list(HttpExchange exchange, ViewRepository<?, ?> repository, Filter filter) throws IOException {
        RangeResult<?> page = repository.findWithRange(filter);
        List<Map<String, Object>> rows = new ArrayList<>(page.data().size());
        page.data().forEach(row -> rows.add(engine.toMap(row, filter)));
        exchange.getResponseHeaders().set("Content-Range", page.range().toContentRange("records"));
        exchange.getResponseHeaders().set("Access-Control-Expose-Headers", "Content-Range");
        sendJson(exchange, 200, rows);
    }

    /** The id arrives as text; the engine converts it to the model's id type (a FilterException, 400, if it cannot). */
    @SuppressWarnings("unchecked")
    private void one(HttpExchange exchange, ViewRepository<?, ?> repository, String id, Filter filter) throws IOException {
        Optional<?> row = ((ViewRepository<?, Object>) repository).findById(id, filter);
        if (row.isEmpty()) {
            HttpError error = HttpError.of(404, "NotFoundException",
                    repository.modelClass().getSimpleName() + " with id '" + id + "' was not found", Map.of());
            sendJson(exchange, error.status(), error.body());
            return;
        }
        sendJson(exchange, 200, engine.toMap(row.get(), filter));
    }

    // ---- plumbing

    /** Decoded, non-empty path segments: {@code /audit-events/12} → {@code [audit-events, 12]}. */
    private static List<String> segments(URI uri) {
        List<String> segments = new ArrayList<>();
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : raw.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** The first value of a query parameter, URL-decoded. */
    static Optional<String> parameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, Json.write(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
