package dev.ignis.examples.datasource;

import java.util.Locale;
import java.util.Map;

/**
 * Where the example's two datasources live: embedded H2 unless a JDBC URL is given by flag
 * ({@code --core-url}, {@code --audit-url}) or environment ({@code IGNIS_CORE_URL}, {@code IGNIS_AUDIT_URL}, with
 * {@code _USER} and {@code _PASSWORD} beside them). The driver follows from the URL.
 */
public record ExampleSettings(Connection core, Connection audit) {

    /** One datasource's connection: driver plugin name, URL, credentials. */
    public record Connection(String driver, String url, String user, String password) {
        @Override
        public String toString() {
            return driver + " " + url;
        }
    }

    public static ExampleSettings from(Map<String, String> flags, Map<String, String> env) {
        return new ExampleSettings(connection("core", flags, env, "jdbc:h2:mem:core;DB_CLOSE_DELAY=-1"),
                connection("audit", flags, env, "jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1"));
    }

    private static Connection connection(String name, Map<String, String> flags, Map<String, String> env, String fallback) {
        String prefix = "IGNIS_" + name.toUpperCase(Locale.ROOT) + "_";
        String url = flags.getOrDefault("--" + name + "-url", env.getOrDefault(prefix + "URL", fallback));
        String user = flags.getOrDefault("--" + name + "-user", env.getOrDefault(prefix + "USER", defaultUser(url)));
        String password = flags.getOrDefault("--" + name + "-password", env.getOrDefault(prefix + "PASSWORD", ""));
        return new Connection(driverFor(url), url, user, password);
    }

    /** The driver plugin a JDBC URL calls for; MySQL URLs go to MariaDB, which is what these machines run. */
    static String driverFor(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return url.contains("flavor=mysql") ? "mysql" : "mariadb";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        throw new IllegalArgumentException("No driver for URL " + url + "; use jdbc:h2:, jdbc:postgresql: or jdbc:mysql:");
    }

    private static String defaultUser(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        if (url.startsWith("jdbc:mysql:")) {
            return "root";
        }
        return "sa";
    }
}
