package dev.ignis.examples.http;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.IgnisApplication;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example's HTTP surface, on Jetty's core server (its {@link Handler} API, no servlets), read-only:
 * <ul>
 *   <li>{@code GET /<resource>?filter=<json>}: a page of rows as a JSON array, with
 *       {@code Content-Range: records 0-9/120};</li>
 *   <li>{@code GET /<resource>/<id>?filter=<json>}: one row (the filter may add fields and include), or 404;</li>
 *   <li>{@code GET /metrics}: the Prometheus text format of the registry the engine's queries are timed in;</li>
 *   <li>{@code GET /}: the resources served.</li>
 * </ul>
 * Resources are the application's repositories ({@link Resources}). Rows are {@link Engine#toMap(Object, Filter)}: flat
 * properties by filter key, included relations nested, timestamps as ISO-8601 strings. Every error answers
 * {@code {"error": {...}}} ({@link HttpError}): 400 for a bad filter (with its {@code path} and {@code validNames}) or a
 * malformed request, 404, 405, 409, 503, and 500 without details for the rest. Requests Jetty rejects before any
 * handler runs (a request line or URI it cannot parse, a request line longer than 64 KB) are answered in the same JSON
 * by the server's error handler.
 */
public final class ExampleHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExampleHttpServer.class.getName());
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Room for long JSON filters in the query string; Jetty's default is 8 KB. */
    private static final int REQUEST_HEADER_BYTES = 64 * 1024;
    private static final int MAX_THREADS = 16;

    private final Engine engine;
    private final Map<String, ViewRepository<?, ?>> resources;
    private final PrometheusMeterRegistry meters;
    private final Server server;
    private final ServerConnector connector;

    private ExampleHttpServer(Engine engine, Map<String, ViewRepository<?, ?>> resources, PrometheusMeterRegistry meters,
                              InetSocketAddress address) {
        this.engine = engine;
        this.resources = Map.copyOf(resources);
        this.meters = meters;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("ignis-http");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        // No Nagle: a response's headers and body must not wait for the client's delayed ACK on keep-alive connections.
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ExampleHttpServer.this.handle(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new JsonErrors());
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
        try {
            http.server.start();
        } catch (IOException e) {
            http.close();
            throw e;
        } catch (Exception e) {
            http.close();
            throw new IOException("The HTTP server did not start on " + address + ": " + e.getMessage(), e);
        }
        return http;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        String host = connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The path segments served, sorted ({@code audit-events, configurations, users}). */
    public List<String> resources() {
        return resources.keySet().stream().sorted().toList();
    }

    /** Stops accepting requests and stops the server's threads; the application stays open. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping the HTTP server failed", e);
        }
    }

    // ---- requests

    private void handle(Request request, Response response, Callback callback) {
        try {
            route(new Exchange(request, response, callback));
        } catch (RuntimeException | Error e) {
            HttpError error = HttpError.from(e);
            if (error.isServerFault()) {
                LOG.log(System.Logger.Level.ERROR, request.getMethod() + " " + request.getHttpURI() + " failed", e);
            }
            new Exchange(request, response, callback).sendJson(error);
        }
    }

    private void route(Exchange exchange) {
        String method = exchange.request.getMethod();
        if (!method.equals("GET")) {
            exchange.response.getHeaders().put(HttpHeader.ALLOW, "GET");
            exchange.sendJson(HttpError.of(405, "Only GET is served here, not " + method));
            return;
        }
        String rawPath = exchange.request.getHttpURI().getPath();
        List<String> segments = segments(rawPath);
        if (segments.isEmpty()) {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("resources", resources().stream().map(r -> "/" + r).toList());
            index.put("metrics", "/metrics");
            exchange.sendJson(200, index);
            return;
        }
        if (segments.size() == 1 && segments.get(0).equals("metrics")) {
            exchange.send(200, PROMETHEUS_TEXT, meters.scrape().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ViewRepository<?, ?> repository = resources.get(segments.get(0));
        if (repository == null || segments.size() > 2) {
            exchange.sendJson(HttpError.of(404, "NotFound", "Nothing is served at " + rawPath,
                    Map.of("resources", resources().stream().map(r -> "/" + r).toList())));
            return;
        }
        Filter filter = Filter.parse(parameter(exchange.request.getHttpURI().getQuery(), "filter").orElse(null));
        if (segments.size() == 1) {
            list(exchange, repository, filter);
        } else {
            one(exchange, repository, segments.get(1), filter);
        }
    }

    private void list(Exchange exchange, ViewRepository<?, ?> repository, Filter filter) {
        RangeResult<?> page = repository.findWithRange(filter);
        List<Map<String, Object>> rows = new ArrayList<>(page.data().size());
        page.data().forEach(row -> rows.add(engine.toMap(row, filter)));
        exchange.response.getHeaders().put("Content-Range", page.range().toContentRange("records"));
        exchange.response.getHeaders().put("Access-Control-Expose-Headers", "Content-Range");
        exchange.sendJson(200, rows);
    }

    /** The id arrives as text; the engine converts it to the model's id type (a FilterException, 400, if it cannot). */
    @SuppressWarnings("unchecked")
    private void one(Exchange exchange, ViewRepository<?, ?> repository, String id, Filter filter) {
        Optional<?> row = ((ViewRepository<?, Object>) repository).findById(id, filter);
        if (row.isEmpty()) {
            exchange.sendJson(HttpError.of(404, "NotFoundException",
                    repository.modelClass().getSimpleName() + " with id '" + id + "' was not found", Map.of()));
            return;
        }
        exchange.sendJson(200, engine.toMap(row.get(), filter));
    }

    // ---- plumbing

    /** Decoded, non-empty path segments: {@code /audit-events/12} → {@code [audit-events, 12]}. */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : (rawPath == null ? "" : rawPath).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment.replace("+", "%2B")));
            }
        }
        return segments;
    }

    /** The first value of a query parameter in a raw query string, URL-decoded. */
    static Optional<String> parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError.MalformedRequest("Malformed percent-encoding in '" + encoded + "'");
        }
    }

    /** One request's answer: the status, the headers, then the whole body in one write, with its Content-Length. */
    private record Exchange(Request request, Response response, Callback callback) {
        void sendJson(HttpError error) {
            sendJson(error.status(), error.body());
        }

        void sendJson(int status, Object body) {
            send(status, JSON, Json.write(body));
        }

        void send(int status, String contentType, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /**
     * Jetty's error handler, which answers requests that never reach {@link #handle}: a request line or URI it
     * cannot parse (400), one too long (414), an unsupported version (505). The same JSON as every other error, with
     * Jetty's status and what it found wrong; for any other server-side status, no details.
     */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
            String reason = request.getAttribute(ERROR_MESSAGE) instanceof String m && !m.isBlank() ? m : null;
            new Exchange(request, response, callback).sendJson(rejected(status, reason));
            return true;
        }

        static HttpError rejected(int status, String reason) {
            String statusText = HttpStatus.getMessage(status);
            boolean clientFault = status < 500 || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
            String message = clientFault ? "Malformed request: " + (reason == null ? statusText : reason) : statusText;
            return HttpError.of(status, statusText.replace(" ", ""), message, Map.of());
        }
    }
}
