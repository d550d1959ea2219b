package dev.ignis.engine.internal.model;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.model.DataTypeColumns;
import dev.ignis.api.model.DeletedAt;
import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.DeletedBy;
import dev.ignis.api.model.IdGenerator;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.ModelType;
import dev.ignis.api.model.PrincipalColumns;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserAuditColumns;
import dev.ignis.api.model.UserColumns;
import dev.ignis.api.model.UuidGenerator;
import dev.ignis.api.spi.ValueKind;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.internal.EmbeddedAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.SqlTypes;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Builds {@link ModelDescriptor}s from Hibernate's mapping model and the {@code @Model} annotation. */
public final class ModelIntrospector {
    private static final Map<Class<?>, Supplier<Object>> ENRICHER_FACTORIES = Map.of(
            TzColumns.class, TzColumns::new,
            DeletedAtColumn.class, DeletedAtColumn::new,
            UserAuditColumns.class, UserAuditColumns::new,
            UserColumns.class, UserColumns::new,
            DataTypeColumns.class, DataTypeColumns::new,
            PrincipalColumns.class, PrincipalColumns::new);

    private ModelIntrospector() {
    }

    public static ModelDescriptor describe(Class<?> modelClass, EntityPersister persister) {
        return describe(modelClass, persister, true);
    }

    /** The model's descriptor; {@code generatedFillers} false fills every row property by property. */
    public static ModelDescriptor describe(Class<?> modelClass, EntityPersister persister, boolean generatedFillers) {
        String modelName = persister.getJpaEntityName() != null ? persister.getJpaEntityName() : modelClass.getSimpleName();
        Map<String, AttributeDescriptor> attributes = new LinkedHashMap<>();

        EntityIdentifierMapping idMapping = persister.getIdentifierMapping();
        if (!(idMapping instanceof BasicValuedModelPart idPart) || !(idMapping instanceof AttributeMapping)) {
            throw new ModelException("Model " + modelName + " must have a single-column id (found a composite id)");
        }
        Class<?> idType = idMapping.getJavaType().getJavaTypeClass();
        AttributeDescriptor id = new AttributeDescriptor(idMapping.getAttributeName(), idMapping.getAttributeName(), idType,
                kindOf(idType, idPart.getJdbcMapping().getJdbcType().getDefaultSqlTypeCode()), null, null, null,
                (AttributeMapping) idMapping, true);
        attributes.put(id.key(), id);

        persister.forEachAttributeMapping(attribute -> addAttribute(modelName, attribute, attributes));

        Model model = modelClass.getAnnotation(Model.class);
        if (model == null) {
            throw new ModelException("Class " + modelClass.getName() + " is a JPA entity but not marked @Model");
        }
        Set<String> hidden = new LinkedHashSet<>(Arrays.asList(model.hiddenProperties()));
        for (String name : hidden) {
            if (!attributes.containsKey(name)) {
                throw new ModelException("Model " + modelName + " hides unknown property '" + name + "'; properties: "
                        + String.join(", ", attributes.keySet()));
            }
        }
        Filter defaultFilter;
        try {
            defaultFilter = Filter.parse(model.defaultFilter());
        } catch (FilterException e) {
            throw new ModelException("Model " + modelName + " has an invalid defaultFilter: " + e.getMessage(), e);
        }
        if (model.defaultLimit() < 0) {
            throw new ModelException("Model " + modelName + " has a negative defaultLimit");
        }
        String table = persister.getIdentifierTableDetails().getTableName();
        var instantiator = persister.getRepresentationStrategy().getInstantiator();
        return new ModelDescriptor(modelClass, modelName, persister.getEntityName(), table, model.type(), instantiator::instantiate, id,
                Map.copyOf(attributes), Set.copyOf(hidden), defaultFilter, model.defaultLimit(),
                idGenerator(modelName, model), model.allowAnonymous(), scoping(modelName, modelClass, model, attributes), generatedFillers);
    }

    /** The properties {@code softDelete} and {@code tenant} name, checked: a typo fails at start, not on the first call. */
    private static ModelDescriptor.Scoping scoping(String modelName, Class<?> modelClass, Model model,
                                                   Map<String, AttributeDescriptor> attributes) {
        AttributeDescriptor deletedAt = deletedAt(modelName, modelClass, model, attributes);
        AttributeDescriptor deletedBy = deletedBy(modelName, modelClass, deletedAt, attributes);
        AttributeDescriptor tenant = null;
        if (!model.tenant().isEmpty()) {
            tenant = attributes.get(model.tenant());
            if (tenant == null || tenant.isIdentifier()) {
                throw new ModelException("Model " + modelName + " declares tenant property '" + model.tenant()
                        + "', which is not one of its properties: " + String.join(", ", attributes.keySet()));
            }
        }
        return deletedAt == null && tenant == null ? ModelDescriptor.Scoping.NONE
                : new ModelDescriptor.Scoping(deletedAt, deletedBy, tenant);
    }

