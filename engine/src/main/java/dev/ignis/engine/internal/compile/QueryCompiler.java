package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.filter.Direction;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.FilterCodec;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.filter.Order;
import dev.ignis.api.filter.Where;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.PerParentForm;
import dev.ignis.api.spi.ValueKind;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.ModelIntrospector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parts of a filter into HQL for one model on one driver. Every identifier in the output comes from
 * the model's metamodel (or from JSON path segments that match a strict pattern); every value is a parameter.
 */
public final class QueryCompiler {
    public static final String ROOT = "e";

    private static final Map<Operator, String> DEFAULT_TEMPLATES = new EnumMap<>(Operator.class);
    private static final Set<ValueKind> COMPARABLE = EnumSet.of(ValueKind.NUMBER, ValueKind.TEMPORAL, ValueKind.STRING);
    private static final Set<ValueKind> NOT_EQUATABLE = EnumSet.of(ValueKind.JSON, ValueKind.BINARY, ValueKind.ARRAY, ValueKind.OTHER);

    static {
        DEFAULT_TEMPLATES.put(Operator.EQ, "{0} = {1}");
        DEFAULT_TEMPLATES.put(Operator.NEQ, "{0} <> {1}");
        DEFAULT_TEMPLATES.put(Operator.GT, "{0} > {1}");
        DEFAULT_TEMPLATES.put(Operator.GTE, "{0} >= {1}");
        DEFAULT_TEMPLATES.put(Operator.LT, "{0} < {1}");
        DEFAULT_TEMPLATES.put(Operator.LTE, "{0} <= {1}");
        DEFAULT_TEMPLATES.put(Operator.IN, "{0} in {1}");
        DEFAULT_TEMPLATES.put(Operator.NIN, "{0} not in {1}");
        DEFAULT_TEMPLATES.put(Operator.BETWEEN, "{0} between {1} and {2}");
        DEFAULT_TEMPLATES.put(Operator.NOT_BETWEEN, "{0} not between {1} and {2}");
        DEFAULT_TEMPLATES.put(Operator.LIKE, "{0} like {1} " + DriverPlugin.LIKE_ESCAPE_CLAUSE);
        DEFAULT_TEMPLATES.put(Operator.NLIKE, "{0} not like {1} " + DriverPlugin.LIKE_ESCAPE_CLAUSE);
        DEFAULT_TEMPLATES.put(Operator.ILIKE, "{0} ilike {1} " + DriverPlugin.LIKE_ESCAPE_CLAUSE);
        DEFAULT_TEMPLATES.put(Operator.NILIKE, "{0} not ilike {1} " + DriverPlugin.LIKE_ESCAPE_CLAUSE);
        DEFAULT_TEMPLATES.put(Operator.REGEXP, "ignis_regexp({0}, {1})");
        DEFAULT_TEMPLATES.put(Operator.IREGEXP, "ignis_iregexp({0}, {1})");
        DEFAULT_TEMPLATES.put(Operator.CONTAINS, "array_includes({0}, {1})");
        DEFAULT_TEMPLATES.put(Operator.CONTAINED_BY, "array_includes({1}, {0})");
        DEFAULT_TEMPLATES.put(Operator.OVERLAPS, "array_intersects({0}, {1})");
    }

    private final DriverPlugin driver;
    private volatile RelatedConditions related;

    public QueryCompiler(DriverPlugin driver) {
        this.driver = driver;
    }

    /** Conditions on related models' properties ({@code "creator.name"}) on the same datasource; see {@link RelatedConditionRenderer}. */
    public interface RelatedConditions {
        boolean isRelation(ModelDescriptor model, String relation);

        String condition(ModelDescriptor model, String alias, String relation, Where.Condition condition, QueryParameters params);

        /** {@code EXISTS} over the related rows the read planner scoped: see {@link RelatedRows}. */
        String exists(ModelDescriptor model, String alias, String relation, RelatedRows rows, String path, QueryParameters params);
    }

