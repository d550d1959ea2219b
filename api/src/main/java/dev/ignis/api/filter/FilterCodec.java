package dev.ignis.api.filter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ignis.api.error.FilterException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of {@link Filter}. Parsing checks the document's shape only (keys, types, operators);
 * field, relation and value checks against the model happen when the filter is compiled for a model.
 */
public final class FilterCodec {
    /** Deepest nesting of and/or/include accepted; protects the parser and compiler from hostile input. */
    public static final int MAX_DEPTH = 32;
    /** Longest filter document accepted, in characters. */
    public static final int MAX_LENGTH = 256 * 1024;
    /** Most values one list operand ({@code inq}, {@code nin}, ...) may hold; databases bind a limited number of parameters. */
    public static final int MAX_LIST = 10_000;
    /** Most conditions one {@code and}/{@code or} (or one object of sibling keys) may hold. */
    public static final int MAX_ITEMS = 1_000;

    static final List<String> TOP_LEVEL_KEYS = List.of("where", "fields", "order", "limit", "skip", "offset", "include",
            "withDeleted", "onlyDeleted");
    private static final List<String> INCLUDE_KEYS = List.of("relation", "scope", "shouldSkipDefaultFilter");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH * 4).maxStringLength(MAX_LENGTH).maxNumberLength(100).build());
    }

    private FilterCodec() {
    }

    public static Filter parse(String json) {
        if (json == null || json.isBlank()) {
            return Filter.empty();
        }
        if (json.length() > MAX_LENGTH) {
            throw new FilterException("$", "filter document is longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FilterException("$", "not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            // Jackson lets some number conversions escape unchecked (an exponent beyond an int).
            throw new FilterException("$", "not a usable JSON document: " + e.getMessage());
        }
        return readFilter(root, "", 0);
    }

    /** Reads a filter from an already parsed JSON tree (for callers that embed filters in their own JSON). */
    public static Filter fromTree(JsonNode node) {
        return readFilter(node, "", 0);
    }

    private static Filter readFilter(JsonNode node, String prefix, int depth) {
        String here = prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1);
        if (node == null || node.isNull()) {
            return Filter.empty();
        }
        if (!node.isObject()) {
            throw new FilterException(here, "a filter must be a JSON object, got " + kind(node));
        }
        checkDepth(depth, here);
        Filter filter = Filter.empty();
        Integer skip = null;
        String skipKey = null;
        String deletedKey = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String path = prefix + key;
            JsonNode value = entry.getValue();
            switch (key) {
                case "where":
                    filter = filter.withWhere(readWhere(value, path, depth + 1));
                    break;
                case "fields":
                    filter = filter.withFields(readFields(value, path));
                    break;
                case "order":
                    filter = filter.withOrder(readOrder(value, path));
                    break;
                case "limit":
                    filter = filter.withLimit(readCount(value, path));
                    break;
                case "skip":
                case "offset":
                    Integer n = readCount(value, path);
                    if (n == null) {
                        break;
                    }
                    if (skip != null && !skip.equals(n)) {
                        throw new FilterException(path, "'" + skipKey + "' is " + skip + " but '" + key + "' is " + n
                                + "; they mean the same, give one");
                    }
                    skip = n;
                    skipKey = key;
                    break;
                case "include":
                    filter = filter.withInclude(readIncludes(value, path, depth + 1));
                    break;
                case "withDeleted":
                case "onlyDeleted":
                    if (!readFlag(value, path)) {
                        break;
                    }
                    if (deletedKey != null) {
                        throw new FilterException(path, "'" + deletedKey + "' and '" + key + "' exclude each other; give one");
                    }
                    deletedKey = key;
                    filter = filter.deleted(key.equals("withDeleted") ? DeletedRows.WITH_DELETED : DeletedRows.ONLY_DELETED);
                    break;
                default:
                    throw new FilterException(key.isBlank() ? here + "[\"" + key + "\"]" : path, "unknown filter key '" + key + "'", TOP_LEVEL_KEYS);
            }
        }
        return filter.withSkip(skip);
    }

    /** {@code true}, {@code false} or {@code null} (the same as false: the key asks for nothing). */
    private static boolean readFlag(JsonNode node, String path) {
        if (node != null && !node.isBoolean() && !node.isNull()) {
            throw new FilterException(path, "takes true or false, got " + kind(node));
        }
        return node != null && node.asBoolean();
    }

    private static Where readWhere(JsonNode node, String path, int depth) {
        if (node == null || node.isNull()) {
            return Where.empty();
        }
        if (!node.isObject()) {
            throw new FilterException(path, "'where' must be an object, got " + kind(node));
        }
        checkDepth(depth, path);
        if (node.size() > MAX_ITEMS) {
            throw new FilterException(path, "holds " + node.size() + " keys; at most " + MAX_ITEMS + " are allowed");
        }
        List<Where> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String keyPath = path + "." + key;
            JsonNode value = entry.getValue();
            if (key.equals("and") || key.equals("or")) {
                if (!value.isArray()) {
                    throw new FilterException(keyPath, "'" + key + "' takes an array of where objects, got " + kind(value));
                }
                if (value.size() > MAX_ITEMS) {
                    throw new FilterException(keyPath, "holds " + value.size() + " conditions; at most " + MAX_ITEMS + " are allowed");
                }
                List<Where> parts = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    parts.add(readWhere(value.get(i), keyPath + "[" + i + "]", depth + 1));
                }
                items.add(key.equals("and") ? new Where.And(parts) : new Where.Or(parts));
            } else if (key.isEmpty()) {
                throw new FilterException(keyPath, "empty field name");
            } else {
                items.addAll(readFieldConditions(key, value, keyPath));
            }
        }
        return items.size() == 1 ? items.get(0) : new Where.And(items);
    }

    private static List<Where> readFieldConditions(String field, JsonNode value, String path) {
        if (value.isObject()) {
            if (value.isEmpty()) {
                throw new FilterException(path, "no operator given for field '" + field + "'", Operator.allNames());
            }
            List<Where> conditions = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                String opPath = path + "." + op.getKey();
                Operator operator = Operator.byName(op.getKey()).orElseThrow(() -> new FilterException(opPath,
                        "unknown operator '" + op.getKey() + "'", Operator.allNames()));
                conditions.add(new Where.Condition(field, operator, readOperand(operator, op.getValue(), opPath), opPath));
            }
            return conditions;
        }
        if (value.isArray()) {
            return List.of(new Where.Condition(field, Operator.IN, readOperand(Operator.IN, value, path), path));
        }
        return List.of(new Where.Condition(field, Operator.EQ, scalar(value, path), path));
    }

    private static Object readOperand(Operator operator, JsonNode value, String path) {
        if (operator.isArray() && !value.isArray() && !value.isNull()) {
            // A scalar operand of an array operator is the one-element array, as in Ignis.
            return List.of(scalar(value, path));
        }
        if (operator.takesList()) {
            if (!value.isArray()) {
                throw new FilterException(path, "'" + operator.jsonName() + "' takes an array, got " + kind(value));
            }
            if (value.size() > MAX_LIST) {
                throw new FilterException(path, "'" + operator.jsonName() + "' holds " + value.size() + " values; at most " + MAX_LIST + " are allowed");
            }
            if ((operator == Operator.BETWEEN || operator == Operator.NOT_BETWEEN) && value.size() != 2) {
                throw new FilterException(path, "'" + operator.jsonName() + "' takes exactly two values, got " + value.size());
            }
            List<Object> values = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isNull() && operator != Operator.IN && operator != Operator.NIN) {
                    throw new FilterException(path + "[" + i + "]", "null is not allowed in '" + operator.jsonName()
                            + "'; use {\"eq\": null} or {\"is\": null}");
                }
                values.add(scalar(item, path + "[" + i + "]"));
            }
            return values;
        }
        return scalar(value, path);
    }

    private static Object scalar(JsonNode node, String path) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (node.isNumber()) {
            try {
                return node.decimalValue();
            } catch (RuntimeException e) {
                throw new FilterException(path, "number out of range: " + node.asText());
            }
        }
        throw new FilterException(path, "expected a string, number, boolean or null, got " + kind(node));
    }

    private static Fields readFields(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Fields.ALL;
        }
        Set<String> included = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isTextual() || item.textValue().isEmpty()) {
                    throw new FilterException(path + "[" + i + "]", "field names must be non-empty strings");
                }
                included.add(item.textValue());
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isBoolean()) {
                    throw new FilterException(path + "." + entry.getKey(), "takes true or false, got " + kind(entry.getValue()));
                }
                (entry.getValue().booleanValue() ? included : excluded).add(entry.getKey());
            }
        } else {
            throw new FilterException(path, "'fields' must be an array of names or an object of name: true|false, got " + kind(node));
        }
        return new Fields(included, excluded);
    }

    private static List<Order> readOrder(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(Order.parse(node.textValue(), path));
        }
        if (!node.isArray()) {
            throw new FilterException(path, "'order' must be a string or an array of strings, got " + kind(node));
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new FilterException(path + "[" + i + "]", "order keys must be strings like \"field DESC\", got " + kind(item));
            }
            orders.add(Order.parse(item.textValue(), path + "[" + i + "]"));
        }
        return orders;
    }

    private static Integer readCount(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && node.textValue().matches("\\d{1,9}")) {
            return Integer.valueOf(node.textValue());
        }
        if (!node.isNumber()) {
            throw new FilterException(path, "must be a whole number, got " + kind(node));
        }
        BigDecimal decimal = node.decimalValue();
        if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > 10) {
            throw new FilterException(path, decimal.signum() < 0 ? "must not be negative, got " + decimal : "is too large: " + decimal);
        }
        BigInteger n;
        try {
            n = decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new FilterException(path, "must be a whole number, got " + decimal);
        }
        if (n.signum() < 0) {
            throw new FilterException(path, "must not be negative, got " + n);
        }
        if (n.bitLength() > 31) {
            throw new FilterException(path, "is too large: " + n);
        }
        return n.intValue();
    }

    private static List<Include> readIncludes(JsonNode node, String path, int depth) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        checkDepth(depth, path);
        if (!node.isArray()) {
            return List.of(readInclude(node, path, depth));
        }
        List<Include> includes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            includes.add(readInclude(node.get(i), path + "[" + i + "]", depth));
        }
        return includes;
    }

    private static Include readInclude(JsonNode node, String path, int depth) {
        if (node.isTextual()) {
            if (node.textValue().isEmpty()) {
                throw new FilterException(path, "relation name must not be empty");
            }
            return Include.of(node.textValue());
        }
        if (!node.isObject()) {
            throw new FilterException(path, "an include is a relation name or {\"relation\": ..., \"scope\": {...}}, got " + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!INCLUDE_KEYS.contains(name)) {
                throw new FilterException(path + "." + name, "unknown include key '" + name + "'", INCLUDE_KEYS);
            }
        }
        JsonNode relation = node.get("relation");
        if (relation == null || !relation.isTextual() || relation.textValue().isEmpty()) {
            throw new FilterException(path + ".relation", "an include needs a non-empty 'relation' name");
        }
        Filter scope = readFilter(node.get("scope"), path + ".scope.", depth);
        boolean skip = readFlag(node.get("shouldSkipDefaultFilter"), path + ".shouldSkipDefaultFilter");
        return new Include(relation.textValue(), scope, skip);
    }

    private static void checkDepth(int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw new FilterException(path, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The JSON form of a filter; parsing it back gives an equal filter. */
    public static String toJson(Filter filter) {
        return toTree(filter).toString();
    }

    public static ObjectNode toTree(Filter filter) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        if (!filter.where().isEmpty()) {
            root.set("where", whereToTree(filter.where()));
        }
        if (!filter.fields().isAll()) {
            ObjectNode fields = root.putObject("fields");
            filter.fields().included().forEach(n -> fields.put(n, true));
            filter.fields().excluded().forEach(n -> fields.put(n, false));
        }
        if (!filter.order().isEmpty()) {
            ArrayNode order = root.putArray("order");
            filter.order().forEach(o -> order.add(o.toString()));
        }
        if (filter.limit() != null) {
            root.put("limit", filter.limit());
        }
        if (filter.skip() != null) {
            root.put("skip", filter.skip());
        }
        if (filter.deleted() == DeletedRows.WITH_DELETED) {
            root.put("withDeleted", true);
        } else if (filter.deleted() == DeletedRows.ONLY_DELETED) {
            root.put("onlyDeleted", true);
        }
        if (!filter.include().isEmpty()) {
            ArrayNode include = root.putArray("include");
            for (Include inc : filter.include()) {
                ObjectNode item = include.addObject();
                item.put("relation", inc.relation());
                if (!inc.scope().equals(Filter.empty())) {
                    item.set("scope", toTree(inc.scope()));
                }
                if (inc.shouldSkipDefaultFilter()) {
                    item.put("shouldSkipDefaultFilter", true);
                }
            }
        }
        return root;
    }

    private static ObjectNode whereToTree(Where where) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (where instanceof Where.Condition c) {
            ObjectNode op = JsonNodeFactory.instance.objectNode();
            op.set(c.operator().jsonName(), MAPPER.valueToTree(jsonValue(c.value())));
            node.set(c.field(), op);
            return node;
        }
        List<Where> items = where instanceof Where.And a ? a.items() : ((Where.Or) where).items();
        ArrayNode array = node.putArray(where instanceof Where.And ? "and" : "or");
        for (Where item : items) {
            if (item instanceof Where.Condition c) {
                ObjectNode op = JsonNodeFactory.instance.objectNode();
                op.set(c.operator().jsonName(), MAPPER.valueToTree(jsonValue(c.value())));
                array.addObject().set(c.field(), op);
            } else {
                array.add(whereToTree(item));
            }
        }
        return node;
    }

    private static Object jsonValue(Object value) {
        if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean || value instanceof String
                || value == null || value instanceof List<?>) {
            return value instanceof List<?> list ? list.stream().map(FilterCodec::jsonValue).toList() : value;
        }
        return value.toString();
    }
}