    /**
     * The soft-delete column: the property marked {@link DeletedAt}, or with {@code softDelete = true} the property
     * {@code deletedAt} (the enricher's or the model's own); null when the model has no soft delete.
     */
    private static AttributeDescriptor deletedAt(String modelName, Class<?> modelClass, Model model, Map<String, AttributeDescriptor> attributes) {
        AttributeDescriptor marked = marked(modelName, modelClass, DeletedAt.class, attributes);
        AttributeDescriptor named = attributes.get("deletedAt");
        if (marked == null) {
            if (!model.softDelete()) {
                return null;
            }
            if (named == null || named.kind() != ValueKind.TEMPORAL) {
                throw new ModelException("Model " + modelName + " declares softDelete but has no temporal property 'deletedAt'"
                        + " (embed DeletedAtColumn, declare one, or mark a timestamp property @DeletedAt)");
            }
            return named;
        }
        if (marked.kind() != ValueKind.TEMPORAL) {
            throw new ModelException("Model " + modelName + ": @DeletedAt property '" + marked.key() + "' is a "
                    + marked.javaType().getSimpleName() + "; the deletion column must be a timestamp (Instant, OffsetDateTime, LocalDateTime, ...)");
        }
        if (!marked.nullable()) {
            throw new ModelException("Model " + modelName + ": @DeletedAt property '" + marked.key()
                    + "' is not nullable; a live row is one whose deletion column is NULL");
        }
        if (named != null && named != marked && (model.softDelete() || named.embeddable() == DeletedAtColumn.class)) {
            throw new ModelException("Model " + modelName + " declares its deletion column twice: @DeletedAt on '" + marked.key()
                    + "' and " + (named.embeddable() == DeletedAtColumn.class ? "the DeletedAtColumn enricher" : "softDelete = true")
                    + " ('deletedAt'); keep one");
        }
        return marked;
    }

    /** Who deleted: the property marked {@link DeletedBy}, else a string property {@code deletedBy}, on soft-delete models. */
    private static AttributeDescriptor deletedBy(String modelName, Class<?> modelClass, AttributeDescriptor deletedAt,
                                                 Map<String, AttributeDescriptor> attributes) {
        AttributeDescriptor marked = marked(modelName, modelClass, DeletedBy.class, attributes);
        if (marked == null) {
            AttributeDescriptor named = attributes.get("deletedBy");
            return deletedAt != null && named != null && named.kind() == ValueKind.STRING ? named : null;
        }
        if (deletedAt == null) {
            throw new ModelException("Model " + modelName + " marks '" + marked.key() + "' @DeletedBy but has no soft delete"
                    + " (mark a timestamp property @DeletedAt)");
        }
        if (marked.kind() != ValueKind.STRING) {
            throw new ModelException("Model " + modelName + ": @DeletedBy property '" + marked.key() + "' is a "
                    + marked.javaType().getSimpleName() + "; it holds the current user's id, a string");
        }
        return marked;
    }

