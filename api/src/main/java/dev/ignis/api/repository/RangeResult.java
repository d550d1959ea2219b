package dev.ignis.api.repository;

import java.util.List;

/**
 * A page and where it stands: {@code range.start} is the first row's offset, {@code range.end} the offset after
 * the last row (exclusive; equal to start for an empty page), {@code range.total} the count of all matching rows.
 */
public record RangeResult<E>(List<E> data, Range range) {
    public RangeResult {
        data = List.copyOf(data);
    }

    public record Range(long start, long end, long total) {
        /** The HTTP form, e.g. {@code records 0-9/120} (inclusive end) or {@code records *}{@code /0} when empty. */
        public String toContentRange(String unit) {
            return end > start ? unit + " " + start + "-" + (end - 1) + "/" + total : unit + " */" + total;
        }
    }
}
