package dev.ignis.resilience.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's shared PostgreSQL and MariaDB servers (only read and written, never stopped), each with a schema of
 * the caller's own. Unreachable servers skip the test, or fail it under {@code CI=true}. Override the addresses with
 * {@code IGNIS_PG_URL} / {@code IGNIS_MARIADB_URL} as for the conformance suite.
 */
public final class SharedDatabases {
    private SharedDatabases() {
    }

    public static String postgresUrl(String schema) {
        String base = System.getenv().getOrDefault("IGNIS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        prepare(base, postgresUser(), postgresPassword(), "create schema if not exists " + schema,
                "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("IGNIS_PG_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("IGNIS_PG_PASSWORD", "");
    }

    public static String mariadbUrl(String database) {
        String base = System.getenv().getOrDefault("IGNIS_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/test");
        prepare(base, mariadbUser(), mariadbPassword(), "create database if not exists " + database,
                "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    public static String mariadbUser() {
        return System.getenv().getOrDefault("IGNIS_MARIADB_USER", "root");
    }

    public static String mariadbPassword() {
        return System.getenv().getOrDefault("IGNIS_MARIADB_PASSWORD", "");
    }

    private static void prepare(String url, String user, String password, String ddl, String howToStart) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            String message = url + " is not reachable (" + e.getMessage() + "); start it with: " + howToStart;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
        }
    }
}
