package dev.ignis.examples.datasource;

import dev.ignis.api.datasource.DataSourceConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the example's two datasources live: embedded H2 unless a JDBC URL is given by flag
 * ({@code --core-url}, {@code --audit-url}) or environment ({@code IGNIS_CORE_URL}, {@code IGNIS_AUDIT_URL}, with
 * {@code _USER} and {@code _PASSWORD} beside them). The driver follows from the URL. Read replicas come from
 * {@code --core-replica} / {@code IGNIS_CORE_REPLICAS} (and the audit ones), with the primary's credentials;
 * {@code --core-transaction-pooling} / {@code IGNIS_CORE_TRANSACTION_POOLING=true} says the URL reaches a pooler in
 * transaction mode.
 */
public record ExampleSettings(Connection core, Connection audit) {

    /**
     * One datasource's connection: driver plugin name, URL, credentials, the JDBC URLs of its read replicas (reached
     * with the same credentials), and whether the URL goes through a transaction pooler such as PgBouncer.
     */
    public record Connection(String driver, String url, String user, String password, List<String> replicas,
                             boolean transactionPooling) {
        public Connection {
            replicas = List.copyOf(replicas);
        }

        /** A datasource of this name on this connection, its replicas and pooling mode included. */
        public DataSourceConfig.Builder config(String name) {
            DataSourceConfig.Builder builder = DataSourceConfig.named(name).driver(driver).url(url).user(user).password(password)
                    .transactionPooling(transactionPooling);
            replicas.forEach(builder::replica);
            return builder;
        }

        @Override
        public String toString() {
            return driver + " " + url + (replicas.isEmpty() ? "" : ", replicas " + String.join(" ", replicas))
                    + (transactionPooling ? ", transaction pooling" : "");
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
        String replicas = flags.getOrDefault("--" + name + "-replica", env.getOrDefault(prefix + "REPLICAS", ""));
        boolean pooling = flags.containsKey("--" + name + "-transaction-pooling")
                || Boolean.parseBoolean(env.getOrDefault(prefix + "TRANSACTION_POOLING", "false"));
        List<String> replicaUrls = urls(replicas);
        String driver = driverFor(url);
        for (String replica : replicaUrls) {
            if (!driverFor(replica).equals(driver)) {
                throw new IllegalArgumentException("Replica " + replica + " of the " + name + " datasource needs the " + driver
                        + " driver of its primary " + url);
            }
        }
        return new Connection(driver, url, user, password, replicaUrls, pooling);
    }

    /**
     * JDBC URLs separated by commas. Only a comma followed by {@code jdbc:} separates two: a multi-host URL such as
     * {@code jdbc:postgresql://a:5432,b:5432/db} keeps its own commas.
     */
    static List<String> urls(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",(?=\\s*jdbc:)")).map(String::trim).filter(u -> !u.isEmpty()).toList();
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
