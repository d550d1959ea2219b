package dev.ignis.engine.settings;

import dev.ignis.api.model.CurrentUser;
import dev.ignis.api.model.TenantResolver;

import java.time.Clock;

/**
 * Engine-wide settings, validated when built: default and maximum page size, the clock that stamps
 * {@code createdAt}/{@code modifiedAt}, who the current user is for audit columns, how deep includes may nest,
 * how many keys one {@code IN} list carries (0: each driver's own limit), how many keys a related-field condition
 * may collect on another datasource, whether includes may read other datasources outside a running transaction,
 * whose rows calls on tenant models see, and whether selects run as planned statements read by generated code
 * ({@code plannedSelects}; off, every select goes through Hibernate's query API and rows are filled property by property).
 */
public record EngineSettings(int defaultLimit, int maxLimit, Clock clock, CurrentUser currentUser,
                             int maxIncludeDepth, int inListChunkSize, int maxRelatedKeys,
                             boolean crossDataSourceReadsInTransaction, TenantResolver tenantResolver, boolean plannedSelects) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_INCLUDE_DEPTH = 5;
    public static final int MAX_RELATED_KEYS = 10_000;

    /** Settings with no tenant resolver: calls on tenant models then need {@code Tenants.run}. */
    public EngineSettings(int defaultLimit, int maxLimit, Clock clock, CurrentUser currentUser, int maxIncludeDepth,
                          int inListChunkSize, int maxRelatedKeys, boolean crossDataSourceReadsInTransaction) {
        this(defaultLimit, maxLimit, clock, currentUser, maxIncludeDepth, inListChunkSize, maxRelatedKeys,
                crossDataSourceReadsInTransaction, TenantResolver.NONE, true);
    }

    /** Settings with planned selects on. */
    public EngineSettings(int defaultLimit, int maxLimit, Clock clock, CurrentUser currentUser, int maxIncludeDepth,
                          int inListChunkSize, int maxRelatedKeys, boolean crossDataSourceReadsInTransaction,
                          TenantResolver tenantResolver) {
        this(defaultLimit, maxLimit, clock, currentUser, maxIncludeDepth, inListChunkSize, maxRelatedKeys,
                crossDataSourceReadsInTransaction, tenantResolver, true);
    }

    public EngineSettings {
        if (maxLimit < 1) {
            throw new IllegalArgumentException("maxLimit must be at least 1, got " + maxLimit);
        }
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("defaultLimit must be between 1 and maxLimit (" + maxLimit + "), got " + defaultLimit);
        }
        if (maxIncludeDepth < 1) {
            throw new IllegalArgumentException("maxIncludeDepth must be at least 1, got " + maxIncludeDepth);
        }
        if (inListChunkSize < 0) {
            throw new IllegalArgumentException("inListChunkSize must be 0 (the driver's limit) or positive, got " + inListChunkSize);
        }
        if (maxRelatedKeys < 1) {
            throw new IllegalArgumentException("maxRelatedKeys must be at least 1, got " + maxRelatedKeys);
        }
        if (clock == null || currentUser == null || tenantResolver == null) {
            throw new IllegalArgumentException("clock, currentUser and tenantResolver must not be null");
        }
    }
}
