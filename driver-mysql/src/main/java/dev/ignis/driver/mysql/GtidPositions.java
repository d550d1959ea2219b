package dev.ignis.driver.mysql;

import java.util.HashMap;
import java.util.Map;

/**
 * MariaDB GTID positions as the server prints them: {@code domain-server-sequence}, one per replication domain,
 * comma-separated ({@code 0-1-1042,1-2-7}). Within a domain the sequence number grows with every transaction, whichever
 * server wrote it, so a replica has applied a write once, in the write's domain, its sequence number is at least the
 * write's.
 */
final class GtidPositions {
    private GtidPositions() {
    }

    /** Whether {@code applied} (a replica's {@code @@gtid_slave_pos}) covers every domain of {@code written}. */
    static boolean reached(String applied, String written) {
        Map<Long, Long> have = sequences(applied);
        for (Map.Entry<Long, Long> need : sequences(written).entrySet()) {
            Long sequence = have.get(need.getKey());
            if (sequence == null || Long.compareUnsigned(sequence, need.getValue()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Domain to sequence number; an empty text is an empty position. */
    static Map<Long, Long> sequences(String position) {
        Map<Long, Long> out = new HashMap<>(4);
        for (String gtid : position.split(",")) {
            String trimmed = gtid.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a MariaDB GTID position: '" + position + "'");
            }
            out.merge(Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[2]),
                    (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
        }
        return out;
    }
}
