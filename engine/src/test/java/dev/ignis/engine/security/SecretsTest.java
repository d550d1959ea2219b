package dev.ignis.engine.security;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords never show: not in {@code toString()}, not in logs (System.out/System.err, where slf4j-simple writes, and
 * java.util.logging), not in exception messages, causes or stack traces, not in the events a {@link QueryListener}
 * receives. Every case starts an engine on H2 whose datasource cannot authenticate, with a password unique to the
 * case, captures everything, and searches it for the password. The same checks against real PostgreSQL and MariaDB
 * servers are in the conformance suite's {@code SecretsContract}.
 */
class SecretsTest {

    /** Everything printed or logged while it is open, and whatever the test adds. */
    static final class Capture implements AutoCloseable {
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        private final StringBuilder text = new StringBuilder();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final Logger root = Logger.getLogger("");
        private final Level rootLevel = root.getLevel();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (text) {
                    text.append("[jul ").append(record.getLevel()).append(' ').append(record.getLoggerName()).append("] ").append(record.getMessage());
                    if (record.getParameters() != null) {
                        for (Object p : record.getParameters()) {
                            text.append(" | ").append(p);
                        }
                    }
                    text.append('\n');
                    if (record.getThrown() != null) {
                        text.append(stackTrace(record.getThrown()));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        Capture() {
            System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
            root.setLevel(Level.ALL);
        }

        void add(String what, Object value) {
            synchronized (text) {
                text.append("[").append(what).append("] ").append(value).append('\n');
            }
        }

        /** The exception, its causes and suppressed ones: messages, toString and the printed stack trace. */
        void addThrowable(Throwable e) {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Throwable> todo = new ArrayList<>(List.of(e));
            while (!todo.isEmpty()) {
                Throwable t = todo.remove(0);
                if (t == null || !seen.add(t)) {
                    continue;
                }
                add("message", t.getMessage());
                add("localized", t.getLocalizedMessage());
                add("toString", t);
                todo.add(t.getCause());
                todo.addAll(List.of(t.getSuppressed()));
            }
            add("stack", stackTrace(e));
        }

        String everything() {
            System.out.flush();
            System.err.flush();
            synchronized (text) {
                return text + "\n" + printed.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(handler);
            root.setLevel(rootLevel);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            synchronized (b) {
                b.write(bytes, off, len);
            }
        }
    }

    static String stackTrace(Throwable e) {
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        return s.toString();
    }

    /** A password no other text contains: "Ignis-Pw-" and 32 hex digits. */
    static String uniquePassword() {
        return "Ignis-Pw-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Fails with the places the secret shows up (its random part is enough to count as a leak). */
    static void assertNoSecret(String where, String captured, String secret) {
        String randomPart = secret.substring(secret.lastIndexOf('-') + 1);
        List<String> hits = new ArrayList<>();
        for (String needle : List.of(secret, randomPart)) {
            for (int i = captured.indexOf(needle); i >= 0 && hits.size() < 5; i = captured.indexOf(needle, i + 1)) {
                int from = Math.max(0, i - 150);
                hits.add("…" + captured.substring(from, Math.min(captured.length(), i + needle.length() + 50)).replace('\n', ' ') + "…");
            }
        }
        assertThat(hits).as("%s: the password shows in what was captured (%d chars)", where, captured.length()).isEmpty();
    }

    private static final class Db extends BaseDataSource {
        Db(DataSourceConfig config) {
            super(config);
        }
    }

    private static int counter;

    /** A fresh in-memory H2 database whose only user is OWNER with password "owner-pw". */
    private static String protectedDatabase() throws SQLException {
        String url = "jdbc:h2:mem:secrets_" + (++counter) + "_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        try (Connection ignored = DriverManager.getConnection(url, "OWNER", "owner-pw")) {
            return url;
        }
    }

    /** Starts an engine on {@code config} (which must fail), capturing everything; returns what was captured. */
    private static String failToStart(DataSourceConfig config) {
        List<Object> events = Collections.synchronizedList(new ArrayList<>());
        try (Capture capture = new Capture()) {
            capture.add("config", config);
            capture.add("config rebuilt", config.toBuilder().build());
            Db db = new Db(config);
            capture.add("datasource", db);
            Throwable failure = null;
            Engine engine = null;
            try {
                engine = Engine.builder().drivers(new TestH2Driver()).dataSource(db).listener(new QueryListener() {
                    @Override
                    public void onStatement(StatementEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onCall(CallEvent event) {
                        events.add(event);
                    }
                }).build().start();
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (engine != null) {
                    engine.close();
                }
            }
            assertThat(failure).as("the engine must not start on %s", config).isInstanceOf(IgnisException.class);
            assertThat(failure.getMessage()).as("the error names the datasource").contains(config.name());
            capture.addThrowable(failure);
            events.forEach(e -> capture.add("event", e));
            return capture.everything();
        }
    }

    private static DataSourceConfig.Builder config(String name, String url) {
        return DataSourceConfig.named(name).driver("test-h2").url(url).schemaAction(SchemaAction.NONE).models(Item.class)
                .maxPoolSize(2).minIdle(0).connectionTimeout(Duration.ofMillis(250));
    }

    @Test
    void aWrongPasswordNeverShows() throws SQLException {
        String secret = uniquePassword();
        String captured = failToStart(config("SecretsWrongPassword", protectedDatabase()).user("OWNER").password(secret).build());
        assertThat(captured).as("something was captured").contains("SecretsWrongPassword");
        assertNoSecret("wrong password for an existing user", captured, secret);
    }

    @Test
    void aPasswordOfAnUnknownUserNeverShows() throws SQLException {
        String secret = uniquePassword();
        String captured = failToStart(config("SecretsUnknownUser", protectedDatabase()).user("NOBODY").password(secret).build());
        assertNoSecret("password of a user that does not exist", captured, secret);
    }

    @Test
    void aPasswordInsideTheJdbcUrlNeverShows() throws SQLException {
        String secret = uniquePassword();
        String url = protectedDatabase() + ";USER=OWNER;PASSWORD=" + secret;
        DataSourceConfig config = config("SecretsPasswordInUrl", url).build();
        assertThat(config.toString()).doesNotContain(secret).contains("PASSWORD=****");
        String captured = failToStart(config);
        assertNoSecret("password inside the JDBC URL", captured, secret);
    }

    /**
     * Engine bug 'driver-message-echoes-url': the H2 driver fails to parse the port of {@code //OWNER:secret@host:1} and
     * says {@code For input string: "secret@127.0.0.1:1"}; DataSourceBooter.openPool copies that root message verbatim
     * into the DataSourceUnavailableException (and HikariCP logs the cause), so the password shows. The engine should
     * refuse credentials in URLs at {@code DataSourceConfig.build()} (or scrub the configured password and URL credentials
     * from every message it builds).
     */
    @Test
    void aPasswordInAUserInfoUrlNeverShows() {
        String secret = uniquePassword();
        // Not an H2 form, but users paste such URLs: the datasource's own errors and toString must hide it.
        String url = "jdbc:h2:tcp://OWNER:" + secret + "@127.0.0.1:1/nowhere";
        DataSourceConfig config = config("SecretsUserInfoUrl", url).password(secret).build();
        assertThat(config.toString()).doesNotContain(secret);
        assertNoSecret("password in user-info form", failToStart(config), secret);
    }

    @Test
    void anUnreachableServerNeverShowsThePassword() {
        String secret = uniquePassword();
        DataSourceConfig config = config("SecretsUnreachable", "jdbc:h2:tcp://127.0.0.1:1/nowhere").user("OWNER").password(secret).build();
        assertNoSecret("server that does not answer", failToStart(config), secret);
    }

    @Test
    void invalidConfigurationsNeverShowThePassword() {
        String secret = uniquePassword();
        try (Capture capture = new Capture()) {
            for (String url : List.of("h2:mem:x;PASSWORD=" + secret, "postgresql://u:" + secret + "@host/db?password=" + secret,
                    "mysql://root:" + secret + "@127.0.0.1/db", "jdbc:h2:mem:x;password=" + secret + ";user=sa")) {
                try {
                    DataSourceConfig config = DataSourceConfig.named("bad name!").driver("").url(url).user("u").password(secret)
                            .maxPoolSize(0).build();
                    capture.add("unexpectedly valid", config);
                } catch (DataSourceConfigException e) {
                    capture.addThrowable(e);
                }
                capture.add("redacted", DataSourceConfig.redactUrl(url));
            }
            assertNoSecret("invalid configurations", capture.everything(), secret);
        }
    }

    @Test
    void aWorkingEngineNeverLogsThePassword() throws SQLException {
        String secret = uniquePassword();
        String url = "jdbc:h2:mem:secrets_ok_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        try (Connection ignored = DriverManager.getConnection(url, "OWNER", secret)) {
            DataSourceConfig config = DataSourceConfig.named("SecretsWorking").driver("test-h2").url(url).user("OWNER").password(secret)
                    .schemaAction(SchemaAction.CREATE).models(Item.class).maxPoolSize(2).minIdle(0).build();
            List<Object> events = Collections.synchronizedList(new ArrayList<>());
            try (Capture capture = new Capture()) {
                Db db = new Db(config);
                try (Engine engine = Engine.builder().drivers(new TestH2Driver()).dataSource(db).listener(new QueryListener() {
                    @Override
                    public void onStatement(StatementEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onCall(CallEvent event) {
                        events.add(event);
                    }
                }).build().start()) {
                    CrudRepository<Item, String> items = new CrudRepository<>(db, Item.class);
                    items.create(new Item("c1", "g", 1));
                    assertThat(items.find(Filter.where("code", "c1"))).hasSize(1);
                    try {
                        items.find(Filter.where("nope", 1));
                    } catch (IgnisException e) {
                        capture.addThrowable(e);
                    }
                    capture.add("config", config);
                    capture.add("datasource", db);
                    capture.add("engine datasources", engine.dataSources());
                }
                assertThat(events).isNotEmpty();
                events.forEach(e -> capture.add("event", e));
                assertNoSecret("a working engine", capture.everything(), secret);
            }
        }
    }
}
