package dev.ignis.engine.internal.execute;

import dev.ignis.engine.internal.compile.QueryParameters;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.java.JavaType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One select shape as Hibernate translated it: the SQL text, which named parameter (or which element of a list
 * parameter) goes to each JDBC position with the type Hibernate chose for it, and how each selected item is read back.
 * Running it is a prepared statement on the caller's connection, nothing more; no Hibernate query object is built.
 */
final class SelectPlan {
    /**
     * A JDBC parameter position: the position of the named parameter among the statement's values, the list element
     * ({@code -1} for a single value), its binding.
     */
    record Slot(int parameter, int element, JdbcMapping mapping, Class<?> seenType) {
        /** The value of this slot in {@code params}, as the caller gave it. */
        Object raw(QueryParameters params) {
            Object raw = params.value(parameter);
            if (element >= 0) {
                raw = raw instanceof List<?> list ? list.get(element) : new ArrayList<>((Collection<?>) raw).get(element);
            }
            return raw;
        }

        /** Whether a value fits the type Hibernate chose when it translated the shape with the first call's values. */
        boolean accepts(Object raw) {
            return raw == null || seenType == null || raw.getClass() == seenType;
        }

        /** The value as Hibernate binds it: of the parameter's Java type (an int where a long is compared, say), converted. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object value(Object raw, WrapperOptions options) {
            if (raw == null) {
                return null;
            }
            JavaType javaType = mapping.getJavaTypeDescriptor();
            Object typed = javaType.isInstance(raw) ? raw : javaType.wrap(raw, options);
            BasicValueConverter converter = mapping.getValueConverter();
            return converter == null ? typed : converter.toRelationalValue(typed);
        }
    }

    /**
     * How a column is read. For the commonest types Hibernate's extractor does exactly one {@code ResultSet} call;
     * those columns are read with that call directly, without the extractor's extra {@code wasNull} call, trace-log
     * check and virtual dispatch on every value (thousands per page). Everything else goes through the extractor.
     */
    enum Read {
        /** VARCHAR into String: {@code getString}. */
        TEXT,
        /** TIMESTAMP_UTC into Instant: {@code getObject(i, Instant.class)}, the extractor's first choice. */
        INSTANT,
        /** TIMESTAMP WITH TIME ZONE into Instant: {@code getObject(i, OffsetDateTime.class)}, as an instant. */
        OFFSET_INSTANT,
        EXTRACTOR
    }

    /** A selected item: where it is in the result set, how to extract it, how to turn it into the domain value. */
    record Column(int resultSetIndex, ValueExtractor<?> extractor, BasicValueConverter<?, ?> converter, Read how) {
        Object read(ResultSet rs, WrapperOptions options) throws SQLException {
            // Comparisons, not a switch: a switch over an enum indexes a synthetic array the JIT cannot fold, while a
            // generated reader ({@link TupleReaders}) makes this column a constant and these tests fold away.
            if (how == Read.TEXT) {
                return rs.getString(resultSetIndex);
            }
            if (how == Read.INSTANT) {
                try {
                    return rs.getObject(resultSetIndex, Instant.class);
                } catch (SQLException | AbstractMethodError unsupported) {
                    return extracted(rs, options); // the extractor falls back to a UTC Timestamp
                }
            }
            if (how == Read.OFFSET_INSTANT) {
                OffsetDateTime value = rs.getObject(resultSetIndex, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
            return extracted(rs, options);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object extracted(ResultSet rs, WrapperOptions options) throws SQLException {
            Object value = extractor.extract(rs, resultSetIndex, options);
            return converter == null || value == null ? value : ((BasicValueConverter) converter).toDomainValue(value);
        }
    }

    private final String sql;
    private final Slot[] slots;
    private final TupleReader reader;
    private final Integer fetchSize;
    private final boolean sessionFree;

    /**
     * {@code generatedReader} false reads the columns in a loop instead of through a generated class;
     * {@code sessionFree}: no binding or column of the plan asks its options for a session.
     */
    SelectPlan(String sql, List<Slot> slots, List<Column> columns, Integer fetchSize, boolean generatedReader, boolean sessionFree) {
        this(sql, slots.toArray(new Slot[0]), generatedReader ? TupleReaders.generate(columns.toArray(new Column[0]))
                : TupleReaders.loop(columns.toArray(new Column[0])), fetchSize, sessionFree);
    }

    private SelectPlan(String sql, Slot[] slots, TupleReader reader, Integer fetchSize, boolean sessionFree) {
        this.sql = sql;
        this.slots = slots;
        this.reader = reader;
        this.fetchSize = fetchSize;
        this.sessionFree = sessionFree;
    }

    /** Whether the plan can bind and read with a session factory's options alone, on a connection of no session. */
    boolean sessionFree() {
        return sessionFree;
    }

    String sql() {
        return sql;
    }

    /** This plan with a clause appended to its SQL (a row lock); binding and reading stay the same. */
    SelectPlan withSuffix(String suffix) {
        return new SelectPlan(sql + suffix, slots, reader, fetchSize, sessionFree);
    }

    /**
     * The values to bind, in JDBC order; null when one of them is of another type than the values the shape was
     * translated with (the same query text with a text where a number was, say), which this plan must not bind.
     */
    Object[] values(QueryParameters params) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            Object raw = slots[i].raw(params);
            if (!slots[i].accepts(raw)) {
                return null;
            }
            values[i] = raw;
        }
        return values;
    }

    /**
     * {@link #values} of a statement whose only value is {@code only} (not a list), without a parameter list: null
     * unless the plan binds exactly that value, of the type the shape was translated with.
     */
    Object[] valuesOf(Object only) {
        if (slots.length != 1 || slots[0].parameter() != 0 || slots[0].element() >= 0 || !slots[0].accepts(only)) {
            return null;
        }
        return new Object[] {only};
    }

    /** The rows for {@link #values}, each item of the select list at its index. */
    List<Object[]> run(Connection connection, Object[] values, WrapperOptions options) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (fetchSize != null) {
                statement.setFetchSize(fetchSize);
            }
            for (int i = 0; i < slots.length; i++) {
                bind(statement, i + 1, slots[i], slots[i].value(values[i], options), options);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs, options));
                }
                return rows;
            }
        }
    }

    /** A forward-only cursor over the rows for {@link #values}, reading {@code fetchSize} rows per round trip. */
    Cursor open(Connection connection, Object[] values, WrapperOptions options, int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < slots.length; i++) {
                bind(statement, i + 1, slots[i], slots[i].value(values[i], options), options);
            }
            return new Cursor(statement, statement.executeQuery(), reader, options);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The rows of an open select, one at a time, read as {@link #run} reads them; closing it closes the statement. */
    static final class Cursor implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final TupleReader reader;
        private final WrapperOptions options;

        private Cursor(PreparedStatement statement, ResultSet rows, TupleReader reader, WrapperOptions options) {
            this.statement = statement;
            this.rows = rows;
            this.reader = reader;
            this.options = options;
        }

        /** The next row, or null after the last. */
        Object[] next() throws SQLException {
            return rows.next() ? reader.read(rows, options) : null;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(PreparedStatement statement, int index, Slot slot, Object value, WrapperOptions options) throws SQLException {
        ((org.hibernate.type.descriptor.ValueBinder) slot.mapping().getJdbcValueBinder()).bind(statement, value, index, options);
    }

    /** The number of values a parameter stands for: the size of a list parameter, else one. */
    static int arity(Object value) {
        return value instanceof Collection<?> list ? list.size() : -1;
    }
}
