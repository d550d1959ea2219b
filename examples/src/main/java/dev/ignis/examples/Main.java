package dev.ignis.examples;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.http.ExampleHttpServer;
import dev.ignis.examples.model.AuditEvent;
import dev.ignis.examples.model.Configuration;
import dev.ignis.examples.repository.AuditEventRepository;
import dev.ignis.examples.repository.ConfigurationRepository;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds users and configurations on the core datasource and audit events on the audit datasource, then runs the
 * seed's query (configurations by code, with their creator), an include that crosses datasources, and a filter
 * given as JSON, printing the rows and the statements each call took. With {@code --serve} it then keeps running
 * and answers the same queries over HTTP ({@link ExampleHttpServer}).
 */
public final class Main {
    static final String USAGE = """
            Usage: java -m dev.ignis.examples/dev.ignis.examples.Main [options]

            Runs the Ignis example on embedded H2 unless told otherwise.
              --core-url URL        JDBC URL of the core datasource (users, configurations)   env IGNIS_CORE_URL
              --core-user USER      its user                                                   env IGNIS_CORE_USER
              --core-password PW    its password                                               env IGNIS_CORE_PASSWORD
              --audit-url URL       JDBC URL of the audit datasource (audit events)           env IGNIS_AUDIT_URL
              --audit-user USER, --audit-password PW                                           env IGNIS_AUDIT_USER/_PASSWORD
              --core-replica URL    JDBC URL of a read replica of the core datasource, with   env IGNIS_CORE_REPLICAS
                                    its primary's user and password; repeat it, or separate
                                    URLs by commas (only a comma before jdbc: separates)
              --audit-replica URL   the same for the audit datasource                          env IGNIS_AUDIT_REPLICAS
              --core-transaction-pooling   the core URL reaches a pooler in transaction mode   env IGNIS_CORE_TRANSACTION_POOLING=true
                                    (PgBouncer): no server-side prepared statements
              --audit-transaction-pooling  the same for the audit datasource                   env IGNIS_AUDIT_TRANSACTION_POOLING=true
              --serve [PORT]        then serve the repositories and /metrics over HTTP on 127.0.0.1:PORT
                                    (default 8080, 0 = a free port) until stopped (Ctrl-C)
              --help                this text
            Drivers follow the URL: jdbc:h2: -> h2, jdbc:postgresql: -> postgres, jdbc:mysql: -> mariadb.
            Example: --core-url jdbc:postgresql://127.0.0.1:5432/test?currentSchema=ignis_example --audit-url jdbc:mysql://127.0.0.1:3306/ignis_example?createDatabaseIfNotExist=true
            """;
    static final String SERVE = "--serve";
    static final int DEFAULT_PORT = 8080;
    /** Options without a value. */
    static final Set<String> SWITCHES = Set.of("--core-transaction-pooling", "--audit-transaction-pooling");
    /** Options that may be given more than once: their values are joined with commas. */
    static final Set<String> REPEATABLE = Set.of("--core-replica", "--audit-replica");

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = parse(args);
        if (flags.containsKey("--help")) {
            System.out.print(USAGE);
            return;
        }
        ExampleSettings settings = ExampleSettings.from(flags, System.getenv());
        if (flags.containsKey(SERVE)) {
            AutoCloseable running = serve(settings, Integer.parseInt(flags.get(SERVE)), System.out);
            // The server's threads keep the JVM up; Ctrl-C or SIGTERM stops the server, then the datasources.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    running.close();
                } catch (Exception e) {
                    System.err.println("Stopping the example failed: " + e);
                }
            }, "ignis-example-stop"));
        } else {
            run(settings, System.out);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        args = words.toArray(new String[0]);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                flags.put("--help", "");
            } else if (args[i].equals(SERVE)) {
                boolean portGiven = i + 1 < args.length && args[i + 1].matches("\\d{1,5}");
                int port = portGiven ? Integer.parseInt(args[++i]) : DEFAULT_PORT;
                if (port > 65535) {
                    throw new IllegalArgumentException("Port " + port + " is out of range (0-65535)\n" + USAGE);
                }
                flags.put(SERVE, String.valueOf(port));
            } else if (SWITCHES.contains(args[i])) {
                flags.put(args[i], "true");
            } else if (REPEATABLE.contains(args[i]) && i + 1 < args.length) {
                flags.merge(args[i], args[++i], (earlier, later) -> earlier + "," + later);
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                flags.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument '" + args[i] + "'\n" + USAGE);
            }
        }
        return flags;
    }

    /** Runs the whole example against the given datasources and prints to {@code out}. */
    public static void run(ExampleSettings settings, PrintStream out) {
        try (Example example = start(settings, out)) {
            demo(example, out);
        }
    }

    /**
     * Runs the example, then serves it over HTTP on the loopback address ({@code port} 0: a free one) and prints the
     * URL. Closing the result stops the server, then the datasources.
     */
    public static AutoCloseable serve(ExampleSettings settings, int port, PrintStream out) {
        Example example = start(settings, out);
        try {
            demo(example, out);
            ExampleHttpServer http = ExampleHttpServer.start(example.app(), example.meters(),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            String seedQuery = "{\"where\":{\"code\":\"some_code\"},\"include\":[\"creator\"]}";
            out.println();
            out.println("Serving " + http.uri() + " (Ctrl-C stops):");
            http.resources().forEach(resource -> out.println("   " + http.uri() + resource));
            out.println("   " + http.uri() + "configurations?filter=" + URLEncoder.encode(seedQuery, StandardCharsets.UTF_8));
            out.println("   " + http.uri() + "metrics");
            return () -> {
                try {
                    http.close();
                } finally {
                    example.close();
                }
            };
        } catch (IOException e) {
            example.close();
            throw new UncheckedIOException("Cannot serve on port " + port + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            example.close();
            throw e;
        }
    }

    private static Example start(ExampleSettings settings, PrintStream out) {
        out.println("Core datasource:  " + settings.core());
        out.println("Audit datasource: " + settings.audit());
        Example example = Example.start(settings);
        // The seed's look-up by key works on the same component as the typed accessors.
        out.println("Started " + example.app().keys());
        example.seed();
        out.println("Seeded 2 users, 2 configurations (core) and 3 audit events (audit). " + example.log().drain());
        out.println();
        return example;
    }

    private static void demo(Example example, PrintStream out) {
        StatementLog log = example.log();
        ConfigurationRepository configurations = example.app().get("repositories.ConfigurationRepository", ConfigurationRepository.class);
        AuditEventRepository events = example.component().auditEvents();

        out.println("1. The seed's query: configurations where code = 'some_code', include creator");
        List<Configuration> rows = configurations.find(Filter.where("code", "some_code").include("creator"));
        rows.forEach(c -> out.println("   " + c.getCode() + " (" + c.getGroup() + ") created by " + c.getCreator().getName()));
        out.println("   " + log.drain());

        out.println("2. Across datasources: audit events with their configuration (and its creator) and actor");
        List<AuditEvent> history = events.find(Filter.empty()
                .include(Include.of("configuration", Filter.empty().include("creator")), Include.of("actor")));
        history.forEach(e -> out.println("   " + e.getAction() + " " + e.getConfiguration().getCode() + " by "
                + e.getActor().getName() + " (configuration created by " + e.getConfiguration().getCreator().getName() + ")"));
        out.println("   " + log.drain());
        out.println("   Its trace: the call, and a span per statement on the datasource and thread that ran it");
        example.component().traces().last().lines().forEach(line -> out.println("     " + line));

        out.println("3. A JSON filter, as a REST query string would carry it");
        String json = "{\"where\":{\"or\":[{\"group\":\"billing\"},{\"code\":{\"like\":\"some%\"}}]},"
                + "\"order\":[\"code ASC\"],\"fields\":[\"code\",\"group\"],"
                + "\"include\":[{\"relation\":\"modifier\"},{\"relation\":\"events\",\"scope\":{\"limit\":1}}]}";
        out.println("   " + json);
        for (Configuration c : configurations.find(Filter.parse(json))) {
            out.println("   " + c.getCode() + " (" + c.getGroup() + ") last modified by " + c.getModifier().getName()
                    + ", latest event: " + c.getEvents().get(0).getAction());
        }
        out.println("   " + log.drain());
    }
}
