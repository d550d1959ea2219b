package dev.ignis.conformance;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.conformance.model.Reading;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million rows through {@code stream} in a JVM whose heap could not hold them as a list (the driver modules run
 * it in a forked JVM with {@code -Xmx128m}, the surefire execution of the {@code volume} tag): the count and a
 * checksum match what the database computes.
 */
@Tag("volume")
public interface StreamVolumeContract extends ConformanceFixture {
    int ROWS = Integer.getInteger("ignis.stream.rows", 1_000_000);

    @Test
    default void aMillionRowsStreamInASmallHeap() throws SQLException {
        assertThat(Runtime.getRuntime().maxMemory()).as("runs with a small heap (-Xmx128m)").isLessThan(200L << 20);
        try (Connection c = database().connect(); Statement s = c.createStatement()) {
            String table = q("cf_reading");
            String series = switch (database().kind()) {
                case POSTGRES -> "select g, g % 1000 from generate_series(1, " + ROWS + ") g";
                case MARIADB -> "select seq, seq % 1000 from seq_1_to_" + ROWS;
                case H2 -> "select x, mod(x, 1000) from system_range(1, " + ROWS + ")";
            };
            s.executeUpdate("insert into " + table + " (" + q("id") + ", " + q("amount") + ") " + series);
        }
        long expectedAmount = ((Number) jdbcValue("select sum(" + q("amount") + ") from " + q("cf_reading"))).longValue();
        ViewRepository<Reading, Long> readings = new ViewRepository<>(mainDataSource(), Reading.class);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        long[] sums = new long[3];
        try (Stream<Reading> stream = readings.stream(Filter.empty())) {
            stream.forEach(r -> {
                sums[0]++;
                sums[1] += r.getId();
                sums[2] += r.getAmount();
            });
        }
        long nanos = System.nanoTime() - start;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        assertThat(sums[0]).isEqualTo(ROWS);
        assertThat(sums[1]).as("sum of ids").isEqualTo((long) ROWS * (ROWS + 1) / 2);
        assertThat(sums[2]).as("sum of amounts").isEqualTo(expectedAmount);
        System.out.println("[ignis stream] " + database().kind() + ": " + sums[0] + " rows in " + nanos / 1_000_000 + " ms ("
                + (long) (sums[0] / (nanos / 1e9)) + " rows/s), max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB, peak heap pools " + (peakHeap >> 20) + " MiB");
        try (Connection c = database().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from " + q("cf_reading"));
        }
    }
}
