package dev.ignis.conformance;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.conformance.ContainerProvider.Endpoint;
import dev.ignis.conformance.Provisioning.Decision;
import org.junit.jupiter.api.Assertions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One database the conformance suite runs against: the driver plugin's name, where the server is, a private schema so
 * runs do not collide with anything else in that database, and the dialect features the suite expects the driver to
 * support.
 *
 * <p>Where the server is gets decided by {@link #prepare()} with the rule of {@link Provisioning}: a URL set in the
 * environment ({@code IGNIS_PG_URL}, {@code IGNIS_MARIADB_URL}, {@code IGNIS_H2_URL}) is always used; otherwise the
 * local server at the project machines' default address if it answers; otherwise, when a {@link ContainerProvider}
 * ({@code ignis-conformance-containers}) is on the class path and a Docker engine answers, a Testcontainers container
 * started once per JVM. The choice is logged once per target. When no server can be had the suite's tests are skipped
 * with a message saying what is needed, except when the environment variable {@code CI} is {@code true}: then they
 * fail.
 */
public final class DatabaseTarget {
    /** The schema (PostgreSQL) or database (MariaDB, H2 in-memory) the suite's tables live in. */
    public static final String SCHEMA = "ignis_conformance";

    /** The kind of server, for identifier quoting and setup statements. */
    public enum Kind {
        H2, POSTGRES, MARIADB
    }

    static final String H2_DEFAULT_URL = "jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1";
    static final String POSTGRES_DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/test";

    private static final Pattern MYSQL_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]*)(/[^?]*)?(\\?.*)?$");
    private static final System.Logger LOG = System.getLogger(DatabaseTarget.class.getName());

    /** What {@link #prepare()} depends on besides the database: CI mode, the container provider, where to log. */
    record Surroundings(boolean ci, Supplier<Optional<ContainerProvider>> containers, Consumer<String> log) {
        static Surroundings system() {
            return new Surroundings("true".equalsIgnoreCase(System.getenv("CI")), InstalledProvider::get, DatabaseTarget::log);
        }
    }

    private static void log(String line) {
        LOG.log(System.Logger.Level.INFO, line);
    }

    private final Kind kind;
    private final String driver;
    /** The server URL set in the environment, or null: then {@link #localServer} is tried first. */
    private final String configuredUrl;
    /** The default local server (URL from the environment or the default, user and password). */
    private final Endpoint localServer;
    private final boolean arrayOperators;
    private final boolean jsonPath;
    private final String startHint;
    private final Surroundings surroundings;
    /** Whether the URL reaches the server through a transaction pooler (the datasources then say so). */
    private final boolean transactionPooling;

    /** The server in use: the configured or local one until {@link #prepare()} chooses a container instead. */
    private volatile Endpoint server;
    private volatile Decision decision;

    private DatabaseTarget(Kind kind, String driver, String configuredUrl, Endpoint localServer, boolean arrayOperators,
                           boolean jsonPath, String startHint, Surroundings surroundings, Endpoint server, Decision decision,
                           boolean transactionPooling) {
        this.kind = kind;
        this.driver = driver;
        this.configuredUrl = configuredUrl;
        this.localServer = localServer;
        this.arrayOperators = arrayOperators;
        this.jsonPath = jsonPath;
        this.startHint = startHint;
        this.surroundings = surroundings;
        this.server = server;
        this.decision = decision;
        this.transactionPooling = transactionPooling;
        schemaUrl(server.url()); // fails early on a URL the kind cannot use
    }

    /** H2 in memory ({@code IGNIS_H2_URL} overrides the URL). Always reachable. */
    public static DatabaseTarget h2() {
        return create(Kind.H2, System::getenv, H2_DEFAULT_URL, Surroundings.system());
    }

    /**
     * PostgreSQL at {@code IGNIS_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code IGNIS_PG_USER}
     * (default {@code postgres}) / {@code IGNIS_PG_PASSWORD} (default empty); tables go to schema {@value #SCHEMA}.
     * Without {@code IGNIS_PG_URL} and without a local server, a {@code postgres:15} container when Docker answers.
     */
    public static DatabaseTarget postgres() {
        return create(Kind.POSTGRES, System::getenv, POSTGRES_DEFAULT_URL, Surroundings.system());
    }

    /**
     * MariaDB at {@code IGNIS_MARIADB_URL} (default {@code jdbc:mysql://127.0.0.1:3306/test}) as {@code IGNIS_MARIADB_USER}
     * (default {@code root}) / {@code IGNIS_MARIADB_PASSWORD} (default empty), through the {@code mariadb} driver plugin;
     * tables go to database {@value #SCHEMA}. Without {@code IGNIS_MARIADB_URL} and without a local server, a
     * {@code mariadb:10.11} container when Docker answers.
     */
    public static DatabaseTarget mariadb() {
        return create(Kind.MARIADB, System::getenv, MARIADB_DEFAULT_URL, Surroundings.system());
    }

    /** A target of that kind reading its settings from {@code env}, with {@code defaultUrl} as the local server. */
    static DatabaseTarget create(Kind kind, UnaryOperator<String> env, String defaultUrl, Surroundings surroundings) {
        String prefix = Provisioning.envPrefix(kind);
        String configured = blankToNull(env.apply(prefix + "URL"));
        String defaultUser = switch (kind) {
            case H2 -> "sa";
            case POSTGRES -> "postgres";
            case MARIADB -> "root";
        };
        Endpoint local = new Endpoint(configured == null ? defaultUrl : configured,
                env(env, prefix + "USER", defaultUser), env(env, prefix + "PASSWORD", ""));
        return switch (kind) {
            case H2 -> new DatabaseTarget(kind, "h2", configured, local, false, false,
                    "H2 runs in memory; check the H2 driver plugin and the URL " + local.url(), surroundings, local, null, false);
            case POSTGRES -> new DatabaseTarget(kind, "postgres", configured, local, true, true,
                    "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
                    surroundings, local, null, false);
            case MARIADB -> new DatabaseTarget(kind, "mariadb", configured, local, false, true,
                    "start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
                    surroundings, local, null, false);
        };
    }

    /** The same database through another driver plugin name (e.g. {@code mysql} for a MariaDB target). */
    public DatabaseTarget withDriver(String otherDriver) {
        return new DatabaseTarget(kind, otherDriver, configuredUrl, localServer, arrayOperators, jsonPath, startHint,
                surroundings, server, decision, transactionPooling);
    }

    /** Overrides whether the array operators are expected to work (true) or to be rejected (false). */
    public DatabaseTarget withArrayOperators(boolean supported) {
        return new DatabaseTarget(kind, driver, configuredUrl, localServer, supported, jsonPath, startHint,
                surroundings, server, decision, transactionPooling);
    }

    /** Overrides whether JSON path keys are expected to work (true) or to be rejected (false). */
    public DatabaseTarget withJsonPath(boolean supported) {
        return new DatabaseTarget(kind, driver, configuredUrl, localServer, arrayOperators, supported, startHint,
                surroundings, server, decision, transactionPooling);
    }

    /**
     * PostgreSQL at {@code url} only (a pooler in front of a server, say): no local server or container instead. The
     * suite's schema must be the database's {@code search_path} when the URL's {@code currentSchema} cannot reach the
     * server (PgBouncer ignores it).
     */
    public static DatabaseTarget postgresAt(String url, String user, String password) {
        Map<String, String> env = Map.of("IGNIS_PG_URL", url, "IGNIS_PG_USER", user, "IGNIS_PG_PASSWORD", password);
        return create(Kind.POSTGRES, env::get, url, Surroundings.system());
    }

    /** The same server reached through a pooler in transaction mode: the suite's datasources set {@code transactionPooling}. */
    public DatabaseTarget withTransactionPooling() {
        return new DatabaseTarget(kind, driver, configuredUrl, localServer, arrayOperators, jsonPath, startHint,
                surroundings, server, decision, true);
    }

    /** Whether datasources on this target go through a transaction pooler. */
    /** A datasource named {@code name} on this database: its driver, URL, credentials and pooling mode. */
    public DataSourceConfig.Builder config(String name) {
        return DataSourceConfig.named(name).driver(driver()).url(url()).user(user()).password(password())
                .transactionPooling(transactionPooling());
    }

    public boolean transactionPooling() {
        return transactionPooling;
    }

    public Kind kind() {
        return kind;
    }

    /** The driver plugin name the suite's datasources use. */
    public String driver() {
        return driver;
    }

    /** The JDBC URL of the suite's schema, as handed to the datasources (a container's once {@link #prepare()} chose one). */
    public String url() {
        return schemaUrl(server.url());
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** Whether {@code contains}/{@code containedBy}/{@code overlaps} are expected to work on array columns. */
    public boolean supportsArrayOperators() {
        return arrayOperators;
    }

    /** Whether JSON path keys ({@code "meta.a.b"}) are expected to work in where and order. */
    public boolean supportsJsonPath() {
        return jsonPath;
    }

    /** Where the server came from, once {@link #prepare()} has run. */
    public Optional<Decision> provisioning() {
        return Optional.ofNullable(decision);
    }

    /**
     * Chooses the server (see {@link Provisioning}), logs the choice the first time, checks the server answers and
     * creates the suite's schema. Returns why the suite cannot run when no server answers (with what is needed), so the
     * caller can skip its tests; when {@code CI=true} it fails instead.
     */
    public Optional<String> prepare() {
        if (configuredUrl != null) {
            Decision chosen = Provisioning.decide(true, false, false);
            choose(chosen, Provisioning.describe(kind, chosen, localServer.toString(), null));
            return setUp(localServer).map(e -> unreachable(localServer, e, startHint));
        }
        SQLException localFailure = setUp(localServer).orElse(null);
        Optional<ContainerProvider> provider = Optional.empty();
        boolean docker = false;
        String noContainer = null;
        if (localFailure != null) {
            if (kind == Kind.H2) {
                noContainer = "H2 runs in memory, there is no container for it";
            } else {
                provider = findProvider();
                docker = provider.map(DatabaseTarget::dockerAnswers).orElse(false);
                noContainer = provider.isEmpty()
                        ? "ignis-conformance-containers (Testcontainers) is not on the test class path"
                        : "ignis-conformance-containers is on the test class path but no Docker engine answers";
            }
        }
        Decision chosen = Provisioning.decide(false, localFailure == null, docker);
        switch (chosen.source()) {
            case LOCAL_SERVER -> {
                choose(chosen, Provisioning.describe(kind, chosen, localServer.toString(), null));
                return Optional.empty();
            }
            case TESTCONTAINERS -> {
                Endpoint container;
                try {
                    container = Objects.requireNonNull(provider.orElseThrow().start(kind), "started endpoint");
                    schemaUrl(container.url());
                } catch (RuntimeException | LinkageError e) {
                    String failed = Provisioning.label(kind) + " conformance: no local server at " + localServer
                            + ", and starting the Testcontainers " + ContainerProvider.image(kind) + " container failed ("
                            + e + ")";
                    choose(chosen, failed);
                    return Optional.of(cannotRun(failed + "; " + needs() + ". The conformance suite for driver '" + driver
                            + "' ", e));
                }
                server = container;
                choose(chosen, Provisioning.describe(kind, chosen, container.toString(), null));
                return setUp(container).map(e -> unreachable(container, e, "the Testcontainers container did not answer"));
            }
            case UNAVAILABLE -> {
                choose(chosen, Provisioning.describe(kind, chosen, localServer.toString(), noContainer));
                String hint = kind == Kind.H2 ? startHint : needs() + " (" + noContainer + ")";
                return Optional.of(unreachable(localServer, localFailure, hint));
            }
            default -> throw new IllegalStateException("unexpected " + chosen);
        }
    }

    /** What a contributor needs for this kind when neither a URL, a local server nor Docker is there. */
    private String needs() {
        return "a contributor needs the local server (" + startHint + "), or a Docker engine with ignis-conformance-containers"
                + " on the test class path (Testcontainers then starts " + ContainerProvider.image(kind) + "), or "
                + Provisioning.urlVariable(kind) + " pointing at a server";
    }

    /** Records the choice and logs it, once per target. */
    private void choose(Decision chosen, String line) {
        boolean first = decision == null;
        decision = chosen;
        if (first) {
            surroundings.log().accept(line);
        }
    }

    private String unreachable(Endpoint where, SQLException e, String hint) {
        return cannotRun(kind + " is not reachable at " + where.url() + " as " + where.user() + " (" + e.getMessage() + "); "
                + hint + ". The conformance suite for driver '" + driver + "' ", e);
    }

    private String cannotRun(String message, Throwable cause) {
        if (surroundings.ci()) {
            Assertions.fail(message + "cannot run, and CI=true makes that a failure", cause);
        }
        return message + "is skipped";
    }

    /** Connects to the server and creates the suite's schema; the failure when it does not answer. */
    private Optional<SQLException> setUp(Endpoint at) {
        try (Connection c = open(at.url(), at); Statement s = c.createStatement()) {
            switch (kind) {
                case POSTGRES -> s.execute("create schema if not exists " + SCHEMA);
                case MARIADB -> s.execute("create database if not exists " + SCHEMA);
                case H2 -> s.execute("select 1");
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e);
        }
    }

    /** A plain JDBC connection to the suite's schema, for fixtures (views, cleaning) and for checking what is stored. */
    public Connection connect() throws SQLException {
        Endpoint at = server;
        return open(schemaUrl(at.url()), at);
    }

    private Connection open(String jdbcUrl, Endpoint at) throws SQLException {
        Properties props = new Properties();
        if (at.user() != null) {
            props.setProperty("user", at.user());
        }
        props.setProperty("password", at.password());
        switch (kind) {
            case POSTGRES -> {
                props.setProperty("connectTimeout", "5");
                props.setProperty("loginTimeout", "5");
                if (transactionPooling) {
                    props.setProperty("prepareThreshold", "0"); // as the datasources: nothing left on a pooled server connection
                }
            }
            case MARIADB -> props.setProperty("connectTimeout", "5000");
            case H2 -> {
            }
        }
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** Quotes an identifier the way the engine does (it quotes every identifier). */
    public String q(String identifier) {
        return kind == Kind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /** The URL of the suite's schema on a server. */
    private String schemaUrl(String serverUrl) {
        return kind == Kind.H2 ? serverUrl : schemaUrl(serverUrl, SCHEMA);
    }

    /**
     * The JDBC URL of another schema (PostgreSQL) or database (MariaDB) on the server {@link #prepare()} chose, for
     * tests that keep their tables apart from the suite's; the caller creates it. H2 has no server: use a database of
     * its own.
     */
    public String url(String schema) {
        if (kind == Kind.H2) {
            throw new UnsupportedOperationException("H2 runs in memory: give the test an in-memory database of its own");
        }
        return schemaUrl(server.url(), schema);
    }

    private String schemaUrl(String serverUrl, String schema) {
        return switch (kind) {
            case H2 -> serverUrl;
            case POSTGRES -> serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            case MARIADB -> withDatabase(serverUrl, schema);
        };
    }

    private static String withDatabase(String mysqlUrl, String database) {
        Matcher m = MYSQL_URL.matcher(mysqlUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql: URL: " + mysqlUrl);
        }
        return m.group(1) + "/" + database + Objects.toString(m.group(3), "");
    }

    private Optional<ContainerProvider> findProvider() {
        try {
            return Objects.requireNonNull(surroundings.containers().get(), "container provider lookup");
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            LOG.log(System.Logger.Level.WARNING, "looking up a ContainerProvider failed; treating it as absent", e);
            return Optional.empty();
        }
    }

    private static boolean dockerAnswers(ContainerProvider provider) {
        try {
            return provider.dockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "asking " + provider.getClass().getName() + " for Docker failed", e);
            return false;
        }
    }

    private static String env(UnaryOperator<String> env, String name, String fallback) {
        String value = blankToNull(env.apply(name));
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return kind + " via driver " + driver + " at " + url();
    }

    /**
     * The first {@link ContainerProvider} on the class path (module path: any module that provides it), looked up
     * once per JVM; empty when {@code ignis-conformance-containers} is absent or cannot be loaded.
     */
    private static final class InstalledProvider {
        private static final Optional<ContainerProvider> PROVIDER = load();

        static Optional<ContainerProvider> get() {
            return PROVIDER;
        }

        private static Optional<ContainerProvider> load() {
            try {
                Iterator<ContainerProvider> it = ServiceLoader.load(ContainerProvider.class).iterator();
                return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "a ContainerProvider is registered but cannot be loaded; "
                        + "the conformance suite will not start containers", e);
                return Optional.empty();
            }
        }
    }
}
