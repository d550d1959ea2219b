package dev.ignis.examples.gateway;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local PostgreSQL and MariaDB servers, each with a schema of its own for these tests. Unreachable servers skip
 * the test on a laptop and fail it under {@code CI=true}.
 */
final class LiveDatabases {
    static final String SCHEMA = "ignis_gateway";

    private LiveDatabases() {
    }

    static String postgresUrl() {
        String base = System.getenv().getOrDefault("IGNIS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        prepare(base, "postgres", "create schema if not exists " + SCHEMA,
                "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    static String mariadbUrl() {
        String base = System.getenv().getOrDefault("IGNIS_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/test");
        prepare(base, "root", "create database if not exists " + SCHEMA,
                "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
        return base.substring(0, base.lastIndexOf('/') + 1) + SCHEMA;
    }

    private static void prepare(String url, String user, String ddl, String howToStart) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
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
