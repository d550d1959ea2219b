package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.FilterCodec;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The values of a where whose compiled text does not depend on them, so that a statement compiled once per shape can
 * take another call's values. Only plain comparisons of a model's own properties qualify (equality, order, {@code in}
 * lists without nulls); patterns, JSON paths, related paths, arrays and key slots do not. Callers check once per shape
 * that {@link #bind} gives exactly what {@link QueryCompiler} bound, in the same order, before relying on it.
 */
public final class WhereTemplate {
    private static final Set<Operator> SCALAR = Set.of(Operator.EQ, Operator.NEQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);

    private WhereTemplate() {
    }

    /**
     * What the compiled text of {@code where} depends on: its tree, properties, operators and which values are null,
     * lists or of which type. Null when the text may depend on the values themselves.
     */
    public static Object shape(ModelDescriptor model, Where where) {
        if (where instanceof Where.Condition c) {
            AttributeDescriptor attribute = model.attribute(c.field());
            Object value = c.value();
            if (attribute == null || attribute.elementType() != null) {
                return null;
            }
            if (SCALAR.contains(c.operator()) && !(value instanceof Collection<?>)) {
                return List.of(c.field(), c.operator(), value == null ? Void.class : value.getClass());
            }
            if ((c.operator() == Operator.IN || c.operator() == Operator.NIN) && value instanceof List<?> list && !list.isEmpty()
                    && !list.contains(null)) {
                return List.of(c.field(), c.operator(), List.class);
            }
            return null;
        }
        boolean and = where instanceof Where.And;
        List<Where> items = and ? ((Where.And) where).items() : ((Where.Or) where).items();
        List<Object> shapes = new ArrayList<>(items.size() + 1);
        shapes.add(and);
        for (Where item : items) {
            Object shape = shape(model, item);
            if (shape == null) {
                return null;
            }
            shapes.add(shape);
        }
        return shapes;
    }

    /**
     * Binds the values of {@code where} (of a {@link #shape} that is not null) to {@code params} as the compiler would:
     * converted to each property's type, checked as the compiler checks them.
     */
    public static void bind(ModelDescriptor model, Where where, QueryParameters params) {
        if (where instanceof Where.Condition c) {
            if (c.value() == null) {
                return;
            }
            AttributeDescriptor attribute = model.attribute(c.field());
            if (c.value() instanceof List<?> list) {
                if (list.size() > FilterCodec.MAX_LIST) {
                    throw new FilterException(c.path(), "'" + c.operator().jsonName() + "' holds " + list.size() + " values; at most "
                            + FilterCodec.MAX_LIST + " are allowed");
                }
                QueryCompiler.checkText(list, c.path());
                params.bind(ValueConverter.convertAll(attribute, list, c.path()));
            } else {
                bind(attribute, c.value(), c.path(), params);
            }
            return;
        }
        for (Where item : where instanceof Where.And and ? and.items() : ((Where.Or) where).items()) {
            bind(model, item, params);
        }
    }

    /** Binds the value of {@code attribute = value} (not null, not a list) as {@link #bind(ModelDescriptor, Where, QueryParameters)} does. */
    public static void bind(AttributeDescriptor attribute, Object value, String path, QueryParameters params) {
        params.bind(value(attribute, value, path));
    }

    /** The value {@link #bind(AttributeDescriptor, Object, String, QueryParameters)} binds, checked and converted. */
    public static Object value(AttributeDescriptor attribute, Object value, String path) {
        QueryCompiler.checkText(value, path);
        return ValueConverter.convert(attribute, value, path);
    }
}