    /** The one property whose field or getter carries {@code marker}; a second one, or a marker on no property, fails. */
    private static AttributeDescriptor marked(String modelName, Class<?> modelClass, Class<? extends Annotation> marker,
                                              Map<String, AttributeDescriptor> attributes) {
        String name = "@" + marker.getSimpleName();
        AttributeDescriptor found = null;
        Set<Member> members = new HashSet<>();
        for (AttributeDescriptor attribute : attributes.values()) {
            Member member = attribute.member();
            members.add(member);
            if (!carries(member, marker)) {
                continue;
            }
            if (found != null) {
                throw new ModelException("Model " + modelName + " has two " + name + " properties, '" + found.key() + "' and '"
                        + attribute.key() + "'; mark one");
            }
            found = attribute;
        }
        for (Class<?> type = modelClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(marker) && (found == null || !field.getName().equals(found.key()))
                        && !members.contains(field)) {
                    throw new ModelException("Model " + modelName + ": " + name + " is on field '" + field.getName()
                            + "', which is not a persistent property");
                }
            }
        }
        return found;
    }

    /** Whether the property read through {@code member} is annotated: on its field, or on its getter (property access). */
    private static boolean carries(Member member, Class<? extends Annotation> marker) {
        if (member instanceof AnnotatedElement element && element.isAnnotationPresent(marker)) {
            return true;
        }
        return member instanceof java.lang.reflect.Method getter && Arrays.stream(getter.getDeclaringClass().getDeclaredFields())
                .anyMatch(field -> field.isAnnotationPresent(marker) && getter.getName().equalsIgnoreCase("get" + field.getName()));
    }

    private static void addAttribute(String modelName, AttributeMapping attribute, Map<String, AttributeDescriptor> into) {
        if (attribute.isPluralAttributeMapping()) {
            return; // collections of Hibernate associations are not filterable properties
        }
        if (attribute.isEmbeddedAttributeMapping()) {
            EmbeddedAttributeMapping embedded = attribute.asEmbeddedAttributeMapping();
            Class<?> embeddableClass = embedded.getJavaType().getJavaTypeClass();
            var hibernateInstantiator = embedded.getEmbeddableTypeDescriptor().getRepresentationStrategy().getInstantiator();
            int width = embedded.getEmbeddableTypeDescriptor().getNumberOfAttributeMappings();
            // Hibernate's own instantiator (it may read the embeddable reflectively); an all-null value set.
            Supplier<Object> factory = ENRICHER_FACTORIES.getOrDefault(embeddableClass,
                    () -> hibernateInstantiator.instantiate(() -> new Object[width]));
            embedded.getEmbeddableTypeDescriptor().forEachAttributeMapping(leaf -> {
                if (leaf.isEmbeddedAttributeMapping() || leaf.isPluralAttributeMapping()) {
                    throw new ModelException("Model " + modelName + ": embeddable " + embeddableClass.getSimpleName()
                            + " nests '" + leaf.getAttributeName() + "'; only one level of embedding is supported");
                }
                put(modelName, into, describeBasic(leaf.getAttributeName(), attribute.getAttributeName() + "." + leaf.getAttributeName(),
                        leaf, attribute, factory));
            });
            return;
        }
        if (!(attribute instanceof BasicValuedModelPart)) {
            return; // to-one Hibernate associations: relations are declared with @One/@Many instead
        }
        put(modelName, into, describeBasic(attribute.getAttributeName(), attribute.getAttributeName(), attribute, null, null));
    }

    private static void put(String modelName, Map<String, AttributeDescriptor> into, AttributeDescriptor descriptor) {
        AttributeDescriptor previous = into.putIfAbsent(descriptor.key(), descriptor);
        if (previous != null) {
            throw new ModelException("Model " + modelName + " has two properties named '" + descriptor.key() + "' ("
                    + previous.hqlPath() + " and " + descriptor.hqlPath() + "); flat property names must be unique");
        }
    }

    private static AttributeDescriptor describeBasic(String key, String path, AttributeMapping leaf,
                                                     AttributeMapping container, Supplier<Object> factory) {
        Class<?> type = leaf.getJavaType().getJavaTypeClass();
        int sqlType = leaf instanceof BasicValuedModelPart basic ? basic.getJdbcMapping().getJdbcType().getDefaultSqlTypeCode() : SqlTypes.OTHER;
        ValueKind kind = kindOf(type, sqlType);
        Class<?> element = kind == ValueKind.ARRAY && type.isArray() ? type.getComponentType() : null;
        return new AttributeDescriptor(key, path, type, kind, element, container, factory, leaf, false);
    }

    /** The kind of a property (or of an array's elements) of Java type {@code type} stored as {@code sqlType}. */
    public static ValueKind kindOf(Class<?> type, int sqlType) {
        // An array stays an array even where the database stores it as JSON (MariaDB): the driver then
        // refuses array operators with UnsupportedOperatorException rather than a type mismatch.
        if ((type.isArray() && type != byte[].class && type != Byte[].class) || Collection.class.isAssignableFrom(type)) {
            return ValueKind.ARRAY;
        }
        if (sqlType == SqlTypes.JSON || sqlType == SqlTypes.JSON_ARRAY) {
            return ValueKind.JSON;
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return ValueKind.STRING;
        }
        if (type == byte[].class || type == Byte[].class) {
            return ValueKind.BINARY;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return ValueKind.ARRAY;
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == BigInteger.class
                || (type.isPrimitive() && type != boolean.class)) {
            return ValueKind.NUMBER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return ValueKind.BOOLEAN;
        }
        if (Temporal.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)) {
            return ValueKind.TEMPORAL;
        }
        if (type == java.util.UUID.class) {
            return ValueKind.UUID;
        }
        if (type.isEnum()) {
            return ValueKind.ENUM;
        }
        return ValueKind.OTHER;
    }

    private static IdGenerator idGenerator(String modelName, Model model) {
        if (model.idGenerator() == UuidGenerator.class) {
            return new UuidGenerator();
        }
        try {
            return model.idGenerator().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ModelException("Model " + modelName + ": cannot create id generator " + model.idGenerator().getName()
                    + " (it needs a public no-argument constructor, and its package must be open to dev.ignis.engine)", e);
        }
    }

}
