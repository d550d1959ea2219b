package dev.ignis.engine.internal.relation;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.ModelException;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every model of an engine, the name of the datasource that owns it, and its validated relations. This is the
 * routing table: a read plan asks here which datasource serves each model it touches.
 */
public final class RelationRegistry {
    private final Map<Class<?>, String> owners = new HashMap<>();
    private final Map<Class<?>, ModelDescriptor> models = new HashMap<>();
    private final Map<Class<?>, Map<String, RelationDescriptor>> relations = new HashMap<>();

    /** {@code modelsByDataSource}: each datasource's name and the models it owns. */
    public RelationRegistry(Map<String, Map<Class<?>, ModelDescriptor>> modelsByDataSource) {
        modelsByDataSource.forEach((name, owned) -> owned.forEach((type, model) -> {
            owners.put(type, name);
            models.put(type, model);
        }));
        for (Map<Class<?>, ModelDescriptor> owned : modelsByDataSource.values()) {
            for (ModelDescriptor model : owned.values()) {
                Map<String, RelationDescriptor> byName = new LinkedHashMap<>();
                for (RelationScanner.Declared declared : RelationScanner.scan(model.modelClass()).values()) {
                    byName.put(declared.name(), validate(model, declared));
                }
                relations.put(model.modelClass(), Map.copyOf(byName));
            }
        }
    }

    private RelationDescriptor validate(ModelDescriptor source, RelationScanner.Declared d) {
        String where = "Model " + source.name() + " relation '" + d.name() + "'";
        ModelDescriptor target = owned(where, d.target());
        AttributeDescriptor sourceKey = key(where, source, d.sourceKey());
        AttributeDescriptor targetKey = key(where, target, d.targetKey());
        if (d.kind() == RelationKind.MANY_THROUGH) {
            ModelDescriptor junction = owned(where, d.junction());
            sameType(where, sourceKey, key(where, junction, d.junctionSourceKey()));
            sameType(where, targetKey, key(where, junction, d.junctionTargetKey()));
        } else {
            sameType(where, sourceKey, targetKey);
        }
        return new RelationDescriptor(d.name(), d.kind(), d.source(), d.target(), d.sourceKey(), d.targetKey(),
                d.junction(), d.junctionSourceKey(), d.junctionTargetKey(), d.field());
    }

    private ModelDescriptor owned(String where, Class<?> model) {
        ModelDescriptor descriptor = models.get(model);
        if (descriptor == null) {
            throw new ModelException(where + " targets " + model.getSimpleName() + ", which no datasource of this engine owns; owned models: "
                    + owners.keySet().stream().map(Class::getSimpleName).sorted().toList());
        }
        return descriptor;
    }

    private static AttributeDescriptor key(String where, ModelDescriptor model, String key) {
        AttributeDescriptor attribute = model.attribute(key);
        if (attribute == null) {
            throw new ModelException(where + " uses '" + key + "', which is not a property of " + model.name()
                    + "; properties: " + model.attributeNames().stream().sorted().toList());
        }
        return attribute;
    }

    private static void sameType(String where, AttributeDescriptor a, AttributeDescriptor b) {
        if (a.javaType() != b.javaType()) {
            throw new ModelException(where + " joins '" + a.key() + "' (" + a.javaType().getSimpleName() + ") with '" + b.key()
                    + "' (" + b.javaType().getSimpleName() + "); key types must match");
        }
    }

    /** The name of the datasource that owns {@code model}, or null when none does. */
    public String owner(Class<?> model) {
        return owners.get(model);
    }

    public ModelDescriptor model(Class<?> model) {
        return models.get(model);
    }

    public Map<String, RelationDescriptor> relations(Class<?> model) {
        return relations.getOrDefault(model, Map.of());
    }

    /** A relation by name, or a {@link FilterException} at {@code path} listing the relations that exist. */
    public RelationDescriptor require(ModelDescriptor model, String name, String path) {
        RelationDescriptor relation = relations(model.modelClass()).get(name);
        if (relation == null) {
            throw new FilterException(path, "unknown relation '" + name + "' of model " + model.name(),
                    relations(model.modelClass()).keySet().stream().sorted().toList());
        }
        return relation;
    }
}
