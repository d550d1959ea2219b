package dev.ignis.engine.internal.model;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.model.IdGenerator;
import dev.ignis.api.model.ModelType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows of one model on its datasource: its flat attributes from Hibernate's mapping model
 * and the {@code @Model} declaration. Built once at boot; immutable.
 */
public final class ModelDescriptor {
    private final Class<?> modelClass;
    private final String name;
    private final String entityName;
    private final String tableName;
    private final ModelType type;
    private final java.util.function.Supplier<Object> instantiator;
    private final AttributeDescriptor id;
    private final Map<String, AttributeDescriptor> attributes;
    private final Set<String> hidden;
    private final Filter defaultFilter;
    private final int defaultLimit;
    private final IdGenerator idGenerator;
    private final boolean allowAnonymous;
    private final Enrichers enrichers;
    private final Scoping scoping;
    private static final int MAX_FILLERS = 256;
    private final boolean generatedFillers;
    private final Map<List<AttributeDescriptor>, java.util.Optional<RowFiller>> fillers = new java.util.concurrent.ConcurrentHashMap<>();

    ModelDescriptor(Class<?> modelClass, String name, String entityName, String tableName, ModelType type,
                    java.util.function.Supplier<Object> instantiator, AttributeDescriptor id, Map<String, AttributeDescriptor> attributes, Set<String> hidden,
                    Filter defaultFilter, int defaultLimit, IdGenerator idGenerator, boolean allowAnonymous, Scoping scoping,
                    boolean generatedFillers) {
        this.modelClass = modelClass;
        this.name = name;
        this.entityName = entityName;
        this.tableName = tableName;
        this.type = type;
        this.instantiator = instantiator;
        this.id = id;
        this.attributes = attributes;
        this.hidden = hidden;
        this.defaultFilter = defaultFilter;
        this.defaultLimit = defaultLimit;
        this.idGenerator = idGenerator;
        this.allowAnonymous = allowAnonymous;
        this.enrichers = new Enrichers(attributes);
        this.scoping = scoping;
        this.generatedFillers = generatedFillers;
    }

    public Class<?> modelClass() {
        return modelClass;
    }

    /** The model's short name (the JPA entity name), for messages and metrics. */
    public String name() {
        return name;
    }

    /** The name Hibernate queries use. */
    public String entityName() {
        return entityName;
    }

    public String tableName() {
        return tableName;
    }

    public ModelType type() {
        return type;
    }

    java.util.function.Supplier<Object> instantiator() {
        return instantiator;
    }

    /**
     * The generated filler for a column list (the id first), built once per list; null when none can be generated.
     * Column lists come from filter shapes (fields, includes), so there are few; past {@value #MAX_FILLERS} of them
     * new lists are filled column by column rather than growing the cache. None when the engine's planned selects are off.
     */
    public RowFiller filler(List<AttributeDescriptor> columns) {
        if (!generatedFillers) {
            return null;
        }
        java.util.Optional<RowFiller> filler = fillers.get(columns);
        if (filler == null) {
            if (fillers.size() >= MAX_FILLERS) {
                return null;
            }
            filler = fillers.computeIfAbsent(List.copyOf(columns), key -> java.util.Optional.ofNullable(RowFillers.generate(this, key)));
        }
        return filler.orElse(null);
    }

    /** A new, empty instance of the model (through Hibernate's instantiator). */
    public Object newInstance() {
        return instantiator.get();
    }

    public AttributeDescriptor id() {
        return id;
    }

    /** Looks up a flat key; null when the model has no such property. */
    public AttributeDescriptor attribute(String key) {
        return attributes.get(key);
    }

    public Map<String, AttributeDescriptor> attributes() {
        return attributes;
    }

    /** Property names a caller may use, for "valid names" in error messages. */
    public List<String> attributeNames() {
        return List.copyOf(attributes.keySet());
    }

    public Set<String> hidden() {
        return hidden;
    }

    public Filter defaultFilter() {
        return defaultFilter;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public IdGenerator idGenerator() {
        return idGenerator;
    }

    public boolean allowAnonymous() {
        return allowAnonymous;
    }

    public Enrichers enrichers() {
        return enrichers;
    }

    /** The model's soft-delete and tenant properties. */
    public Scoping scoping() {
        return scoping;
    }

    /**
     * {@code deletedAt} (null: no soft delete), {@code deletedBy} (filled from the current user when present) and the
     * tenant property (null: shared by all tenants).
     */
    public record Scoping(AttributeDescriptor deletedAt, AttributeDescriptor deletedBy, AttributeDescriptor tenant) {
        public static final Scoping NONE = new Scoping(null, null, null);

        public boolean softDelete() {
            return deletedAt != null;
        }

        public boolean hasTenant() {
            return tenant != null;
        }
    }

    /** The enricher properties the engine fills on writes, when the model has them. */
    public static final class Enrichers {
        private final AttributeDescriptor createdAt;
        private final AttributeDescriptor modifiedAt;
        private final AttributeDescriptor createdBy;
        private final AttributeDescriptor modifiedBy;

        // Only the enricher embeddables are filled by the engine: a model's own createdBy column stays the caller's.
        Enrichers(Map<String, AttributeDescriptor> attributes) {
            this.createdAt = from(attributes.get("createdAt"), dev.ignis.api.model.TzColumns.class);
            this.modifiedAt = from(attributes.get("modifiedAt"), dev.ignis.api.model.TzColumns.class);
            this.createdBy = from(attributes.get("createdBy"), dev.ignis.api.model.UserAuditColumns.class);
            this.modifiedBy = from(attributes.get("modifiedBy"), dev.ignis.api.model.UserAuditColumns.class);
        }

        private static AttributeDescriptor from(AttributeDescriptor a, Class<?> enricher) {
            return a != null && a.embeddable() == enricher ? a : null;
        }

        public AttributeDescriptor createdAt() {
            return createdAt;
        }

        public AttributeDescriptor modifiedAt() {
            return modifiedAt;
        }

        public AttributeDescriptor createdBy() {
            return createdBy;
        }

        public AttributeDescriptor modifiedBy() {
            return modifiedBy;
        }

        public boolean audited() {
            return createdBy != null || modifiedBy != null;
        }
    }
}
