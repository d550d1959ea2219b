package dev.ignis.engine.internal.boot;

import dev.ignis.api.spi.DriverPlugin;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Binds timestamp parameters as text when the driver's settings carry {@link DriverPlugin#BIND_TEMPORAL_AS_TEXT}.
 *
 * <p>Connector/J on MariaDB drops fractional seconds from every temporal parameter ({@code setTimestamp},
 * {@code setObject}); a string {@code 'yyyy-MM-dd HH:mm:ss.SSSSSS'} keeps them, and the server converts it to the
 * column's type. The replacements extend Hibernate's own JDBC types, so DDL and literals stay as they are. The
 * binder changes (and instants are read as {@code LocalDateTime}, see {@link TimestampUtcAsText}): it sends the wall
 * clock Hibernate's binder would have given the driver
 * ({@code hibernate.jdbc.time_zone} included). {@code DATE} and {@code TIME} keep Hibernate's binders: a date has no
 * fraction, and the MariaDB dialect creates {@code time} columns without one, so a time bound as text with a
 * fraction would stop matching the stored value in {@code WHERE}.
 *
 * <p>Found by ServiceLoader (module {@code provides} and {@code META-INF/services}), so Hibernate runs it after the
 * dialect's own type contributions, which it therefore overrides. Without the setting it does nothing.
 */
public final class TemporalAsTextTypeContributor implements TypeContributor {
    /** Microseconds: what {@code datetime(6)} stores; finer digits would be truncated by the server anyway. */
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        boolean enabled = serviceRegistry.requireService(ConfigurationService.class)
                .getSetting(DriverPlugin.BIND_TEMPORAL_AS_TEXT, StandardConverters.BOOLEAN, false);
        if (!enabled) {
            return;
        }
        JdbcTypeRegistry jdbcTypes = contributions.getTypeConfiguration().getJdbcTypeRegistry();
        jdbcTypes.addDescriptor(SqlTypes.TIMESTAMP, new TimestampAsText());
        jdbcTypes.addDescriptor(SqlTypes.TIMESTAMP_UTC, new TimestampUtcAsText());
    }

    /**
     * {@code SqlTypes.TIMESTAMP} ({@code LocalDateTime}, {@code Date}, {@code Calendar}, {@code Timestamp}): Hibernate
     * would call {@code setTimestamp(ts, calendar)} with the value's own calendar, else one in the JDBC time zone,
     * else {@code setTimestamp(ts)} (the JVM's zone); the text is that instant's wall clock in the same zone.
     */
    static final class TimestampAsText extends TimestampJdbcType {
        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new TextBinder<>(javaType, this) {
                @Override
                String text(X value, WrapperOptions options) {
                    Timestamp timestamp = javaType.unwrap(value, Timestamp.class, options);
                    TimeZone zone = value instanceof Calendar calendar ? calendar.getTimeZone() : options.getJdbcTimeZone();
                    ZoneId zoneId = zone == null ? ZoneId.systemDefault() : zone.toZoneId();
                    return WALL_CLOCK.format(LocalDateTime.ofInstant(timestamp.toInstant(), zoneId));
                }
            };
        }
    }

    /**
     * {@code SqlTypes.TIMESTAMP_UTC} ({@code Instant}; {@code OffsetDateTime}/{@code ZonedDateTime} normalised to UTC):
     * Hibernate would call {@code setTimestamp(ts, UTC calendar)} whatever the JDBC time zone, so the text is the
     * UTC wall clock.
     */
    static final class TimestampUtcAsText extends TimestampUtcAsJdbcTimestampJdbcType {
        /**
         * Reads the UTC wall clock as a {@code LocalDateTime}, which Connector/J returns directly; Hibernate's reader
         * asks for a {@code Timestamp} with a new UTC {@code Calendar} per value.
         */
        @Override
        public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
            return new BasicExtractor<>(javaType, this) {
                @Override
                protected X doExtract(ResultSet rs, int position, WrapperOptions options) throws SQLException {
                    return wrap(rs.getObject(position, LocalDateTime.class), options);
                }

                @Override
                protected X doExtract(CallableStatement statement, int position, WrapperOptions options) throws SQLException {
                    return wrap(statement.getObject(position, LocalDateTime.class), options);
                }

                @Override
                protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                    return wrap(statement.getObject(name, LocalDateTime.class), options);
                }

                private X wrap(LocalDateTime utcWallClock, WrapperOptions options) {
                    return utcWallClock == null ? null : getJavaType().wrap(utcWallClock.toInstant(ZoneOffset.UTC), options);
                }
            };
        }

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new TextBinder<>(javaType, this) {
                @Override
                String text(X value, WrapperOptions options) {
                    Instant instant = javaType.unwrap(value, Instant.class, options);
                    return WALL_CLOCK.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                }
            };
        }
    }

    /** Binds the text from {@link #text}; nulls are bound by {@link BasicBinder} with the column's own type code. */
    private abstract static class TextBinder<X> extends BasicBinder<X> {
        TextBinder(JavaType<X> javaType, JdbcType jdbcType) {
            super(javaType, jdbcType);
        }

        abstract String text(X value, WrapperOptions options);

        @Override
        protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
            st.setString(index, text(value, options));
        }

        @Override
        protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
            st.setString(name, text(value, options));
        }
    }
}
