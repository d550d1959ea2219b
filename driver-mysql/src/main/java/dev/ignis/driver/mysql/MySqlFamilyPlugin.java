package dev.ignis.driver.mysql;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.PerParentForm;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.UpsertStatement;
import dev.ignis.api.spi.ValueKind;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What MySQL and MariaDB share: Connector/J and its {@code jdbc:mysql:} URLs, connection properties, error codes
 * and the rewriting of string comparisons that their default collations make case- and accent-insensitive and
 * blind to trailing spaces.
 *
 * <h2>String comparisons</h2>
 * Under the default collations ({@code utf8mb4_general_ci} on MariaDB, {@code utf8mb4_0900_ai_ci} on MySQL)
 * {@code 'abc' = 'ABC'}, {@code 'cafe' = 'café'} and (MariaDB, PAD SPACE) {@code 'abc' = 'abc '} all hold, and
 * {@code LIKE}/{@code REGEXP} ignore case. The templates compare through {@value #EXACT}{@code (x)}, which is
 * {@code x} converted to utf8mb4 under a binary NO PAD collation (code point by code point, trailing spaces
 * significant), whatever the column's character set:
 * <ul>
 *   <li>{@code eq}, {@code inq}, {@code like} keep the plain comparison first, so an index on the column still
 *       narrows the rows, and add the exact one: {@code (x = :p and ignis_exact(x) = :p)}. Every exact match is
 *       also a match under the column's collation, so the result is the exact comparison;</li>
 *   <li>{@code neq}, {@code nin}, {@code nlike} are the exact comparison alone (no index helps a negation);</li>
 *   <li>{@code ilike}/{@code nilike} compare {@code lower(ignis_exact(x))} with {@code lower(:p)}: case-insensitive
 *       but accent-sensitive, as on PostgreSQL and H2 (HQL's own {@code ilike} renders {@code lower(x) like lower(:p)},
 *       which the collation makes accent-insensitive);</li>
 *   <li>{@code regexp}/{@code iregexp} go through {@code ignis_regexp}/{@code ignis_iregexp}.</li>
 * </ul>
 * The templates name the parameter {@code {1}} twice; {@code {1}} of {@code inq}/{@code nin} is the
 * parenthesised list parameter.
 */
abstract class MySqlFamilyPlugin implements DriverPlugin {
    /** Connector/J accepts only URLs starting with this, for MySQL and MariaDB alike. */
    public static final String URL_PREFIX = "jdbc:mysql:";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3306;
    /** Name of the function (declared in {@link #sqlFunctions()}) giving a string in an exact, NO PAD binary collation. */
    public static final String EXACT = "ignis_exact";

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]{2,45}]?");

    /** Vendor codes of errors that mean the server cannot be reached or used. */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(
            1040, // too many connections
            1042, // cannot get host name
            1043, // bad handshake
            1044, // access denied to the database
            1045, // access denied (authentication)
            1049, // unknown database
            1053, // server shutdown in progress
            1077, 1078, 1079, 1080, // shutdown
            1129, // host blocked
            1130, // host not allowed to connect
            1152, // aborted connection
            1158, 1159, 1160, 1161, // network read/write errors
            1184, // aborted new connection
            1927, // MariaDB: connection was killed
            2002, // cannot connect through socket
            2003, // cannot connect to server
            2005, // unknown host
            2006, // server has gone away
            2013, // lost connection during query
            2026, // SSL connection error
            2055, // lost connection (system error)
            4031  // MySQL: disconnected by the server for inactivity
    );

    /** Vendor codes of constraint violations, some of which carry SQLState HY000 rather than class 23. */
    private static final Set<Integer> CONFLICT_CODES = Set.of(
            1022, // duplicate key on write or update
            1048, // column cannot be null
            1062, // duplicate entry
            1169, // unique constraint violated
            1216, 1217, // foreign key (old codes)
            1364, // field has no default value (a NOT NULL column left out)
            1451, 1452, // foreign key: row referenced / parent missing
            1557, 1586, // duplicate entry
            1761, 1762, // foreign key duplicate
            3819, // MySQL: check constraint violated
            4025  // MariaDB: CONSTRAINT ... failed (check constraint)
    );

    private final String name;
    private final Map<String, String> functions;
    private final Map<Operator, String> stringTemplates;
    private final String exactCollation;

    /**
     * @param exactCollation a binary NO PAD utf8mb4 collation ({@code utf8mb4_nopad_bin} on MariaDB, {@code utf8mb4_0900_bin} on MySQL)
     * @param regexp  SQL pattern of the case-sensitive regular expression match (boolean)
     * @param iregexp SQL pattern of the case-insensitive regular expression match (boolean)
     */
    MySqlFamilyPlugin(String name, String exactCollation, String regexp, String iregexp) {
        this.name = name;
        this.exactCollation = exactCollation;
        Map<String, String> f = new LinkedHashMap<>();
        f.put(EXACT, "(convert(?1 using utf8mb4) collate " + exactCollation + ")");
        f.put("ignis_regexp", regexp);
        f.put("ignis_iregexp", iregexp);
        // The scalar's text (JSON_VALUE would give 1 for true), NULL for JSON null, objects and arrays; a number is
        // the text that looks like one (a plain cast turns "high" into 0), as DECIMAL(65,30): no rounding below 30
        // decimals. ?2 is a string literal, so naming it twice binds nothing twice.
        String value = "json_extract(?1, ?2)";
        f.put(DriverPlugin.JSON_TEXT_FUNCTION, "(case when json_type(" + value + ") in ('OBJECT', 'ARRAY', 'NULL') then null"
                + " else json_unquote(" + value + ") end)");
        f.put(DriverPlugin.JSON_NUMBER_FUNCTION, "cast(nullif(regexp_substr(json_unquote(" + value
                + "), '^-{0,1}[0-9]+([.][0-9]+){0,1}$'), '') as decimal(65,30))");
        this.functions = Map.copyOf(f);
        Map<Operator, String> t = new EnumMap<>(Operator.class);
        t.put(Operator.EQ, "({0} = {1} and " + EXACT + "({0}) = {1})");
        t.put(Operator.NEQ, EXACT + "({0}) <> {1}");
        t.put(Operator.IN, "({0} in {1} and " + EXACT + "({0}) in {1})");
        t.put(Operator.NIN, EXACT + "({0}) not in {1}");
        String escape = " " + DriverPlugin.LIKE_ESCAPE_CLAUSE;
        t.put(Operator.LIKE, "({0} like {1}" + escape + " and " + EXACT + "({0}) like {1}" + escape + ")");
        t.put(Operator.NLIKE, EXACT + "({0}) not like {1}" + escape);
        t.put(Operator.ILIKE, "lower(" + EXACT + "({0})) like lower({1})" + escape);
        t.put(Operator.NILIKE, "lower(" + EXACT + "({0})) not like lower({1})" + escape);
        this.stringTemplates = t;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public String jdbcUrl(DataSourceConfig config) {
        if (config.url() != null) {
            if (!config.url().startsWith(URL_PREFIX)) {
                throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + name
                        + "' expects a JDBC URL starting with '" + URL_PREFIX + "' (got '" + DataSourceConfig.redactUrl(config.url()) + "')"
                        + wrongUrlHint(config.url()));
            }
            return config.url();
        }
        String database = config.database();
        if (database == null || !DATABASE.matcher(database).matches()) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + name + "' needs a database name of letters,"
                    + " digits, '_', '$', '.', '-' (got '" + database + "'); give a url (" + URL_PREFIX + "//...) for other names");
        }
        String host = config.host() == null ? DEFAULT_HOST : config.host();
        if (!HOST.matcher(host).matches()) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + name + "': invalid host '" + host + "'");
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = config.port() == null ? DEFAULT_PORT : config.port();
        return URL_PREFIX + "//" + host + ":" + port + "/" + database;
    }

    /** Extra words for a URL with the wrong prefix; empty by default. */
    String wrongUrlHint(String url) {
        return "";
    }

    /** The string-column collation; subclasses add how Hibernate learns which server it talks to. */
    @Override
    public Map<String, Object> hibernateSettings(DataSourceConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        // Columns the engine creates compare like the filter language: case-sensitive, trailing spaces kept,
        // so a unique key accepts 'k1', 'K1' and 'k1 ' as on PostgreSQL and H2.
        settings.put(DriverPlugin.STRING_COLUMN_COLLATION, exactCollation);
        addSettings(settings);
        return Map.copyOf(settings);
    }

    abstract void addSettings(Map<String, Object> settings);

    /**
     * Connector/J defaults: batches rewritten into multi-row statements, a client-side statement cache
     * (250 statements of up to 2048 characters), the session time zone forced to UTC (so {@code TIMESTAMP}
     * columns and {@code NOW()} agree with {@code hibernate.jdbc.time_zone=UTC}; works without the server's time
     * zone tables, Connector/J sends {@code +00:00}), UTF-8, TCP keep-alive and the usual round-trip savers.
     */
    @Override
    public Map<String, String> connectionDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rewriteBatchedStatements", "true");
        defaults.put("cachePrepStmts", "true");
        defaults.put("prepStmtCacheSize", "250");
        defaults.put("prepStmtCacheSqlLimit", "2048");
        defaults.put("useServerPrepStmts", String.valueOf(useServerPrepStmts()));
        defaults.put("connectionTimeZone", "UTC");
        defaults.put("forceConnectionTimeZoneToSession", "true");
        defaults.put("characterEncoding", "UTF-8");
        defaults.put("useLocalSessionState", "true");
        defaults.put("cacheResultSetMetadata", "true");
        defaults.put("cacheServerConfiguration", "true");
        defaults.put("elideSetAutoCommits", "true");
        defaults.put("maintainTimeStats", "false");
        defaults.put("tcpKeepAlive", "true");
        return Map.copyOf(defaults);
    }

    abstract boolean useServerPrepStmts();

    /** {@value #EXACT} (string), {@code ignis_regexp} and {@code ignis_iregexp} (boolean), the JSON path functions. */
    @Override
    public Map<String, String> sqlFunctions() {
        return functions;
    }

    /** String properties get the exact-comparison templates described on the class. */
    @Override
    public Optional<String> operatorTemplate(Operator operator, ValueKind kind) {
        return kind == ValueKind.STRING ? Optional.ofNullable(stringTemplates.get(operator)) : Optional.empty();
    }

    @Override
    public boolean supportsJsonPath() {
        return true;
    }

    /**
     * {@code insert .. on duplicate key update c = values(c)}. The database decides the conflict on any unique key of
     * the table, not only the one named; with no column to update the row is left as it is ({@code k = k}).
     */
    @Override
    public String upsertSql(UpsertStatement statement) {
        return upsert(statement, 1);
    }

    /** The upsert of {@code rows} value rows in one statement. */
    static String upsert(UpsertStatement statement, int rows) {
        StringBuilder sql = new StringBuilder(statement.insertValues(rows)).append(" on duplicate key update ");
        List<String> sets = statement.updateColumns().isEmpty()
                ? List.of(statement.keyColumns().get(0) + " = " + statement.keyColumns().get(0))
                : statement.updateColumns().stream().map(c -> c + " = values(" + c + ")").toList();
        return sql.append(String.join(", ", sets)).toString();
    }

    /** Connector/J streams a result set row by row only with this fetch size (and a forward-only, read-only result). */
    @Override
    public int streamFetchSize() {
        return Integer.MIN_VALUE;
    }

    /** Connector/J refuses every other statement on a connection while a streaming result set is open on it. */
    @Override
    public boolean cursorBlocksConnection() {
        return true;
    }

    /** Lock wait timeout (also NOWAIT on MariaDB), deadlock victim, NOWAIT on MySQL 8. */
    private static final Set<Integer> LOCK_CODES = Set.of(1205, 1213, 3572);

    /** Vendor codes first (Connector/J and the server use HY000 for several of them), then the SQLState class. */
    @Override
    public ErrorKind classify(String sqlState, int vendorCode) {
        if (UNAVAILABLE_CODES.contains(vendorCode)) {
            return ErrorKind.UNAVAILABLE;
        }
        if (LOCK_CODES.contains(vendorCode)) {
            return ErrorKind.LOCK;
        }
        if (CONFLICT_CODES.contains(vendorCode)) {
            return ErrorKind.CONFLICT;
        }
        if (vendorCode == 1139 || vendorCode == 3685 || vendorCode == 3692 || vendorCode == 1292) {
            // "Got error ... from regexp" (MariaDB), illegal argument / syntax error in a regular expression (MySQL 8);
            // "Truncated incorrect DECIMAL value" (1292): strict mode makes a failed cast of a JSON text an error in writes
            return ErrorKind.REJECTED_VALUE;
        }
        return ErrorKind.bySqlState(sqlState);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }

    /** One limited select per parent key: MariaDB has no {@code lateral}; each branch stops after {@code skip + limit} index entries. */
    @Override
    public PerParentForm perParentForm() {
        return PerParentForm.UNION_ALL;
    }
}
