package dev.ignis.api.spi;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.repository.RowLock;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database driver plugin, found with {@link java.util.ServiceLoader}. It tells the engine how to reach its
 * database and where that database departs from the documented filter semantics.
 *
 * <p>Operator templates are HQL fragments in which {@code {0}} is the attribute expression and {@code {1}},
 * {@code {2}} the bound parameters; functions they call are declared in {@link #sqlFunctions()}.
 */
public interface DriverPlugin {
    /**
     * A key a driver may put into its {@link #hibernateSettings(DataSourceConfig)} with the value {@code "true"}
     * (or {@link Boolean#TRUE}): the engine then binds {@code TIMESTAMP} parameters as text
     * ({@code setString("yyyy-MM-dd HH:mm:ss.SSSSSS")}) instead of {@code setTimestamp}, with the same wall clock,
     * for JDBC drivers that drop fractional seconds from temporal parameters (Connector/J on MariaDB). Not a
     * Hibernate setting; Hibernate ignores it.
     */
    String BIND_TEMPORAL_AS_TEXT = "ignis.jdbc.bind_temporal_as_text";

    /**
     * A Hibernate setting a driver may put into {@link #hibernateSettings}: the collation string columns are created
     * with (e.g. {@code utf8mb4_nopad_bin}), so that unique keys and comparisons in the database itself are
     * case-sensitive and keep trailing spaces, as the filter semantics are.
     */
    String STRING_COLUMN_COLLATION = "ignis.ddl.string_collation";

    /**
     * The escape character of {@code like}, {@code nlike}, {@code ilike} and {@code nilike} patterns as the engine binds
     * them. Filters escape with a backslash ({@code \%}, {@code \_}, {@code \\}); the engine rewrites that to this
     * character, because a backslash inside an SQL literal means different things on different databases. A driver's
     * template for those operators ends each comparison with {@link #LIKE_ESCAPE_CLAUSE}.
     */
    char LIKE_ESCAPE = '!';

    /** The HQL clause a like-family template puts after its pattern: {@code escape '!'}. */
    String LIKE_ESCAPE_CLAUSE = "escape '" + LIKE_ESCAPE + "'";

    /**
     * The function a driver with {@link #supportsJsonPath()} declares in {@link #sqlFunctions()}: {@code ?1} a JSON
     * column, {@code ?2} an SQL/JSON path such as {@code $."a"[0]."b"}; gives the scalar there as text, or NULL for a
     * JSON null, a missing key, an object or an array.
     */
    String JSON_TEXT_FUNCTION = "ignis_json_text";

    /**
     * Like {@link #JSON_TEXT_FUNCTION}, as a number: the value when its text is a number ({@code -?[0-9]+(.[0-9]+)?}),
     * unrounded, else NULL (never an error). Its result is a {@code BigDecimal}.
     */
    String JSON_NUMBER_FUNCTION = "ignis_json_number";

    /** Names of {@link #sqlFunctions()} starting with this are boolean predicates. */
    String PREDICATE_FUNCTION_PREFIX = "ignis_is_";

    /** Whether the function of that name (one of {@link #sqlFunctions()}) is a boolean predicate. */
    static boolean isPredicateFunction(String name) {
        return name.startsWith(PREDICATE_FUNCTION_PREFIX) || name.contains("regexp");
    }

    /** The name datasources use, e.g. {@code postgres}. */
    String name();

    /** Other accepted names, e.g. {@code postgresql}. */
    default List<String> aliases() {
        return List.of();
    }

    /** The JDBC URL for a configuration: the given URL after checking it belongs to this driver, or one built from host/port/database. */
    String jdbcUrl(DataSourceConfig config);

    /** Hibernate settings for this database (dialect and its version, batching, time zone handling). */
    Map<String, Object> hibernateSettings(DataSourceConfig config);

    /**
     * Called once at start with the server the datasource reached (its JDBC metadata's product name and version). A
     * driver that cannot work with that server throws a {@link dev.ignis.api.error.DataSourceConfigException} naming the
     * plugin that can; nothing by default.
     */
    default void checkServer(DataSourceConfig config, String productName, String productVersion) {
    }

    /**
     * JDBC driver properties the pool should set by default (statement caching and the like). A parameter the user wrote in
     * the JDBC URL, and a configuration's own {@code property(...)}, win over these.
     */
    default Map<String, String> connectionDefaults() {
        return Map.of();
    }

    /**
     * The {@link #connectionDefaults()} for one datasource, which may depend on its configuration (such as
     * {@link DataSourceConfig#transactionPooling()}); the engine asks this one.
     */
    default Map<String, String> connectionDefaults(DataSourceConfig config) {
        return connectionDefaults();
    }

    /**
     * A statement that sets the isolation level of the current transaction only, which the engine runs first in a
     * transaction that asks for a level. Empty (the default): the engine calls
     * {@link java.sql.Connection#setTransactionIsolation}, which some JDBC drivers (pgjdbc) carry out as a session
     * setting that the pool then resets.
     */
    default Optional<String> transactionIsolationStatement(IsolationLevel level) {
        return Optional.empty();
    }

    /**
     * SQL functions to register with Hibernate: name to SQL pattern ({@code ?1}, {@code ?2} are the arguments). A
     * function is a boolean predicate when its name starts with {@value #PREDICATE_FUNCTION_PREFIX} or contains
     * {@code regexp}; otherwise it gives a string.
     */
    default Map<String, String> sqlFunctions() {
        return Map.of();
    }

    /** An HQL template replacing the engine's default for this operator on this kind of value, if the database needs one. */
    default Optional<String> operatorTemplate(Operator operator, ValueKind kind) {
        return Optional.empty();
    }

    /**
     * An HQL template for an array operator ({@code contains}, {@code containedBy}, {@code overlaps}) on an array property
     * whose elements are of {@code elementKind}; by default {@link #operatorTemplate(Operator, ValueKind)} for
     * {@link ValueKind#ARRAY}. {@code {1}} is an array of the model's element type, which may differ from the column's
     * ({@code String[]} against a {@code text[]} or {@code varchar[]} column).
     */
    default Optional<String> arrayOperatorTemplate(Operator operator, ValueKind elementKind) {
        return operatorTemplate(operator, ValueKind.ARRAY);
    }

    /** Whether the operator can be evaluated with its documented semantics; if not, filters using it fail with a clear error. */
    default boolean supports(Operator operator, ValueKind kind) {
        return !operator.isArray();
    }

    /** Whether JSON path keys ({@code "meta.a.b"}) work in where and order. */
    default boolean supportsJsonPath() {
        return false;
    }

    /**
     * Largest number of values one {@code IN (...)} may carry; longer lists are split. 1000 by default: the databases
     * bind far more parameters (PostgreSQL and MySQL 65,535), but long lists make large statements and one plan per length.
     */
    default int maxInListSize() {
        return 1000;
    }

    /**
     * How includes with a per-parent {@code limit}/{@code skip} are read on this database. {@link PerParentForm#WINDOW}
     * by default: it runs on every database; the index-driven forms read only what they return.
     */
    default PerParentForm perParentForm() {
        return PerParentForm.WINDOW;
    }

    /**
     * The clause appended to a root select to lock its rows, e.g. {@code " for update skip locked"}. A lock the
     * database cannot honour throws {@link UnsupportedOperatorException} naming this driver, never a weaker lock.
     * The default knows only the SQL standard's plain {@code FOR UPDATE}.
     */
    default String lockClause(RowLock lock) {
        if (lock.strength() == RowLock.Strength.FOR_UPDATE && lock.waitPolicy() == RowLock.WaitPolicy.WAIT && lock.timeout() == null) {
            return " for update";
        }
        throw new UnsupportedOperatorException("lock", lock.toString(), name(), "this database has no such row lock");
    }

    /**
     * A statement run in the transaction before a locking select whose {@link RowLock#timeout()} the lock clause
     * itself cannot carry (PostgreSQL's {@code set local lock_timeout}); empty when the clause carries it.
     */
    default Optional<String> lockTimeoutStatement(RowLock lock) {
        return Optional.empty();
    }

    /**
     * The SQL of an upsert of one row, with one {@code ?} per column of {@link UpsertStatement#columns()} in that
     * order; the engine runs it as a JDBC batch. Throws {@link UnsupportedOperatorException} if the database has none.
     */
    default String upsertSql(UpsertStatement statement) {
        throw new UnsupportedOperatorException("upsert", "upsert", name(), "no upsert statement for this database");
    }

    /**
     * The upsert of {@code rows} rows in one statement that also returns every row it inserted or updated, as stored,
     * with the columns {@code returned} in that order; its parameters are one group per row of one {@code ?} per
     * column of {@link UpsertStatement#columns()}. Rows may come back in any order. Null (the default) when the
     * database cannot return them with the statement itself: the engine then reads the stored rows back with a select.
     */
    default String upsertReturningSql(UpsertStatement statement, int rows, List<String> returned) {
        return null;
    }

    /**
     * Whether an open streaming cursor keeps its connection from running other statements until it is read to the
     * end (MySQL/MariaDB streaming results): includes of a stream then run on a second connection.
     */
    default boolean cursorBlocksConnection() {
        return false;
    }

    /**
     * The JDBC fetch size of a streaming read: rows the driver fetches per round trip, within a transaction (PostgreSQL
     * reads with a cursor only then). MySQL Connector/J streams row by row only with {@code Integer.MIN_VALUE}.
     */
    default int streamFetchSize() {
        return 1000;
    }

    /** Classifies a database error by SQLState and vendor code. */
    default ErrorKind classify(String sqlState, int vendorCode) {
        return ErrorKind.bySqlState(sqlState);
    }

    /**
     * The replication positions this database can report, for read-your-writes on replicas; null (the default) when it
     * has none the engine can compare: reads after a write then go to the primary for the configured window.
     */
    default ReplicationPositions replicationPositions() {
        return null;
    }

    /** How a replica of this database reports its lag, for the replica-lag gauge; null (the default) when it cannot. */
    default ReplicaLagQuery replicaLag() {
        return null;
    }
}
