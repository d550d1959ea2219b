package dev.ignis.driver.h2;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.PerParentForm;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.UpsertStatement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code h2} driver: H2 2.x through its own JDBC driver.
 *
 * <p>Where the database is:
 * <ul>
 *   <li>{@code database("app")} alone: a private in-memory database, {@code jdbc:h2:mem:app;DB_CLOSE_DELAY=-1}, that
 *       lives as long as the JVM (every pool connection sees the same data);</li>
 *   <li>{@code host}/{@code port}/{@code database}: an H2 TCP server, {@code jdbc:h2:tcp://host:9092/app};</li>
 *   <li>a file database, or any H2 setting, through {@code url(...)}: e.g. {@code jdbc:h2:file:./data/app} or
 *       {@code jdbc:h2:./data/app;AUTO_SERVER=TRUE}. The URL must start with {@code jdbc:h2:}.</li>
 * </ul>
 * The user and password go to the driver as connection properties, never into the URL.
 *
 * <p>Filter semantics need no rewriting on H2: {@code =}, {@code IN} and {@code LIKE} compare case-sensitively
 * and {@code VARCHAR} keeps trailing spaces significant; {@code ILIKE} is native. Regular expressions use
 * {@code REGEXP_LIKE} with the {@code 'c'} (case-sensitive) or {@code 'i'} flag.
 */
public final class H2DriverPlugin implements DriverPlugin {
    /** The name datasources use. */
    public static final String NAME = "h2";
    /** Every H2 JDBC URL starts with this. */
    public static final String URL_PREFIX = "jdbc:h2:";
    /** Port of an H2 TCP server when none is given. */
    public static final int DEFAULT_PORT = 9092;
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.$-]{0,127}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]{2,45}]?");
    /** H2 error codes meaning the database cannot be reached or has gone (connection broken, closed, not found, locked, I/O). */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(
            90013, // DATABASE_NOT_FOUND_1
            90020, // DATABASE_ALREADY_OPEN_1 (file locked by another process)
            90028, // IO_EXCEPTION_1
            90031, // IO_EXCEPTION_2
            90067, // CONNECTION_BROKEN_1
            90098, // DATABASE_IS_CLOSED
            90117, // REMOTE_CONNECTION_NOT_ALLOWED
            90121, // DATABASE_CALLED_AT_SHUTDOWN
            90146, // DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
            90149  // REMOTE_DATABASE_NOT_FOUND_1
    );

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String jdbcUrl(DataSourceConfig config) {
        if (config.url() != null) {
            if (!config.url().startsWith(URL_PREFIX)) {
                throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME
                        + "' expects a JDBC URL starting with '" + URL_PREFIX + "' (got '" + DataSourceConfig.redactUrl(config.url())
                        + "'); for a file database write e.g. jdbc:h2:file:./data/app");
            }
            return config.url();
        }
        String database = config.database();
        if (database == null || !DATABASE.matcher(database).matches()) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "' needs a database name of letters,"
                    + " digits, '_', '.', '$', '-' (got '" + database + "'); give a url (jdbc:h2:...) for file databases or H2 settings");
        }
        if (config.host() == null && config.port() == null) {
            return URL_PREFIX + "mem:" + database + ";DB_CLOSE_DELAY=-1";
        }
        return URL_PREFIX + "tcp://" + hostPort(config) + "/" + database;
    }

    private static String hostPort(DataSourceConfig config) {
        String host = config.host() == null ? DEFAULT_HOST : config.host();
        if (!HOST.matcher(host).matches()) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "': invalid host '" + host + "'");
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + (config.port() == null ? DEFAULT_PORT : config.port());
    }

    /** None: H2 reports itself correctly, so Hibernate picks H2Dialect and its version from the connection. */
    @Override
    public Map<String, Object> hibernateSettings(DataSourceConfig config) {
        return Map.of();
    }

    /** H2 needs no driver properties: the in-memory URL already carries {@code DB_CLOSE_DELAY=-1}. */
    @Override
    public Map<String, String> connectionDefaults() {
        return Map.of();
    }

    /** {@code ignis_regexp} / {@code ignis_iregexp}, both boolean: Java regular expressions, case-sensitive or not. */
    @Override
    public Map<String, String> sqlFunctions() {
        return Map.of(
                "ignis_regexp", "regexp_like(?1, ?2, 'c')",
                "ignis_iregexp", "regexp_like(?1, ?2, 'i')");
    }

    /**
     * The standard {@code merge into .. using (values ..) on key} rather than H2's {@code merge .. key}, which would
     * overwrite every column (the creation stamps too) of a matched row.
     */
    @Override
    public String upsertSql(UpsertStatement statement) {
        return merge(statement, 1);
    }

    /**
     * The merge of {@code rows} value rows as a data change delta table, {@code select .. from final table (merge ..)}:
     * the inserted and the updated rows as stored. Not without an update branch, where a matched row is not part of
     * the merge's result: then null, and the engine reads the rows back.
     */
    @Override
    public String upsertReturningSql(UpsertStatement statement, int rows, List<String> returned) {
        if (statement.updateColumns().isEmpty()) {
            return null;
        }
        return "select " + String.join(", ", returned) + " from final table (" + merge(statement, rows) + ")";
    }

    private static String merge(UpsertStatement statement, int rows) {
        List<String> sourceColumns = statement.columns().stream().map(c -> "s." + c).toList();
        StringBuilder sql = new StringBuilder("merge into ").append(statement.table()).append(" t using (values ")
                .append(statement.valueRows(rows))
                .append(") s (").append(String.join(", ", statement.columns())).append(") on ")
                .append(String.join(" and ", statement.keyColumns().stream().map(c -> "t." + c + " = s." + c).toList()));
        if (!statement.updateColumns().isEmpty()) {
            sql.append(" when matched then update set ")
                    .append(String.join(", ", statement.updateColumns().stream().map(c -> c + " = s." + c).toList()));
        }
        return sql.append(" when not matched then insert (").append(String.join(", ", statement.columns())).append(") values (")
                .append(String.join(", ", sourceColumns)).append(")").toString();
    }

    @Override
    public ErrorKind classify(String sqlState, int vendorCode) {
        if (UNAVAILABLE_CODES.contains(vendorCode)) {
            return ErrorKind.UNAVAILABLE;
        }
        if ("HYT00".equals(sqlState) || "40001".equals(sqlState)) {
            // lock timeout, deadlock
            return ErrorKind.LOCK;
        }
        if ("22025".equals(sqlState)) {
            // a pattern H2 cannot compile (its regexp functions report PatternSyntaxException this way)
            return ErrorKind.REJECTED_VALUE;
        }
        if ("57014".equals(sqlState)) {
            // Statement cancelled or timed out: the database is there, the statement was too slow.
            return ErrorKind.OTHER;
        }
        return ErrorKind.bySqlState(sqlState);
    }

    @Override
    public String toString() {
        return "H2DriverPlugin[" + NAME + "]";
    }

    /** One limited select per parent key: H2 2.x has no {@code lateral} join; each branch stops after {@code skip + limit} rows of its index. */
    @Override
    public PerParentForm perParentForm() {
        return PerParentForm.UNION_ALL;
    }
}
