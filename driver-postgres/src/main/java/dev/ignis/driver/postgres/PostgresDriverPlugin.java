package dev.ignis.driver.postgres;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.repository.RowLock;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.PerParentForm;
import dev.ignis.api.spi.ReplicaLagQuery;
import dev.ignis.api.spi.ReplicationPositions;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.UpsertStatement;
import dev.ignis.api.spi.ValueKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code postgres} driver (alias {@code postgresql}): PostgreSQL through pgjdbc.
 *
 * <p>Give either {@code url("jdbc:postgresql://host:5432/db")} or host (default {@code 127.0.0.1}), port
 * (default 5432) and database; user and password go to the driver as connection properties, never into the URL.
 *
 * <p>Filter semantics hold natively: {@code =}, {@code IN}, {@code LIKE} are case-sensitive and keep trailing
 * spaces significant on {@code varchar}/{@code text}; {@code ILIKE} is native; regular expressions are POSIX
 * ({@code ~} and {@code ~*}). Array operators ({@code contains}, {@code containedBy}, {@code overlaps}) work on
 * array properties ({@code @>}, {@code <@}, {@code &&} through HQL's {@code array_includes}/{@code array_intersects}).
 */
public final class PostgresDriverPlugin implements DriverPlugin {
    public static final String NAME = "postgres";
    public static final String ALIAS = "postgresql";
    public static final String URL_PREFIX = "jdbc:postgresql:";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5432;

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]{2,45}]?");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of(ALIAS);
    }

    @Override
    public String jdbcUrl(DataSourceConfig config) {
        if (config.url() != null) {
            if (!config.url().startsWith(URL_PREFIX)) {
                throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME
                        + "' expects a JDBC URL starting with '" + URL_PREFIX + "' (got '" + DataSourceConfig.redactUrl(config.url()) + "')");
            }
            checkTransactionPooling(config);
            return config.url();
        }
        checkTransactionPooling(config);
        String database = config.database();
        if (database == null || !DATABASE.matcher(database).matches()) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "' needs a database name of letters,"
                    + " digits, '_', '.', '$', '-' (got '" + database + "'); give a url (" + URL_PREFIX + "//...) for other names");
        }
        String host = config.host() == null ? DEFAULT_HOST : config.host();
        if (!HOST.matcher(host).matches()) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "': invalid host '" + host + "'");
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = config.port() == null ? DEFAULT_PORT : config.port();
        return URL_PREFIX + "//" + host + ":" + port + "/" + database;
    }

    /**
     * pgjdbc reports the server correctly, so Hibernate picks PostgreSQLDialect and its version from the connection.
     * Instants go through {@code OffsetDateTime}: pgjdbc has no {@code getObject(.., Instant.class)}, and Hibernate's
     * default reads each instant by catching that driver error and retrying with a calendar (≈ 2 ms of a 100-row
     * page). The column stays {@code timestamp with time zone}, the values the same.
     */
    @Override
    public Map<String, Object> hibernateSettings(DataSourceConfig config) {
        return Map.of(INSTANT_JDBC_TYPE, "TIMESTAMP_WITH_TIMEZONE");
    }

    /** Hibernate's setting for the JDBC type of {@code Instant} properties. */
    static final String INSTANT_JDBC_TYPE = "hibernate.type.preferred_instant_jdbc_type";

    /**
     * Behind a transaction pooler each transaction may run on another server connection, so a server-side prepared
     * statement made on one is missing on the next ({@code prepared statement "S_1" does not exist}): a
     * {@code prepareThreshold} other than 0 in the properties, the URL or a replica's URL (any case; a URL's overrides
     * the properties in pgjdbc, so each is checked on its own) is refused at start.
     */
    private static void checkTransactionPooling(DataSourceConfig config) {
        if (!config.transactionPooling()) {
            return;
        }
        config.properties().entrySet().stream().filter(p -> p.getKey().equalsIgnoreCase(PREPARE_THRESHOLD))
                .forEach(p -> refuseNonZeroThreshold(config, String.valueOf(p.getValue()), "the properties"));
        List<String> urls = new ArrayList<>();
        urls.add(config.url());
        config.replicaSettings().replicas().forEach(replica -> urls.add(replica.url()));
        for (String url : urls) {
            java.util.regex.Matcher inUrl = PREPARE_THRESHOLD_IN_URL.matcher(url == null ? "" : url);
            while (inUrl.find()) {
                refuseNonZeroThreshold(config, inUrl.group(1), DataSourceConfig.redactUrl(url));
            }
        }
    }

    private static void refuseNonZeroThreshold(DataSourceConfig config, String given, String where) {
        if (!given.trim().equals("0")) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": transactionPooling needs " + PREPARE_THRESHOLD
                    + "=0 (server-side prepared statements do not survive a transaction pooler such as PgBouncer), got "
                    + PREPARE_THRESHOLD + "=" + given + " in " + where);
        }
    }

    private static final String PREPARE_THRESHOLD = "prepareThreshold";
    private static final Pattern PREPARE_THRESHOLD_IN_URL = Pattern.compile("[?&]" + PREPARE_THRESHOLD + "=([^&]*)", Pattern.CASE_INSENSITIVE);

    /**
     * pgjdbc defaults: multi-row inserts for batches ({@code reWriteBatchedInserts}; update counts of batched
     * inserts then read {@code SUCCESS_NO_INFO}), server-side prepared statements from the 3rd execution
     * ({@code prepareThreshold}, pgjdbc's default is 5), TCP keep-alive, and an application name for
     * {@code pg_stat_activity}.
     */
    @Override
    public Map<String, String> connectionDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("reWriteBatchedInserts", "true");
        defaults.put(PREPARE_THRESHOLD, "3");
        defaults.put("tcpKeepAlive", "true");
        defaults.put("ApplicationName", "ignis");
        return Map.copyOf(defaults);
    }

    /**
     * With {@link DataSourceConfig#transactionPooling()}: {@code prepareThreshold=0}, every statement is parsed unnamed
     * in the transaction that runs it; the rest as {@link #connectionDefaults()}.
     */
    @Override
    public Map<String, String> connectionDefaults(DataSourceConfig config) {
        if (!config.transactionPooling()) {
            return connectionDefaults();
        }
        Map<String, String> defaults = new LinkedHashMap<>(connectionDefaults());
        defaults.put(PREPARE_THRESHOLD, "0");
        return Map.copyOf(defaults);
    }

    /**
     * {@code set transaction isolation level ..}, for the transaction alone: pgjdbc's {@code setTransactionIsolation}
     * sends {@code set session characteristics}, outside the transaction, which a transaction pooler may run on another
     * server connection than the transaction and leave there for the next client.
     */
    @Override
    public Optional<String> transactionIsolationStatement(IsolationLevel level) {
        return switch (level) {
            case DEFAULT -> Optional.empty();
            case READ_UNCOMMITTED -> Optional.of("set transaction isolation level read uncommitted");
            case READ_COMMITTED -> Optional.of("set transaction isolation level read committed");
            case REPEATABLE_READ -> Optional.of("set transaction isolation level repeatable read");
            case SERIALIZABLE -> Optional.of("set transaction isolation level serializable");
        };
    }

    /**
     * {@code ignis_regexp} / {@code ignis_iregexp}, both boolean: POSIX regular expressions. The JSON path functions
     * read with {@code jsonb_path_query_first}; numbers are {@code numeric}, unrounded. The array predicates
     * compare both sides as {@code numeric[]} (number elements) or {@code text[]} (any other): PostgreSQL has no
     * {@code @>} between {@code text[]} and the {@code varchar[]} pgjdbc binds a {@code String[]} as, nor between
     * {@code integer[]} and {@code bigint[]}, so a column of any of these types compares with the model's element type.
     */
    @Override
    public Map<String, String> sqlFunctions() {
        Map<String, String> functions = new LinkedHashMap<>();
        functions.put("ignis_regexp", "(?1 ~ ?2)");
        functions.put("ignis_iregexp", "(?1 ~* ?2)");
        // One evaluation of the path per row; objects and arrays give NULL, as SQL/JSON's json_value does.
        String value = "from jsonb_path_query_first(cast(?1 as jsonb), cast(?2 as jsonpath)) as v)";
        functions.put(DriverPlugin.JSON_TEXT_FUNCTION,
                "(select case when jsonb_typeof(v) in ('object', 'array') then null else v #>> '{}' end " + value);
        functions.put(DriverPlugin.JSON_NUMBER_FUNCTION, "(select case when jsonb_typeof(v) in ('number', 'string')"
                + " and (v #>> '{}') ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}$' then cast(v #>> '{}' as numeric) end " + value);
        for (String type : List.of("numeric", "text")) {
            functions.put(ARRAY_FUNCTION + "contains_" + type, "(cast(?1 as " + type + "[]) @> cast(?2 as " + type + "[]))");
            functions.put(ARRAY_FUNCTION + "contained_by_" + type, "(cast(?1 as " + type + "[]) <@ cast(?2 as " + type + "[]))");
            functions.put(ARRAY_FUNCTION + "overlaps_" + type, "(cast(?1 as " + type + "[]) && cast(?2 as " + type + "[]))");
        }
        return Map.copyOf(functions);
    }

    private static final String ARRAY_FUNCTION = DriverPlugin.PREDICATE_FUNCTION_PREFIX + "array_";

    /** The array predicates of {@link #sqlFunctions()}, by the kind of the elements. */
    @Override
    public Optional<String> arrayOperatorTemplate(Operator operator, ValueKind elementKind) {
        String name = switch (operator) {
            case CONTAINS -> "contains_";
            case CONTAINED_BY -> "contained_by_";
            case OVERLAPS -> "overlaps_";
            default -> null;
        };
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(ARRAY_FUNCTION + name + (elementKind == ValueKind.NUMBER ? "numeric" : "text") + "({0}, {1})");
    }

    /** Array operators only on array properties; everything else as documented. */
    @Override
    public boolean supports(Operator operator, ValueKind kind) {
        return !operator.isArray() || kind == ValueKind.ARRAY;
    }

    @Override
    public boolean supportsJsonPath() {
        return true;
    }

    /** {@code for update|for share [nowait|skip locked]}; a wait timeout goes to {@link #lockTimeoutStatement}. */
    @Override
    public String lockClause(RowLock lock) {
        String clause = lock.strength() == RowLock.Strength.FOR_UPDATE ? " for update" : " for share";
        return switch (lock.waitPolicy()) {
            case WAIT -> clause;
            case NOWAIT -> clause + " nowait";
            case SKIP_LOCKED -> clause + " skip locked";
        };
    }

    /**
     * {@code set local lock_timeout}: PostgreSQL's lock clause has no wait time. It holds for the rest of the
     * transaction (the statement cannot bind a parameter; the value is a number the engine formats).
     */
    @Override
    public Optional<String> lockTimeoutStatement(RowLock lock) {
        return lock.timeout() == null ? Optional.empty()
                : Optional.of("set local lock_timeout = '" + Math.max(1, lock.timeout().toMillis()) + "ms'");
    }

    /** {@code insert .. on conflict (key) do update set c = excluded.c} ({@code do nothing} with no column to update). */
    @Override
    public String upsertSql(UpsertStatement statement) {
        return upsert(statement, 1);
    }

    /**
     * The same with {@code rows} value rows and {@code returning}: the inserted and the updated rows come back. Not
     * with {@code do nothing}, which returns no row for a conflict: then null, and the engine reads the rows back.
     */
    @Override
    public String upsertReturningSql(UpsertStatement statement, int rows, List<String> returned) {
        if (statement.updateColumns().isEmpty()) {
            return null;
        }
        return upsert(statement, rows) + " returning " + String.join(", ", returned);
    }

    private static String upsert(UpsertStatement statement, int rows) {
        StringBuilder sql = new StringBuilder(statement.insertValues(rows)).append(" on conflict (").append(String.join(", ", statement.keyColumns())).append(")");
        if (statement.updateColumns().isEmpty()) {
            return sql.append(" do nothing").toString();
        }
        sql.append(" do update set ");
        sql.append(String.join(", ", statement.updateColumns().stream().map(c -> c + " = excluded." + c).toList()));
        return sql.toString();
    }

    /**
     * Class 23 is a conflict; classes 08, 28, 53 and the 57P0x codes (admin/crash shutdown, cannot connect now,
     * database dropped, idle session timeout) and 3D000 (database does not exist) mean the database cannot be used.
     * 57014 (statement cancelled or timed out) is not an outage.
     */
    @Override
    public ErrorKind classify(String sqlState, int vendorCode) {
        if (sqlState == null) {
            return ErrorKind.OTHER;
        }
        if (sqlState.startsWith("57P") || sqlState.equals("3D000")) {
            return ErrorKind.UNAVAILABLE;
        }
        if (sqlState.startsWith("57")) {
            return ErrorKind.OTHER;
        }
        if (sqlState.equals("55P03") || sqlState.equals("40P01")) {
            // lock_not_available (NOWAIT, lock_timeout), deadlock_detected
            return ErrorKind.LOCK;
        }
        if (sqlState.equals("2201B") || sqlState.equals("22P02")) {
            // invalid regular expression; text that is not a number where a JSON path compares numbers
            return ErrorKind.REJECTED_VALUE;
        }
        return ErrorKind.bySqlState(sqlState);
    }

    @Override
    public String toString() {
        return "PostgresDriverPlugin[" + NAME + "]";
    }

    /**
     * One limited select per parent key: each is an index scan that stops after {@code skip + limit} rows. (A
     * {@code lateral} join over a bound key array reads the same rows but cannot be written in HQL with Hibernate 7.4.)
     */
    @Override
    public PerParentForm perParentForm() {
        return PerParentForm.UNION_ALL;
    }

    /** WAL positions as byte offsets: the primary's current write position, a standby's replayed position. */
    @Override
    public ReplicationPositions replicationPositions() {
        return new ReplicationPositions("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint",
                "select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint");
    }

    /**
     * 0 when the standby has replayed all the WAL it received, else the time since the commit of the last transaction it
     * replayed (which overstates the lag when the primary was idle before the pending write).
     */
    @Override
    public ReplicaLagQuery replicaLag() {
        return new ReplicaLagQuery("select case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0"
                + " else extract(epoch from now() - pg_last_xact_replay_timestamp()) end as lag_seconds", "lag_seconds");
    }
}