    /** How this driver's database reads per-parent windows. */
    public PerParentForm perParentForm() {
        return driver.perParentForm();
    }

    /** Installed once the engine knows every datasource's models and relations. */
    public void relatedConditions(RelatedConditions conditions) {
        this.related = conditions;
    }

    /** The condition of a where tree, or an empty string when it matches every row. */
    public String where(ModelDescriptor model, Where where, QueryParameters params) {
        return where(model, where, params, ROOT);
    }

    /** Like {@link #where(ModelDescriptor, Where, QueryParameters)} for a model aliased {@code alias} in the query. */
    public String where(ModelDescriptor model, Where where, QueryParameters params, String alias) {
        if (where == null || where.isEmpty()) {
            return "";
        }
        return render(model, where, params, alias);
    }

    private String render(ModelDescriptor model, Where where, QueryParameters params, String alias) {
        if (where instanceof Where.Condition c) {
            return condition(model, c, params, alias);
        }
        boolean and = where instanceof Where.And;
        List<Where> items = and ? ((Where.And) where).items() : ((Where.Or) where).items();
        if (items.isEmpty()) {
            return and ? "1 = 1" : "1 = 0";
        }
        List<String> parts = new ArrayList<>(items.size());
        for (Where item : items) {
            parts.add(render(model, item, params, alias));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(and ? " and " : " or ", parts) + ")";
    }

    private String condition(ModelDescriptor model, Where.Condition c, QueryParameters params, String alias) {
        if (params.countCondition() > MAX_CONDITIONS) {
            throw new FilterException(c.path(), "the filter holds more than " + MAX_CONDITIONS + " conditions");
        }
        String dotted = c.field().contains("[\"") ? c.field().substring(0, c.field().indexOf("[\"")) : c.field();
        if (dotted.startsWith(".") || dotted.endsWith(".") && dotted.length() == c.field().length() || dotted.contains("..")) {
            throw new FilterException(c.path(), "'" + c.field() + "' is not a property path: a segment is empty");
        }
        if (c.value() instanceof List<?> list && list.size() > FilterCodec.MAX_LIST) {
            throw new FilterException(c.path(), "'" + c.operator().jsonName() + "' holds " + list.size() + " values; at most "
                    + FilterCodec.MAX_LIST + " are allowed");
        }
        checkText(c.value(), c.path());
        if ((c.operator() == Operator.REGEXP || c.operator() == Operator.IREGEXP) && c.value() instanceof String pattern) {
            checkRegularExpression(pattern, c.path());
        }
        if (related != null && c.value() instanceof RelatedRows rows) {
            return related.exists(model, alias, c.field(), rows, c.path(), params);
        }
        if (related != null && c.field().indexOf('.') > 0 && model.attribute(c.field()) == null) {
            String relation = c.field().substring(0, c.field().indexOf('.'));
            if (related.isRelation(model, relation)) {
                return related.condition(model, alias, relation, c, params);
            }
        }
        if (c.value() instanceof RelatedKeys keys) {
            // Keys found on another datasource, already of the key's type: bound as they are.
            String key = operand(model, c.field(), c.path(), null, alias).expression;
            return keys.isEmpty() ? "1 = 0" : key + " in (" + params.bind(keys.keys()) + ")";
        }
        Operand operand = operand(model, c.field(), c.path(), c.value(), alias);
        Operator op = c.operator();
        String path = c.path();
        Object value = c.value();

        if (value == null) {
            switch (op) {
                case EQ:
                case IS:
                    return operand.expression + " is null";
                case NEQ:
                case ISN:
                    return operand.expression + " is not null";
                default:
                    throw new FilterException(path, "operator '" + op.jsonName() + "' does not take null; use {\"eq\": null} or {\"neq\": null}");
            }
        }
        if ((op == Operator.IS || op == Operator.ISN) && value instanceof Boolean b && operand.kind == ValueKind.BOOLEAN) {
            // SQL's IS [NOT] TRUE/FALSE: "isn true" keeps the NULL rows.
            String bound = params.bind(b);
            return op == Operator.IS ? operand.expression + " = " + bound
                    : "(" + operand.expression + " is null or " + operand.expression + " <> " + bound + ")";
        }
        if (op == Operator.IS || op == Operator.ISN) {
            // Any other value: "is" is "eq" and "isn" is "neq", as in Ignis.
            op = op == Operator.IS ? Operator.EQ : Operator.NEQ;
        }
        checkApplicable(operand, op, path);
        if (isLike(op) && value instanceof String pattern) {
            value = LikePattern.rewrite(pattern, path);
        }
        if (op.isArray()) {
            return arrayCondition(operand, op, value, params, path);
        }
        if (op == Operator.IN || op == Operator.NIN) {
            List<?> given = asList(value, op, path);
            // A null in the list is ignored, as SQL's IN ignores it; a list of nulls only is "is not null" for nin,
            // because rows whose value is NULL never match nin.
            List<?> list = withoutNulls(given);
            if (list.isEmpty()) {
                if (op == Operator.NIN && !given.isEmpty()) {
                    return operand.expression + " is not null";
                }
                return op == Operator.IN ? "1 = 0" : "1 = 1";
            }
            String bound = "(" + params.bind(convertAll(operand, list, path)) + ")";
            return template(op, operand.kind, operand.expression, bound, null);
        }
        if (op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
            List<?> list = asList(value, op, path);
            if (list.size() != 2) {
                throw new FilterException(path, "'" + op.jsonName() + "' takes exactly two values, got " + list.size());
            }
            List<Object> converted = convertAll(operand, list, path);
            return template(op, operand.kind, operand.expression, params.bind(converted.get(0)), params.bind(converted.get(1)));
        }
        if (value instanceof List<?>) {
            throw new FilterException(path, "'" + op.jsonName() + "' takes a single value, got an array");
        }
        return template(op, operand.kind, operand.expression, params.bind(convert(operand, value, path)), null);
    }

    /**
     * A scalar operand is the one-element array; {@code contains []} adds no condition (NULL arrays match too),
     * {@code containedBy []} matches empty arrays only and {@code overlaps []} nothing, which the database's own
     * operators give for the empty array.
     */
    private String arrayCondition(Operand operand, Operator op, Object value, QueryParameters params, String path) {
        List<?> list = value instanceof List<?> l ? l : java.util.Collections.singletonList(value);
        if (list.isEmpty() && op == Operator.CONTAINS) {
            return "1 = 1";
        }
        Object array = ValueConverter.toArray(operand.attribute, list, path);
        Class<?> element = operand.attribute.elementType() != null ? operand.attribute.elementType() : Object.class;
        String template = driver.arrayOperatorTemplate(op, ModelIntrospector.kindOf(element, java.sql.Types.OTHER))
                .orElse(DEFAULT_TEMPLATES.get(op));
        return template.replace("{0}", operand.expression).replace("{1}", params.bind(array));
    }

    private void checkApplicable(Operand operand, Operator op, String path) {
        ValueKind kind = operand.kind;
        boolean fits;
        if (op.isArray()) {
            fits = kind == ValueKind.ARRAY;
        } else if (op.isPattern()) {
            fits = kind == ValueKind.STRING;
        } else if (op == Operator.GT || op == Operator.GTE || op == Operator.LT || op == Operator.LTE
                || op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
            fits = COMPARABLE.contains(kind);
        } else {
            fits = !NOT_EQUATABLE.contains(kind);
        }
        if (!fits) {
            throw new FilterException(path, "operator '" + op.jsonName() + "' does not apply to property '" + operand.name
                    + "' of kind " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!driver.supports(op, kind)) {
            throw new UnsupportedOperatorException(path, op.jsonName(), driver.name(), "no equivalent with the documented semantics");
        }
    }

    private String template(Operator op, ValueKind kind, String expression, String first, String second) {
        String template = driver.operatorTemplate(op, kind).orElse(DEFAULT_TEMPLATES.get(op));
        String out = template.replace("{0}", expression).replace("{1}", first);
        return second == null ? out : out.replace("{2}", second);
    }

    private static List<?> withoutNulls(List<?> list) {
        for (Object item : list) {
            if (item == null) {
                return list.stream().filter(java.util.Objects::nonNull).toList();
            }
        }
        return list;
    }

    private static boolean isLike(Operator op) {
        return op == Operator.LIKE || op == Operator.NLIKE || op == Operator.ILIKE || op == Operator.NILIKE;
    }

    private static List<?> asList(Object value, Operator op, String path) {
        if (!(value instanceof List<?> list)) {
            throw new FilterException(path, "'" + op.jsonName() + "' takes an array");
        }
        return list;
    }

    /** Most conditions one compiled where may hold, related-field subqueries included. */
    public static final int MAX_CONDITIONS = 2_000;
    /** Most segments a JSON path key may have (MariaDB stops at 32). */
    public static final int MAX_JSON_PATH_SEGMENTS = JsonPath.MAX_SEGMENTS;

    /**
     * Text values must be valid Unicode without NUL: PostgreSQL refuses NUL, and JDBC drivers silently turn an unpaired
     * surrogate into '?', which would change what a pattern matches.
     */
    static void checkText(Object value, String path) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkText(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!(value instanceof String text)) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == 0) {
                throw new FilterException(path, "text values must not contain the NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new FilterException(path, "text values must be valid Unicode; found an unpaired surrogate at index " + i);
            }
        }
    }

