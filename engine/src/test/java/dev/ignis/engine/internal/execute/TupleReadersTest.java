package dev.ignis.engine.internal.execute;

import org.hibernate.type.descriptor.java.IntegerJavaType;
import org.hibernate.type.descriptor.jdbc.IntegerJdbcType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated tuple reader against the loop it replaces: every kind of column, nulls, columns out of order. */
class TupleReadersTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Test
    void readsEveryColumnLikeTheLoop() throws SQLException {
        SelectPlan.Column[] columns = {
                new SelectPlan.Column(2, null, null, SelectPlan.Read.TEXT),
                new SelectPlan.Column(1, IntegerJdbcType.INSTANCE.getExtractor(IntegerJavaType.INSTANCE), null, SelectPlan.Read.EXTRACTOR),
                new SelectPlan.Column(3, null, null, SelectPlan.Read.INSTANT),
                new SelectPlan.Column(4, null, null, SelectPlan.Read.OFFSET_INSTANT),
                new SelectPlan.Column(5, null, null, SelectPlan.Read.TEXT),
        };
        TupleReader reader = TupleReaders.generate(columns);
        assertThat(reader.getClass().isHidden()).as("generated, not the loop").isTrue();
        assertThat(reader.getClass().getDeclaredFields()).as("its columns are class data constants").isEmpty();

        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:tuple-readers");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 7, 'seven', timestamp with time zone '2026-01-02 03:04:05.123456+00',"
                     + " timestamp with time zone '2026-01-02 05:04:05.123456+02', cast(null as varchar)"
                     + " union all select null, null, null, null, 'x'")) {
            assertThat(rs.next()).isTrue();
            Object[] first = reader.read(rs, null);
            assertThat(first).containsExactly("seven", 7, AT, AT, null);
            assertThat(first).containsExactly(loop(columns, rs));
            assertThat(rs.next()).isTrue();
            Object[] second = reader.read(rs, null);
            assertThat(second).containsExactly(null, null, null, null, "x");
            assertThat(second).containsExactly(loop(columns, rs));
        }
    }

    @Test
    void aReaderWithoutColumnsReadsEmptyRows() throws SQLException {
        assertThat(TupleReaders.generate(new SelectPlan.Column[0]).read(null, null)).isEmpty();
    }

    private static Object[] loop(SelectPlan.Column[] columns, ResultSet rs) throws SQLException {
        Object[] row = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            row[c] = columns[c].read(rs, null);
        }
        return row;
    }
}
