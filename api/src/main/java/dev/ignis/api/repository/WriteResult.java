package dev.ignis.api.repository;

import java.util.List;

/** The result of a write: how many rows it touched and, unless {@code shouldReturn=false}, those rows. */
public record WriteResult<E>(long count, List<E> data) {
    public WriteResult {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** The single row of a one-row write. */
    public E single() {
        if (data.size() != 1) {
            throw new IllegalStateException("expected one row, the write returned " + data.size());
        }
        return data.get(0);
    }
}
