package dev.ignis.engine.internal.relation;

import dev.ignis.api.error.ModelException;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code @One}/{@code @Many} declarations of a model class. Relation fields are not Hibernate
 * associations: {@link #relationFields} lists them for Hibernate to leave alone, and the engine fills them.
 */
public final class RelationScanner {
    private RelationScanner() {
    }

    /** A relation as declared, before its target and keys are checked against the metamodel. */
    public record Declared(String name, RelationKind kind, Class<?> source, Class<?> target, String sourceKey, String targetKey,
                           Class<?> junction, String junctionSourceKey, String junctionTargetKey, Field field) {
    }

    public static Map<String, Declared> scan(Class<?> model) {
        Map<String, Declared> relations = new LinkedHashMap<>();
        for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                One one = field.getAnnotation(One.class);
                Many many = field.getAnnotation(Many.class);
                if (one == null && many == null) {
                    continue;
                }
                String where = "Model " + model.getSimpleName() + " relation '" + field.getName() + "'";
                if (one != null && many != null) {
                    throw new ModelException(where + " is declared both @One and @Many");
                }
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    throw new ModelException(where + " must be a non-static, non-final field");
                }
                Declared declared = one != null ? one(where, model, field, one) : many(where, model, field, many);
                if (relations.putIfAbsent(declared.name(), declared) != null) {
                    throw new ModelException(where + " is declared twice (in the class and a superclass)");
                }
                try {
                    field.setAccessible(true);
                } catch (RuntimeException e) {
                    throw new ModelException(where + ": the engine cannot fill the field; open the model's package to dev.ignis.engine"
                            + " (opens " + model.getPackageName() + " to org.hibernate.orm.core, dev.ignis.engine;)", e);
                }
            }
        }
        return relations;
    }

    private static Declared one(String where, Class<?> model, Field field, One one) {
        return new Declared(field.getName(), RelationKind.ONE, model, field.getType(), single(where, "fields", one.fields()),
                single(where, "references", one.references()), null, null, null, field);
    }

    private static Declared many(String where, Class<?> model, Field field, Many many) {
        if (!List.class.isAssignableFrom(field.getType())) {
            throw new ModelException(where + " is @Many, so its field must be a List of the target model, not " + field.getType().getSimpleName());
        }
        Class<?> target = elementType(where, field.getGenericType());
        Through through = many.through();
        if (through.model() != Through.None.class) {
            return new Declared(field.getName(), RelationKind.MANY_THROUGH, model, target,
                    single(where, "references", many.references()), single(where, "through.targetReferences", through.targetReferences()),
                    through.model(), single(where, "through.sourceFields", through.sourceFields()),
                    single(where, "through.targetFields", through.targetFields()), field);
        }
        return new Declared(field.getName(), RelationKind.MANY, model, target, single(where, "references", many.references()),
                single(where, "fields", many.fields()), null, null, null, field);
    }

    private static String single(String where, String what, String[] keys) {
        if (keys.length != 1 || keys[0].isEmpty()) {
            throw new ModelException(where + ": " + what + " must name exactly one property (composite keys are not supported), got "
                    + List.of(keys));
        }
        return keys[0];
    }

    private static Class<?> elementType(String where, Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new ModelException(where + " must be declared as List<TargetModel>");
    }

    /** The relation fields of each model that declares any, by name: Hibernate must leave them unmapped. */
    public static Map<Class<?>, List<String>> relationFields(List<Class<?>> models) {
        Map<Class<?>, List<String>> fields = new LinkedHashMap<>();
        for (Class<?> model : models) {
            List<String> names = new ArrayList<>(scan(model).keySet());
            if (!names.isEmpty()) {
                fields.put(model, names);
            }
        }
        return fields;
    }
}
