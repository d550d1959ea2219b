package dev.ignis.driver.mysql;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.repository.RowLock;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ReplicaLagQuery;
import dev.ignis.api.spi.ReplicationPositions;
import dev.ignis.api.spi.UpsertStatement;

import java.util.List;
import java.util.Map;

/**
 * The {@code mariadb} driver: MariaDB 10.11+ through MySQL Connector/J, which accepts only {@code jdbc:mysql:} URLs.
 *
 * <p>Give either {@code url("jdbc:mysql://host:3306/db")} or host (default {@code 127.0.0.1}), port (default 3306)
 * and database; user and password go to the driver as connection properties, never into the URL.
 *
 * <p>Connector/J sees MariaDB's handshake version {@code 5.5.5-10.11.x} and reports "MySQL 5.5", for which
 * Hibernate would pick an old MySQL dialect. The settings therefore name the product ({@code MariaDB}) and version
 * 10.11, which gives {@code MariaDBDialect} 10.11 without asking the server.
 *
 * <p><b>Fractional seconds.</b> Connector/J also decides from that version that the server cannot store fractional
 * seconds, and drops them from every temporal parameter it binds ({@code setTimestamp} with or without a
 * {@code Calendar}, {@code setObject} with {@code Timestamp}, {@code LocalDateTime}, {@code OffsetDateTime},
 * {@code Instant}), in client- and server-side prepared statements alike, on writes and in {@code WHERE}
 * clauses; no connection property changes that. Values bound as text ({@code 'yyyy-MM-dd HH:mm:ss.SSSSSS'}
 * through {@code setString}) keep their microseconds, and reads keep them. The settings carry
 * {@value DriverPlugin#BIND_TEMPORAL_AS_TEXT}{@code =true} so the engine binds temporal values as text on this driver.
 *
 * <p>String comparisons use {@code utf8mb4_nopad_bin} (binary, NO PAD); regular expressions are PCRE, made
 * case-sensitive by the binary collation and case-insensitive by {@code utf8mb4_general_ci}. See
 * {@link MySqlFamilyPlugin} for the filter templates.
 */
public final class MariaDbDriverPlugin extends MySqlFamilyPlugin {
    public static final String NAME = "mariadb";
    /** The oldest MariaDB this driver supports; Hibernate gets it as the database version. */
    public static final int MAJOR_VERSION = 10;
    public static final int MINOR_VERSION = 11;

    public MariaDbDriverPlugin() {
        // No '?' may appear in a Hibernate function pattern except before an argument number, so the regular
        // expressions get their case rule from a collation rather than from PCRE's (?i)/(?-i) flags.
        super(NAME, "utf8mb4_nopad_bin",
                "(convert(?1 using utf8mb4) collate utf8mb4_nopad_bin regexp ?2)",
                "(convert(?1 using utf8mb4) collate utf8mb4_general_ci regexp ?2)");
    }

    @Override
    void addSettings(Map<String, Object> settings) {
        settings.put("jakarta.persistence.database-product-name", "MariaDB");
        settings.put("jakarta.persistence.database-major-version", String.valueOf(MAJOR_VERSION));
        settings.put("jakarta.persistence.database-minor-version", String.valueOf(MINOR_VERSION));
        settings.put(DriverPlugin.BIND_TEMPORAL_AS_TEXT, "true");
    }

    /**
     * Refuses a MySQL server (no {@code utf8mb4_nopad_bin}, other functions: use the {@code mysql} driver) and a MariaDB
     * older than {@value #MAJOR_VERSION}.{@value #MINOR_VERSION}, the version Hibernate is told.
     */
    @Override
    public void checkServer(DataSourceConfig config, String productName, String productVersion) {
        String version = productVersion == null ? "" : productVersion;
        if (!version.contains("MariaDB")) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "' reached a " + productName
                    + " server (" + version + ") that is not MariaDB; use driver '" + MySqlDriverPlugin.NAME + "' for MySQL");
        }
        java.util.regex.Matcher numbers = MARIADB_VERSION.matcher(version);
        if (numbers.find()) {
            int major = Integer.parseInt(numbers.group(1));
            int minor = Integer.parseInt(numbers.group(2));
            if (major < MAJOR_VERSION || major == MAJOR_VERSION && minor < MINOR_VERSION) {
                throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "' needs MariaDB "
                        + MAJOR_VERSION + "." + MINOR_VERSION + " or later, the server is " + version);
            }
        }
    }

    /** The MariaDB version inside what Connector/J reports, e.g. {@code 10.11} of {@code 5.5.5-10.11.6-MariaDB-0+deb12u1}. */
    private static final java.util.regex.Pattern MARIADB_VERSION = java.util.regex.Pattern.compile("(?:^|-)(\\d+)\\.(\\d+)\\.\\d+-MariaDB");

    /**
     * Client-side prepared statements: Connector/J treats MariaDB as MySQL 5.5, its most tested path with MariaDB
     * is the text protocol, and it spares the server's {@code max_prepared_stmt_count}.
     */
    @Override
    boolean useServerPrepStmts() {
        return false;
    }

    /**
     * MariaDB 10.6+: {@code for update} or {@code lock in share mode}, then {@code nowait}, {@code skip locked} or
     * {@code wait n} (whole seconds, rounded up).
     */
    @Override
    public String lockClause(RowLock lock) {
        String clause = lock.strength() == RowLock.Strength.FOR_UPDATE ? " for update" : " lock in share mode";
        return switch (lock.waitPolicy()) {
            case WAIT -> lock.timeout() == null ? clause : clause + " wait " + (lock.timeout().toMillis() + 999) / 1000;
            case NOWAIT -> clause + " nowait";
            case SKIP_LOCKED -> clause + " skip locked";
        };
    }

    /**
     * MariaDB 10.5+ takes {@code returning} after {@code on duplicate key update}: an inserted row comes back as
     * inserted, a matched one as updated (its stored id and creation stamps). MySQL has no {@code returning}.
     */
    @Override
    public String upsertReturningSql(UpsertStatement statement, int rows, List<String> returned) {
        return upsert(statement, rows) + " returning " + String.join(", ", returned);
    }

    @Override
    String wrongUrlHint(String url) {
        return url.startsWith("jdbc:mariadb:")
                ? "; MariaDB is reached through MySQL Connector/J, which accepts only jdbc:mysql: URLs: write jdbc:mysql://host:3306/db"
                : "";
    }

    /**
     * GTID positions (the primary needs {@code log_bin}, replicas {@code MASTER_USE_GTID}): after a write, the session's
     * {@code @@last_gtid} (empty when the session never wrote to the binary log: nothing to wait for); on a replica,
     * {@code @@gtid_slave_pos}. A replica has applied the write once its sequence number in the write's replication
     * domain is at least the write's.
     */
    @Override
    public ReplicationPositions replicationPositions() {
        return new ReplicationPositions("select @@last_gtid", "select @@gtid_slave_pos", GtidPositions::reached);
    }

    /**
     * {@code Seconds_Behind_Master} of {@code SHOW SLAVE STATUS}: NULL when the replica's SQL or I/O thread is stopped,
     * 0 when it has applied all it received.
     */
    @Override
    public ReplicaLagQuery replicaLag() {
        return new ReplicaLagQuery("show slave status", "Seconds_Behind_Master");
    }
}
