package dev.ignis.conformance;

import org.junit.jupiter.api.Assertions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One database the conformance suite runs against: the driver plugin's name, where the server is (environment
 * variables with the project machines' defaults), a private schema so runs do not collide with anything else in
 * that database, and the dialect features the suite expects the driver to support.
 *
 * <p>When the server cannot be reached the suite's tests are skipped with a message telling how to start it, except
 * when the environment variable {@code CI} is {@code true}: then they fail.
 */
public final class DatabaseTarget {
    /** The schema (PostgreSQL) or database (MariaDB, H2 in-memory) the suite's tables live in. */
    public static final String SCHEMA = "ignis_conformance";

    /** The kind of server, for identifier quoting and setup statements. */
    public enum Kind {
        H2, POSTGRES, MARIADB
    }

    private static final Pattern MYSQL_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]*)(/[^?]*)?(\\?.*)?$");

    private final Kind kind;
    private final String driver;
    private final String serverUrl;
    private final String url;
    private final String user;
    private final String password;
    private final boolean arrayOperators;
    private final boolean jsonPath;
    private final String startHint;

    private DatabaseTarget(Kind kind, String driver, String serverUrl, String url, String user, String password,
                           boolean arrayOperators, boolean jsonPath, String startHint) {
        this.kind = kind;
        this.driver = driver;
        this.serverUrl = serverUrl;
        this.url = url;
        this.user = user;
        this.password = password;
        this.arrayOperators = arrayOperators;
        this.jsonPath = jsonPath;
        this.startHint = startHint;
    }

    /** H2 in memory ({@code IGNIS_H2_URL} overrides the URL). Always reachable. */
    public static DatabaseTarget h2() {
        String url = env("IGNIS_H2_URL", "jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1");
        return new DatabaseTarget(Kind.H2, "h2", url, url, env("IGNIS_H2_USER", "sa"), env("IGNIS_H2_PASSWORD", ""),
                false, false, "H2 runs in memory; check the H2 driver plugin and the URL " + url);
    }

    /**
     * PostgreSQL at {@code IGNIS_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code IGNIS_PG_USER}
     * (default {@code postgres}) / {@code IGNIS_PG_PASSWORD} (default empty); tables go to schema {@value #SCHEMA}.
     */
    public static DatabaseTarget postgres() {
        String server = env("IGNIS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        return new DatabaseTarget(Kind.POSTGRES, "postgres", server, url, env("IGNIS_PG_USER", "postgres"),
                env("IGNIS_PG_PASSWORD", ""), true, true,
                "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    }

    /**
     * MariaDB at {@code IGNIS_MARIADB_URL} (default {@code jdbc:mysql://127.0.0.1:3306/test}) as {@code IGNIS_MARIADB_USER}
     * (default {@code root}) / {@code IGNIS_MARIADB_PASSWORD} (default empty), through the {@code mariadb} driver plugin;
     * tables go to database {@value #SCHEMA}.
     */
    public static DatabaseTarget mariadb() {
        String server = env("IGNIS_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/test");
        return new DatabaseTarget(Kind.MARIADB, "mariadb", server, withDatabase(server, SCHEMA),
                env("IGNIS_MARIADB_USER", "root"), env("IGNIS_MARIADB_PASSWORD", ""), false, true,
                "start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
    }

    /** The same database through another driver plugin name (e.g. {@code mysql} for a MariaDB target). */
    public DatabaseTarget withDriver(String otherDriver) {
        return new DatabaseTarget(kind, otherDriver, serverUrl, url, user, password, arrayOperators, jsonPath, startHint);
    }

    /** Overrides whether the array operators are expected to work (true) or to be rejected (false). */
    public DatabaseTarget withArrayOperators(boolean supported) {
        return new DatabaseTarget(kind, driver, serverUrl, url, user, password, supported, jsonPath, startHint);
    }

    /** Overrides whether JSON path keys are expected to work (true) or to be rejected (false). */
    public DatabaseTarget withJsonPath(boolean supported) {
        return new DatabaseTarget(kind, driver, serverUrl, url, user, password, arrayOperators, supported, startHint);
    }

    public Kind kind() {
        return kind;
    }

    /** The driver plugin name the suite's datasources use. */
    public String driver() {
        return driver;
    }

    /** The JDBC URL of the suite's schema, as handed to the datasources. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Whether {@code contains}/{@code containedBy}/{@code overlaps} are expected to work on array columns. */
    public boolean supportsArrayOperators() {
        return arrayOperators;
    }

    /** Whether JSON path keys ({@code "meta.a.b"}) are expected to work in where and order. */
    public boolean supportsJsonPath() {
        return jsonPath;
    }

    /**
     * Checks the server answers and creates the suite's schema. Returns why the suite cannot run when the server is
     * down (with how to start it), so the caller can skip its tests; when {@code CI=true} it fails instead.
     */
    public Optional<String> prepare() {
        try (Connection c = open(serverUrl); Statement s = c.createStatement()) {
            switch (kind) {
                case POSTGRES -> s.execute("create schema if not exists " + SCHEMA);
                case MARIADB -> s.execute("create database if not exists " + SCHEMA);
                case H2 -> s.execute("select 1");
            }
            return Optional.empty();
        } catch (SQLException e) {
            String message = kind + " is not reachable at " + serverUrl + " as " + user + " (" + e.getMessage() + "); "
                    + startHint + ". The conformance suite for driver '" + driver + "' ";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "cannot run, and CI=true makes that a failure", e);
            }
            return Optional.of(message + "is skipped");
        }
    }

    /** A plain JDBC connection to the suite's schema, for fixtures (views, cleaning) and for checking what is stored. */
    public Connection connect() throws SQLException {
        return open(url);
    }

    private Connection open(String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password == null ? "" : password);
        switch (kind) {
            case POSTGRES -> {
                props.setProperty("connectTimeout", "5");
                props.setProperty("loginTimeout", "5");
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

    private static String withDatabase(String mysqlUrl, String database) {
        Matcher m = MYSQL_URL.matcher(mysqlUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql: URL: " + mysqlUrl);
        }
        return m.group(1) + "/" + database + Objects.toString(m.group(3), "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return kind + " via driver " + driver + " at " + url;
    }
}
