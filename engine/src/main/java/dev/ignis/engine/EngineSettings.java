package dev.ignis.engine;

import dev.ignis.api.model.CurrentUser;

import java.time.Clock;

/**
 * Engine-wide settings, validated by the builder: default and maximum page size, the clock that stamps
 * {@code createdAt}/{@code modifiedAt}, and who the current user is for audit columns.
 */
public record EngineSettings(int defaultLimit, int maxLimit, Clock clock, CurrentUser currentUser) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public EngineSettings {
        if (maxLimit < 1) {
            throw new IllegalArgumentException("maxLimit must be at least 1, got " + maxLimit);
        }
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("defaultLimit must be between 1 and maxLimit (" + maxLimit + "), got " + defaultLimit);
        }
        if (clock == null || currentUser == null) {
            throw new IllegalArgumentException("clock and currentUser must not be null");
        }
    }
}
