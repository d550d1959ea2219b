package dev.ignis.examples;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.model.AuditEvent;
import dev.ignis.examples.model.Configuration;
import dev.ignis.examples.model.User;
import dev.ignis.examples.repository.AuditEventRepository;
import dev.ignis.examples.repository.ConfigurationRepository;
import dev.ignis.examples.repository.UserRepository;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds users and configurations on the core datasource and audit events on the audit datasource, then runs the
 * seed's query (configurations by code, with their creator), an include that crosses datasources, and a filter
 * given as JSON, printing the rows and the statements each call took.
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
              --help                this text
            Drivers follow the URL: jdbc:h2: -> h2, jdbc:postgresql: -> postgres, jdbc:mysql: -> mariadb.
            Example: --core-url jdbc:postgresql://127.0.0.1:5432/test --audit-url jdbc:mysql://127.0.0.1:3306/test
            """;

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = parse(args);
        if (flags.containsKey("--help")) {
            System.out.print(USAGE);
            return;
        }
        run(ExampleSettings.from(flags, System.getenv()), System.out);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        List<String> words = new java.util.ArrayList<>();
        for (String arg : args) {
            words.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        args = words.toArray(new String[0]);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                flags.put("--help", "");
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
        StatementLog log = new StatementLog();
        ExampleComponent component = DaggerExampleComponent.factory().create(settings, log);
        out.println("Core datasource:  " + settings.core());
        out.println("Audit datasource: " + settings.audit());
        try (IgnisApplication app = component.app().start()) {
            // The seed's look-up by key, and the typed accessors of the same component.
            ConfigurationRepository configurations = app.get("repositories.ConfigurationRepository", ConfigurationRepository.class);
            UserRepository users = component.users();
            AuditEventRepository events = component.auditEvents();
            out.println("Started " + app.keys());

            User ada = users.create(new User("Ada", "engineering")).single();
            User bob = users.create(new User("Bob", "operations")).single();
            Configuration some = configurations.create(new Configuration("some_code", "general", ada.getId())).single();
            Configuration other = configurations.create(new Configuration("other_code", "billing", bob.getId())).single();
            configurations.updateById(other.getId(), Map.of("modifiedBy", ada.getId()));
            events.createAll(List.of(new AuditEvent("created", some.getId(), ada.getId()),
                    new AuditEvent("created", other.getId(), bob.getId()),
                    new AuditEvent("updated", other.getId(), ada.getId())), WriteOptions.noReturn());
            out.println("Seeded 2 users, 2 configurations (core) and 3 audit events (audit). " + log.drain());
            out.println();

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
}
