package dev.ignis.engine.internal.execute;

import java.util.ArrayList;
import java.util.List;

/** Keys split into {@code IN} lists no longer than the engine's {@code inListChunkSize}, or else the driver's limit. */
final class KeyChunks {
    private KeyChunks() {
    }

    static List<List<Object>> of(List<Object> keys, int inListChunkSize, StartedDataSource dataSource) {
        int size = inListChunkSize > 0 ? inListChunkSize : Math.max(1, dataSource.driver().maxInListSize());
        if (keys.size() <= size) {
            return keys.isEmpty() ? List.of() : List.of(keys);
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += size) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + size)));
        }
        return chunks;
    }
}
