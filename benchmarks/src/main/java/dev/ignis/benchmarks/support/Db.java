package dev.ignis.benchmarks.support;

import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.driver.h2.H2DriverPlugin;
import dev.ignis.driver.mysql.MariaDbDriverPlugin;
import dev.ignis.driver.postgres.PostgresDriverPlugin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The three databases the benchmarks use, where they are, and the few dialect differences the hand-written JDBC
 * contender has to know (identifier quotes, how timestamps are read and bound).
 * Addresses can be overridden with IGNIS_BENCH_PG_URL/_USER/_PASSWORD and IGNIS_BENCH_MARIADB_URL/_USER/_PASSWORD.
 */
public enum Db {
    H2("h2", "jdbc:h2:mem:ignis_bench;DB_CLOSE_DELAY=-1", "sa", ""),
    POSTGRES("postgres", env("IGNIS_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + Dataset.SCHEMA),
            env("IGNIS_BENCH_PG_USER", "postgres"), env("IGNIS_BENCH_PG_PASSWORD", "")),
    MARIADB("mariadb", env("IGNIS_BENCH_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/" + Dataset.SCHEMA),
            env("IGNIS_BENCH_MARIADB_USER", "root"), env("IGNIS_BENCH_MARIADB_PASSWORD", ""));

    private static final DateTimeFormatter MARIADB_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final String key;
    private final String url;
    private final String user;
    private final String password;

    Db(String key, String url, String user, String password) {
        this.key = key;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The JMH parameter value: {@code h2}, {@code postgres}, {@code mariadb}. */
    public static Db of(String key) {
        for (Db db : values()) {
            if (db.key.equals(key)) {
                return db;
            }
        }
        throw new IllegalArgumentException("unknown database '" + key + "'; known: h2, postgres, mariadb");
    }

    public String key() {
        return key;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The Ignis driver plugin name. */
    public String driverName() {
        return key;
    }

    public DriverPlugin plugin() {
        return switch (this) {
            case H2 -> new H2DriverPlugin();
            case POSTGRES -> new PostgresDriverPlugin();
            case MARIADB -> new MariaDbDriverPlugin();
        };
    }

    /** A quoted identifier, as Hibernate writes it with globally quoted identifiers. */
    public String q(String identifier) {
        return this == MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    public Instant instant(ResultSet rs, int column) throws SQLException {
        if (this == MARIADB) {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Binds a timestamp; on MariaDB as text, because Connector/J drops fractional seconds from temporal parameters there. */
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (this == MARIADB) {
            ps.setString(index, MARIADB_TIMESTAMP.format(value.atOffset(ZoneOffset.UTC)));
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