    /** A pattern Java cannot compile is refused before the database sees it (their dialects differ only at the edges). */
    private static void checkRegularExpression(String pattern, String path) {
        try {
            java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new FilterException(path, "invalid regular expression: " + e.getDescription());
        }
    }

    private static Object convert(Operand operand, Object value, String path) {
        return operand.attribute == null ? jsonValue(value, path) : ValueConverter.convert(operand.attribute, value, path);
    }

    private static List<Object> convertAll(Operand operand, List<?> values, String path) {
        if (operand.attribute == null) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                out.add(jsonValue(values.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        return ValueConverter.convertAll(operand.attribute, values, path);
    }

    private static Object jsonValue(Object value, String path) {
        if (value instanceof Number n) {
            return ValueConverter.checkedDecimal(new BigDecimal(n.toString()), path);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        throw new FilterException(path, "JSON path comparisons take strings, numbers or booleans");
    }

    /** The sort clause; the id is always the last key so pages are stable and equal on every database. */
    public String orderBy(ModelDescriptor model, List<Order> order) {
        return orderBy(model, order, ROOT);
    }

    public String orderBy(ModelDescriptor model, List<Order> order, String alias) {
        List<String> keys = new ArrayList<>();
        boolean hasId = false;
        for (int i = 0; i < order.size(); i++) {
            Order o = order.get(i);
            String path = "order[" + i + "]";
            Operand operand = operand(model, o.field(), path, null, alias);
            if (operand.kind == ValueKind.BINARY || operand.kind == ValueKind.ARRAY || operand.kind == ValueKind.JSON) {
                throw new FilterException(path, "cannot sort by '" + o.field() + "' (a " + operand.kind.name().toLowerCase(java.util.Locale.ROOT) + " property)");
            }
            hasId |= operand.attribute != null && operand.attribute.isIdentifier();
            if (operand.attribute == null) {
                keys.add(jsonOrderKeys(operand, o.direction() == Direction.DESC));
                continue;
            }
            // NULLs sort as larger than any value everywhere, whatever the database's own default; a column that
            // holds no NULL needs no such clause (which MariaDB and MySQL emulate with an extra sort key).
            boolean mayBeNull = operand.attribute == null || operand.attribute.nullable();
            keys.add(operand.expression + (o.direction() == Direction.DESC ? (mayBeNull ? " desc nulls first" : " desc")
                    : (mayBeNull ? " asc nulls last" : " asc")));
        }
        if (!hasId) {
            keys.add(alias + "." + model.id().hqlPath() + " asc");
        }
        return " order by " + String.join(", ", keys);
    }

    /** Checks that every named field exists. */
    public static void checkFields(ModelDescriptor model, Fields fields) {
        for (String name : fields.included()) {
            requireAttribute(model, name, "fields." + name);
        }
        for (String name : fields.excluded()) {
            requireAttribute(model, name, "fields." + name);
        }
    }

    public static AttributeDescriptor requireAttribute(ModelDescriptor model, String name, String path) {
        AttributeDescriptor attribute = model.attribute(name);
        if (attribute == null || model.hidden().contains(name) && path.startsWith("fields")) {
            throw new FilterException(path, "unknown property '" + name + "' of model " + model.name(), visibleNames(model));
        }
        return attribute;
    }

    private static List<String> visibleNames(ModelDescriptor model) {
        return model.attributeNames().stream().filter(n -> !model.hidden().contains(n)).sorted().toList();
    }

    private Operand operand(ModelDescriptor model, String field, String path, Object value, String alias) {
        AttributeDescriptor attribute = model.attribute(field);
        if (attribute != null) {
            return new Operand(field, alias + "." + attribute.hqlPath(), attribute.kind(), attribute);
        }
        int end = jsonRootEnd(field);
        if (end > 0) {
            AttributeDescriptor root = model.attribute(field.substring(0, end));
            if (root != null && root.kind() == ValueKind.JSON) {
                return jsonOperand(root, field, path, value, alias);
            }
        }
        throw new FilterException(path, "unknown property '" + field + "' of model " + model.name(), visibleNames(model));
    }

    /** Where the JSON property's name ends in a key such as {@code meta.a} or {@code meta["a b"]}; -1 when it has no path. */
    private static int jsonRootEnd(String field) {
        for (int i = 1; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                return i;
            }
        }
        return -1;
    }

    /**
     * A value inside a JSON property. Compared with a number (or a list of numbers) it is a number when its text is
     * one ({@code -?[0-9]+(.[0-9]+)?}, JSON strings included), else NULL: {@value DriverPlugin#JSON_NUMBER_FUNCTION}.
     * Otherwise it is its text, NULL for JSON null, objects and arrays: {@value DriverPlugin#JSON_TEXT_FUNCTION}.
     */
    private Operand jsonOperand(AttributeDescriptor root, String field, String path, Object value, String alias) {
        if (!driver.supportsJsonPath()) {
            throw new UnsupportedOperatorException(path, "JSON path", driver.name(), "'" + field + "' reads inside JSON property '" + root.key() + "'");
        }
        String jsonPath = JsonPath.literal(JsonPath.of(field, field.substring(root.key().length()), path));
        boolean numeric = value instanceof Number || value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Number;
        if (value instanceof List<?> list && list.stream().anyMatch(v -> v != null && v instanceof Number != numeric)) {
            throw new FilterException(path, "the values compared with JSON path '" + field + "' must be all numbers or all text");
        }
        String column = alias + "." + root.hqlPath();
        String function = numeric ? DriverPlugin.JSON_NUMBER_FUNCTION : DriverPlugin.JSON_TEXT_FUNCTION;
        return new Operand(field, function + "(" + column + ", " + jsonPath + ")", numeric ? ValueKind.NUMBER : ValueKind.STRING, null);
    }

    /**
     * Sort keys of a JSON path: numbers by value first, then other scalars by text, then NULLs (JSON null, missing
     * key, objects, arrays); descending is the exact reverse.
     */
    private static String jsonOrderKeys(Operand operand, boolean descending) {
        String number = operand.expression.replace(DriverPlugin.JSON_TEXT_FUNCTION + "(", DriverPlugin.JSON_NUMBER_FUNCTION + "(");
        String direction = descending ? " desc nulls first" : " asc nulls last";
        return number + direction + ", " + operand.expression + direction;
    }

    private record Operand(String name, String expression, ValueKind kind, AttributeDescriptor attribute) {
    }
}
