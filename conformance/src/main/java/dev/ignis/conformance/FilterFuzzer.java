package dev.ignis.conformance;

import dev.ignis.api.filter.FilterCodec;
import dev.ignis.api.filter.Operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates JSON filter documents for fuzzing, from the filter grammar ({@code where} with {@code and}/{@code or}
 * nesting, every operator and alias, {@code fields}, {@code order}, {@code limit}/{@code skip}/{@code offset},
 * {@code include} with scopes) and the models' fields and relations, with controlled damage: wrong value types,
 * huge arrays, nesting beyond the limits, unknown operators and keys, unicode, numbers out of range, duplicate
 * keys, include cycles and deep includes, JSON path keys with odd segments, garbage in {@code fields}/{@code order},
 * very long strings, and byte-level mutations of valid documents.
 *
 * <p>Deterministic: the same {@link Random} state gives the same document, so a document is replayed from its seed.
 * The text is written by hand (not through a JSON library) so that it can hold what a library would refuse to write:
 * duplicate keys, out-of-range number tokens, lone surrogates, broken syntax.
 */
public final class FilterFuzzer {

    /** What kind of value a field holds, for choosing operators and values. */
    public enum Kind {
        STRING, INT, LONG, DECIMAL, BOOL, ENUM, DATE, INSTANT, JSON, ARRAY
    }

    /**
     * One model as the generator sees it: its filter keys with their kinds, its relations (name to the target
     * schema's model name), its hidden properties and example values for its string id.
     */
    public record Schema(String model, Map<String, Kind> fields, Map<String, String> relations, Set<String> hidden,
                         List<String> ids) {
        public Schema {
            fields = new LinkedHashMap<>(fields);
            relations = new LinkedHashMap<>(relations);
            hidden = Set.copyOf(hidden);
            ids = List.copyOf(ids);
        }

        List<String> fieldNames() {
            return new ArrayList<>(fields.keySet());
        }

        List<String> relationNames() {
            return new ArrayList<>(relations.keySet());
        }
    }

    /** How a document was made, for the report. */
    public enum Mode {
        GRAMMAR, MUTATED, DEEP_WHERE, DEEP_INCLUDE, HUGE_ARRAY, LONG_STRING, RANDOM_JSON, GARBAGE
    }

    static final List<String> OPERATORS = Operator.allNames();
    static final List<String> UNKNOWN_OPERATORS = List.of("EQ", "$eq", "eq ", " eq", "", "like\u0000", "regex", "exists", "near",
            "and", "or", "not", "__proto__", "constructor", "equals", "=", "<>", "gt;", "inq'", "İn", "ｅｑ", "neq\u200b",
            "between ", "isNull", "nlike--", "ilike/*", "where", "contains ", "0", "-1", "true", "null");
    static final List<String> TOP_KEYS = List.of("where", "fields", "order", "limit", "skip", "offset", "include");
    static final List<String> UNKNOWN_KEYS = List.of("wher", "$where", "__proto__", "constructor", "Where", "WHERE", "where ",
            "limit\u0000", "", " ", "scope", "relation", "filter", "sort", "orderBy", "select", "ｗｈｅｒｅ", "prototype", "skip'");
    static final List<String> INCLUDE_KEYS = List.of("relation", "scope", "shouldSkipDefaultFilter");

    /** Number tokens, written into the JSON text as they are. */
    static final List<String> WILD_NUMBERS = List.of("0", "-0", "-0.0", "0.0", "1", "-1", "42", "1.5", "-2.25", "0.1",
            "10.50", "99.99", "1e2", "1E+2", "1e-2", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "1e309", "-1e309", "1e-400", "4.9e-324", "1.7976931348623157e308", "3.4028235e38", "1e38", "1e39",
            "99999999999.999", "0.0000000000000000000001", "1e100", "-1e100", "1234567890.123", "1e19", "12345678901",
            "0e99", "1E-7", "9999999999", "100000000000000000000000000000000000000000000000000000000000000000000000");
    static final List<String> NUMBER_LIKE_STRINGS = List.of("1", "-1", "1.5", "1e309", "NaN", "Infinity", "-Infinity", "0x10",
            " 1", "1 ", "+1", "١٢", "1_000", "2147483648", "9223372036854775808", "-0", "", "1e999", "0e0", "1,5");
    static final List<String> WILD_STRINGS = List.of("", " ", "  ", "a", "A", "Alice", "alice", "ALICE", "Alice ", " Alice",
            "Bob", "Eve 100%", "Dave_x", "root", "child A", "x", "y", "%", "%%", "_", "__", "\\", "\\\\", "\\%", "%\\", "a\\",
            "'", "''", "\"", "`", "' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE cf_person; --", "1' OR '1'='1", "/*", "*/", "--",
            "#", ";", "$$", "$1", "?", ":name", ":1", "?1", "{0}", "{1}", "%s", "\u0000", "a\u0000b", "\u0001", "\t", "\n", "\r\n",
            "é", "É", "e\u0301", "ß", "SS", "İ", "ı", "ǅ", "Σ", "ς", "😀", "👍🏽", "\u202e", "\u200b", "\ufeff", "＇", "＂", "ｓｅｌｅｃｔ",
            "\ud800", "\udfff", "a\ud800b", "\uffff", "中文", "עברית", "العربية", "ACTIVE", "active", "PENDING", "BLOCKED", "true",
            "false", "null", "NULL", "undefined", "2024-01-01", "2024-01-01T10:00:00Z", "1994-05-01", "2024-02-30",
            "2024-13-01", "+999999999-12-31", "-999999999-01-01", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "2024-01-01T10:00:00+14:00", "2024-01-01T10:00:00-18:00", "2024-01-01T25:00:00Z",
            "2024-01-01 10:00:00", "00:00", "12:30:00", "2024-W01", "yesterday", "now()", "current_timestamp",
            "6f1c5f1e-9f7a-4a5e-8b1e-1f2d3c4b5a69", "id-p1", "n1", "a1", "(", ")", "[", "]", "{", "}", "(a+)+$", "(.*a){20}",
            "a{1000000}", "a{2147483648}", "[[:alpha:]]", "[a-", "\\p{L}", "\\", "*", "+", "?", "^$", ".*", "(?i)alice", "\\d+",
            "[^]", "\\1", "(?<n>a)\\k<n>", "x{,5}", "((((((((((a))))))))))", "\\x{1F600}", "\\Q", "\\E", "|", "a|b|", "$", "^");
    static final List<String> ODD_FIELDS = List.of("", " ", "and", "or", "where", "name ", " name", "Name", "NAME", "id\u0000",
            "e.name", "e", "1", "0", "name.name", "createdAt.x", "id.", ".id", "..", ".", "a..b", "__proto__", "constructor",
            "toString", "hashCode", "class", "getClass", "id)", "id--", "id; drop table x", "*", "e.*", "count(*)", "id or 1=1",
            "cf_hz_canary", "cf_person", "ｉｄ", "іd", "id\u200b", "i\u0301d", "😀", "\\", "'", "\"", "`id`", "[id]", "$.id",
            "tz", "tz.createdAt", "audit", "audit.createdBy", "token", "secret", "meta.", "meta..a", "meta.[0]", "meta.a[",
            "meta.a[x]", "meta.a[1000000]", "meta.a[-1]", "meta.a b", "meta.ä", "meta.a-b", "meta.0", "meta.a.", "meta.$",
            "meta.a'b", "meta.a\")", "meta.*", "meta.a[0][1][2]", "meta.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z",
            "parent.", "parent..label", ".parent", "parent.parent.", "parent.meta.", "aux.", "nodes.", "children.", "linked.");
    static final List<String> DIRECTIONS = List.of("ASC", "DESC", "asc", "desc", "Asc", "dEsC");
    static final List<String> ODD_DIRECTIONS = List.of("ASCENDING", "up", "DESC;", "DESC--", "DESC NULLS FIRST", "NULLS", "1", "",
            "ASC,id", "DESC\u0000", "ＤＥＳＣ", "DESC DESC", "desc\t", "random()", "ASC)");

    private final Map<String, Schema> schemas = new LinkedHashMap<>();

    public FilterFuzzer(Collection<Schema> schemas) {
        schemas.forEach(s -> this.schemas.put(s.model(), s));
    }

    /** One document for {@code root}, its shape drawn from {@code r}; {@code modes[0]} receives how it was made. */
    public String document(Random r, Schema root, Mode[] modes) {
        int p = r.nextInt(10_000);
        Mode mode;
        String doc;
        if (p < 4_600) {
            mode = Mode.GRAMMAR;
            doc = new Gen(r, pickErrorRate(r)).filter(root, 0, 1 + r.nextInt(3));
        } else if (p < 7_100) {
            mode = Mode.MUTATED;
            doc = mutate(r, new Gen(r, pickErrorRate(r)).filter(root, 0, 1 + r.nextInt(3)));
        } else if (p < 7_500) {
            mode = Mode.DEEP_WHERE;
            doc = new Gen(r, 0).deepWhere(root);
        } else if (p < 8_000) {
            mode = Mode.DEEP_INCLUDE;
            doc = new Gen(r, pickErrorRate(r) / 2).deepInclude(root);
        } else if (p < 8_010) {
            mode = Mode.HUGE_ARRAY;
            doc = new Gen(r, 0).hugeArray(root);
        } else if (p < 8_100) {
            mode = Mode.LONG_STRING;
            doc = new Gen(r, 0).longString(root);
        } else if (p < 9_100) {
            mode = Mode.RANDOM_JSON;
            doc = new Gen(r, 0).randomJson(0);
        } else {
            mode = Mode.GARBAGE;
            doc = garbage(r);
        }
        if (modes != null && modes.length > 0) {
            modes[0] = mode;
        }
        return doc;
    }

    private static int pickErrorRate(Random r) {
        int p = r.nextInt(10);
        return p < 4 ? 0 : p < 6 ? 2 : p < 8 ? 6 : p < 9 ? 15 : 40;
    }

    /** Byte-level damage to a document: deletions, insertions, swaps, truncation, duplication, token swaps. */
    static String mutate(Random r, String doc) {
        StringBuilder s = new StringBuilder(doc);
        int edits = 1 + r.nextInt(r.nextInt(10) < 8 ? 2 : 8);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(11)) {
                case 0 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> s.insert(at, pick(r, List.of("{", "}", "[", "]", "\"", ":", ",", "\\", " ", "\u0000", "null", "1e309",
                        "\"\":", "{}", "[]", "\"x\"", "--", "/*", "'", "\ud800", "é", "\\u0000", "\\ud800", "\\uZZZZ", "\\")));
                case 2 -> s.setLength(Math.min(s.length(), at));
                case 3 -> {
                    int from = r.nextInt(s.length());
                    int to = Math.min(s.length(), from + 1 + r.nextInt(40));
                    s.insert(at, s.substring(from, to));
                }
                case 4 -> {
                    if (at + 1 < s.length()) {
                        char c = s.charAt(at);
                        s.setCharAt(at, s.charAt(at + 1));
                        s.setCharAt(at + 1, c);
                    }
                }
                case 5 -> replaceToken(r, s, "\"[^\"\\\\]*\"", quoteJson(pick(r, WILD_STRINGS)));
                case 6 -> replaceToken(r, s, "-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?", pick(r, WILD_NUMBERS));
                case 7 -> replaceToken(r, s, "\"(eq|neq|gt|gte|lt|lte|inq|nin|like|ilike|regexp|between|is|isn)\"",
                        quoteJson(pick(r, OPERATORS)));
                case 8 -> replaceToken(r, s, "\\btrue\\b|\\bfalse\\b|\\bnull\\b", pick(r, List.of("true", "false", "null", "0", "\"\"", "[]", "{}")));
                case 9 -> {
                    // duplicate a key/value pair inside the first object found after the position
                    int brace = s.indexOf("{\"", at);
                    int colon = brace < 0 ? -1 : s.indexOf(":", brace);
                    int comma = colon < 0 ? -1 : s.indexOf(",", colon);
                    if (comma > 0) {
                        s.insert(comma + 1, s.substring(brace + 1, comma) + ",");
                    }
                }
                default -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                }
            }
        }
        return s.toString();
    }

    private static void replaceToken(Random r, StringBuilder s, String regex, String replacement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(s);
        List<int[]> hits = new ArrayList<>();
        while (m.find() && hits.size() < 64) {
            hits.add(new int[]{m.start(), m.end()});
        }
        if (!hits.isEmpty()) {
            int[] hit = hits.get(r.nextInt(hits.size()));
            s.replace(hit[0], hit[1], replacement);
        }
    }

    static String garbage(Random r) {
        int n = r.nextInt(10) < 8 ? r.nextInt(40) : r.nextInt(4000);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int p = r.nextInt(10);
            if (p < 5) {
                String alphabet = "{}[]\":,\\ 0123456789-+.eEtrufalsn";
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            } else if (p < 8) {
                s.append((char) (32 + r.nextInt(95)));
            } else {
                s.append((char) r.nextInt(0x10000));
            }
        }
        return s.toString();
    }

    static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** JSON string literal of {@code s}; lone surrogates and control characters as escapes. */
    public static String quoteJson(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** One document's generator state: the random source and how often it takes a wrong turn (percent). */
    private final class Gen {
        private final Random r;
        private final int errorRate;
        private final StringBuilder out = new StringBuilder();

        Gen(Random r, int errorRate) {
            this.r = r;
            this.errorRate = errorRate;
        }

        private boolean bad() {
            return errorRate > 0 && r.nextInt(100) < errorRate;
        }

        private boolean chance(int percent) {
            return r.nextInt(100) < percent;
        }

        // ---- whole filters

        String filter(Schema schema, int depth, int maxDepth) {
            out.setLength(0);
            writeFilter(schema, depth, maxDepth);
            return out.toString();
        }

        private void writeFilter(Schema schema, int depth, int maxDepth) {
            if (bad()) {
                writeWrongType();
                return;
            }
            out.append('{');
            List<String> keys = new ArrayList<>();
            for (String key : TOP_KEYS) {
                int p = switch (key) {
                    case "where" -> 75;
                    case "include" -> schema.relations().isEmpty() ? 0 : depth < maxDepth ? 30 : 5;
                    case "offset" -> 5;
                    default -> 20;
                };
                if (chance(p)) {
                    keys.add(key);
                }
            }
            if (bad()) {
                keys.add(r.nextInt(keys.size() + 1), pick(r, UNKNOWN_KEYS));
            }
            if (bad() && !keys.isEmpty()) {
                keys.add(pick(r, keys)); // duplicate key
            }
            java.util.Collections.shuffle(keys, r);
            boolean first = true;
            for (String key : keys) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quoteJson(key)).append(':');
                switch (key) {
                    case "where" -> writeWhere(schema, depth + 1, maxDepth + 1);
                    case "fields" -> writeFields(schema);
                    case "order" -> writeOrder(schema);
                    case "limit" -> writeCount(true);
                    case "skip", "offset" -> writeCount(false);
                    case "include" -> writeIncludes(schema, depth + 1, maxDepth);
                    default -> writeAnyValue(1);
                }
            }
            out.append('}');
        }

        private void writeWrongType() {
            switch (r.nextInt(6)) {
                case 0 -> out.append("[]");
                case 1 -> out.append(quoteJson(pick(r, WILD_STRINGS)));
                case 2 -> out.append(pick(r, WILD_NUMBERS));
                case 3 -> out.append(pick(r, List.of("true", "false", "null")));
                case 4 -> out.append("[{}]");
                default -> out.append("{\"where\":[]}");
            }
        }

        // ---- where

        private void writeWhere(Schema schema, int depth, int maxDepth) {
            if (bad()) {
                writeWrongType();
                return;
            }
            out.append('{');
            int n = r.nextInt(10) < 7 ? 1 : 1 + r.nextInt(4);
            if (chance(3)) {
                n = 0;
            }
            List<String> used = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (depth < maxDepth && chance(18)) {
                    String key = r.nextBoolean() ? "and" : "or";
                    if (bad()) {
                        key = pick(r, List.of("AND", "Or", "not", "nor", "$or", "and ", "||"));
                    }
                    out.append(quoteJson(key)).append(':');
                    if (bad()) {
                        writeWhere(schema, depth + 1, maxDepth);
                    } else {
                        int items = r.nextInt(10) < 8 ? 1 + r.nextInt(3) : r.nextInt(6);
                        out.append('[');
                        for (int k = 0; k < items; k++) {
                            if (k > 0) {
                                out.append(',');
                            }
                            writeWhere(schema, depth + 1, maxDepth);
                        }
                        out.append(']');
                    }
                    continue;
                }
                FieldRef field = pickFieldRef(schema, true);
                // a duplicate key (a parse error) only when bad() allows it
                for (int attempt = 0; attempt < 4 && used.contains(field.name) && !bad(); attempt++) {
                    field = pickFieldRef(schema, true);
                }
                used.add(field.name);
                out.append(quoteJson(field.name)).append(':');
                writeCondition(field);
            }
            out.append('}');
        }

        /** A field reference: a plain field, a related field, a JSON path, a hidden field, or something odd. */
        private record FieldRef(String name, Kind kind) {
        }

        private FieldRef pickFieldRef(Schema schema, boolean forWhere) {
            int p = r.nextInt(100);
            if (bad() || p < 3) {
                String odd = r.nextInt(10) < 8 ? pick(r, ODD_FIELDS) : randomString(1 + r.nextInt(30));
                return new FieldRef(odd, Kind.STRING);
            }
            List<String> json = new ArrayList<>();
            schema.fields().forEach((k, v) -> {
                if (v == Kind.JSON) {
                    json.add(k);
                }
            });
            if (!json.isEmpty() && p < 20) {
                return jsonPath(pick(r, json));
            }
            if (forWhere && !schema.relations().isEmpty() && p < 32) {
                return relatedField(schema, 1 + (r.nextInt(10) < 8 ? 0 : r.nextInt(r.nextInt(10) < 9 ? 3 : 60)));
            }
            if (!schema.hidden().isEmpty() && p < 36) {
                String hidden = pick(r, new ArrayList<>(schema.hidden()));
                return new FieldRef(hidden, schema.fields().getOrDefault(hidden, Kind.STRING));
            }
            String name = pick(r, schema.fieldNames());
            return new FieldRef(name, schema.fields().get(name));
        }

        private FieldRef jsonPath(String root) {
            StringBuilder path = new StringBuilder(root);
            int segments = 1 + r.nextInt(r.nextInt(10) < 9 ? 3 : 40);
            Kind kind = Kind.STRING;
            for (int i = 0; i < segments; i++) {
                path.append('.');
                if (bad()) {
                    path.append(pick(r, List.of("", "a b", "ä", "a-b", "0", "$", "a'b", "*", "[0]", "a[", "a[x]", "a[1000000]",
                            "a[-1]", "a\u0000", "a\")", "a.", "__proto__", "a;drop table x", "' || '1")));
                } else {
                    String seg = pick(r, List.of("a", "b", "n", "items", "x", "label", "deep", "_u", "A1"));
                    path.append(seg);
                    if (chance(15)) {
                        path.append('[').append(r.nextInt(10) < 9 ? r.nextInt(3) : 999_999).append(']');
                    }
                    if (seg.equals("n") || seg.equals("x")) {
                        kind = Kind.DECIMAL;
                    }
                }
            }
            return new FieldRef(path.toString(), r.nextBoolean() ? kind : Kind.STRING);
        }

        private FieldRef relatedField(Schema schema, int hops) {
            StringBuilder name = new StringBuilder();
            Schema current = schema;
            for (int i = 0; i < hops; i++) {
                if (current.relations().isEmpty()) {
                    break;
                }
                String relation = pick(r, current.relationNames());
                name.append(relation).append('.');
                current = schemas.get(current.relations().get(relation));
            }
            if (bad()) {
                name.append(pick(r, ODD_FIELDS));
                return new FieldRef(name.toString(), Kind.STRING);
            }
            String field = pick(r, current.fieldNames());
            Kind kind = current.fields().get(field);
            if (kind == Kind.JSON && chance(70)) {
                FieldRef path = jsonPath(field);
                return new FieldRef(name + path.name, path.kind);
            }
            return new FieldRef(name + field, kind);
        }

        private void writeCondition(FieldRef field) {
            int p = r.nextInt(100);
            if (bad()) {
                switch (r.nextInt(5)) {
                    case 0 -> out.append("{}");
                    case 1 -> out.append("[[1]]");
                    case 2 -> out.append("{\"eq\":{\"eq\":1}}");
                    case 3 -> out.append("[null]");
                    default -> writeAnyValue(2);
                }
                return;
            }
            if (p < 25) {
                writeValue(field.kind, false);
            } else if (p < 32) {
                writeList(field.kind, r.nextInt(10) < 9 ? r.nextInt(5) : r.nextInt(300));
            } else if (p < 35) {
                out.append("null");
            } else {
                out.append('{');
                int ops = r.nextInt(10) < 8 ? 1 : 2 + r.nextInt(2);
                List<String> names = new ArrayList<>();
                for (int i = 0; i < ops; i++) {
                    names.add(bad() ? pick(r, UNKNOWN_OPERATORS) : pickOperator(field.kind));
                }
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    String op = names.get(i);
                    out.append(quoteJson(op)).append(':');
                    writeOperand(op, field.kind);
                }
                out.append('}');
            }
        }

        private String pickOperator(Kind kind) {
            if (chance(25)) {
                return pick(r, OPERATORS);
            }
            List<String> fits = switch (kind) {
                case STRING, ENUM -> List.of("eq", "neq", "ne", "inq", "in", "nin", "like", "nlike", "ilike", "nilike", "regexp",
                        "iregexp", "gt", "lt", "between");
                case INT, LONG, DECIMAL, DATE, INSTANT -> List.of("eq", "neq", "gt", "gte", "lt", "lte", "between", "notBetween",
                        "inq", "nin");
                case BOOL -> List.of("eq", "neq", "is", "isn");
                case JSON -> List.of("is", "isn", "eq");
                case ARRAY -> List.of("contains", "containedBy", "overlaps", "eq");
            };
            return pick(r, fits);
        }

        private void writeOperand(String op, Kind kind) {
            if (bad()) {
                writeAnyValue(2);
                return;
            }
            switch (op) {
                case "inq", "in", "nin", "contains", "containedBy", "overlaps" ->
                        writeList(kind == Kind.ARRAY ? Kind.STRING : kind, r.nextInt(10) < 9 ? r.nextInt(5) : r.nextInt(2000));
                case "between", "notBetween" -> writeList(kind, chance(90) ? 2 : r.nextInt(4));
                case "is", "isn" -> out.append(pick(r, List.of("null", "true", "false")));
                case "like", "nlike", "ilike", "nilike" -> out.append(quoteJson(likePattern()));
                case "regexp", "iregexp" -> out.append(quoteJson(regexPattern()));
                default -> writeValue(kind, false);
            }
        }

        private String likePattern() {
            return switch (r.nextInt(6)) {
                case 0 -> "%";
                case 1 -> pick(r, List.of("A%", "%e", "%li%", "_ob", "%\\%%", "%\\_%", "c%d B", "%100\\%", "%_x_%"));
                case 2 -> pick(r, WILD_STRINGS);
                case 3 -> randomString(r.nextInt(12)) + "%";
                case 4 -> "%" + pick(r, List.of("'", "\\", "\\\\", "''", "\"", "%%", "__", "[a-z]", "[!a]", "*", "?")) + "%";
                default -> randomString(r.nextInt(8));
            };
        }

        private String regexPattern() {
            return switch (r.nextInt(4)) {
                case 0 -> pick(r, List.of("^A", "e$", "li", "^[a-c]", "child", "\\d", "^.*$", "x|y", "(?i)ALICE", "[[:alpha:]]+",
                        "^c.*e", "a{1,3}", "\\bB"));
                case 1 -> pick(r, WILD_STRINGS);
                case 2 -> randomString(r.nextInt(10));
                default -> pick(r, List.of("(", ")", "[", "*", "+a", "a**", "(?<", "\\", "a{2,1}", "(a+)+b", "((a*)*)*$", "[z-a]",
                        "\\k", "(?P<x>a)", "a{99999}", "[[:nope:]]", "\\c", "(?=a)", "(?<=a+)b", "\\p{Nope}", "x{1}{2}"));
            };
        }

        private void writeList(Kind kind, int size) {
            out.append('[');
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (bad()) {
                    writeAnyValue(1);
                } else {
                    writeValue(kind, size > 50);
                }
            }
            out.append(']');
        }

        private void writeValue(Kind kind, boolean cheap) {
            if (bad() || chance(4)) {
                writeAnyScalar();
                return;
            }
            switch (kind) {
                case STRING -> out.append(quoteJson(cheap ? "v" + r.nextInt(100000) : chance(60) ? pick(r, WILD_STRINGS)
                        : randomString(r.nextInt(20))));
                case INT, LONG -> out.append(chance(85) ? Integer.toString(r.nextInt(200) - 50) : pick(r, WILD_NUMBERS));
                case DECIMAL -> out.append(chance(70) ? pick(r, List.of("10.5", "1.5", "-2.25", "0", "99.99", "5", "15.25", "20"))
                        : pick(r, WILD_NUMBERS));
                case BOOL -> out.append(r.nextBoolean());
                case ENUM -> out.append(quoteJson(pick(r, List.of("ACTIVE", "PENDING", "BLOCKED", "active", "NOPE", ""))));
                case DATE -> out.append(quoteJson(pick(r, List.of("1994-05-01", "2024-01-01", "1983-12-31", "2024-02-29",
                        "1999-12-31", "2024-02-30", "+999999999-12-31", "0001-01-01", "2024-01-01T00:00:00Z"))));
                case INSTANT -> out.append(quoteJson(pick(r, List.of("2024-01-01T10:00:00Z", "2024-02-01T00:00:00Z",
                        "2023-12-31T23:59:59Z", "2024-01-01", "2024-01-01T10:00:00.123456Z", "2024-01-01T10:00:00+02:00",
                        "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                        "2024-01-01T10:00:00.123456789Z"))));
                case JSON -> out.append(pick(r, List.of("null", "{}", "\"x\"", "1")));
                case ARRAY -> out.append(quoteJson(pick(r, List.of("a", "b", "java", "x"))));
            }
        }

        private void writeAnyScalar() {
            switch (r.nextInt(6)) {
                case 0, 1 -> out.append(quoteJson(pick(r, WILD_STRINGS)));
                case 2 -> out.append(quoteJson(pick(r, NUMBER_LIKE_STRINGS)));
                case 3, 4 -> out.append(pick(r, WILD_NUMBERS));
                default -> out.append(pick(r, List.of("true", "false", "null")));
            }
        }

        private void writeAnyValue(int depth) {
            if (depth > 3 || chance(60)) {
                writeAnyScalar();
                return;
            }
            if (r.nextBoolean()) {
                out.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeAnyValue(depth + 1);
                }
                out.append(']');
            } else {
                out.append('{');
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(quoteJson(r.nextBoolean() ? pick(r, OPERATORS) : pick(r, UNKNOWN_KEYS))).append(':');
                    writeAnyValue(depth + 1);
                }
                out.append('}');
            }
        }

        // ---- fields, order, limit

        private void writeFields(Schema schema) {
            if (bad()) {
                writeWrongType();
                return;
            }
            int n = 1 + r.nextInt(4);
            if (r.nextBoolean()) {
                out.append('[');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (bad()) {
                        writeAnyScalar();
                    } else {
                        out.append(quoteJson(fieldName(schema)));
                    }
                }
                out.append(']');
            } else {
                out.append('{');
                boolean keep = r.nextBoolean();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(quoteJson(fieldName(schema))).append(':');
                    if (bad()) {
                        writeAnyScalar();
                    } else {
                        out.append(chance(85) ? keep : !keep);
                    }
                }
                out.append('}');
            }
        }

        private String fieldName(Schema schema) {
            if (bad()) {
                return pick(r, ODD_FIELDS);
            }
            if (!schema.hidden().isEmpty() && chance(5)) {
                return pick(r, new ArrayList<>(schema.hidden()));
            }
            return pick(r, schema.fieldNames());
        }

        private void writeOrder(Schema schema) {
            if (bad()) {
                writeWrongType();
                return;
            }
            boolean array = r.nextInt(10) < 7;
            int n = array ? r.nextInt(4) : 1;
            if (array) {
                out.append('[');
            }
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (bad()) {
                    writeAnyScalar();
                    continue;
                }
                FieldRef field = pickFieldRef(schema, false);
                String key = field.name;
                int p = r.nextInt(10);
                if (p < 6) {
                    key += " " + (bad() ? pick(r, ODD_DIRECTIONS) : pick(r, DIRECTIONS));
                } else if (p < 7) {
                    key = "  " + key + "\t" + pick(r, DIRECTIONS) + " ";
                }
                out.append(quoteJson(key));
            }
            if (array) {
                out.append(']');
            }
        }

        private void writeCount(boolean limit) {
            if (bad() || chance(10)) {
                out.append(pick(r, List.of("-1", "1.5", "1e3", "2147483647", "2147483648", "1e309", "-0", "0", "\"10\"", "\"-1\"",
                        "\"1e3\"", "\"0010\"", "\"999999999\"", "\"9999999999\"", "true", "null", "[]", "{}", "\"\"", "1e-400",
                        "12345678901234567890", "0.0", "51", "1000")));
                return;
            }
            out.append(limit ? r.nextInt(10) < 9 ? r.nextInt(30) : 40 + r.nextInt(20) : r.nextInt(10) < 8 ? r.nextInt(10) : r.nextInt(1000));
        }

        // ---- include

        private void writeIncludes(Schema schema, int depth, int maxDepth) {
            if (bad()) {
                writeWrongType();
                return;
            }
            int form = r.nextInt(10);
            if (form < 2) {
                out.append(quoteJson(relationName(schema)));
                return;
            }
            if (form < 3) {
                writeInclude(schema, depth, maxDepth);
                return;
            }
            int n = 1 + r.nextInt(r.nextInt(10) < 8 ? 2 : 4);
            out.append('[');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeInclude(schema, depth, maxDepth);
            }
            out.append(']');
        }

        private String relationName(Schema schema) {
            if (bad() || schema.relations().isEmpty()) {
                return pick(r, List.of("", "nope", "Parent", "parent ", "parent.children", "cf_hz_canary", "__proto__", "aux;",
                        "children'", "PARENT", "ｐａｒｅｎｔ", "parent\u0000", "label", "id"));
            }
            return pick(r, schema.relationNames());
        }

        private void writeInclude(Schema schema, int depth, int maxDepth) {
            String relation = relationName(schema);
            Schema target = schemas.get(schema.relations().get(relation));
            if (r.nextInt(10) < 3 && !bad()) {
                out.append(quoteJson(relation));
                return;
            }
            out.append('{');
            out.append("\"relation\":");
            if (bad()) {
                writeAnyScalar();
            } else {
                out.append(quoteJson(relation));
            }
            if (chance(60) && target != null) {
                out.append(",\"scope\":");
                if (depth < maxDepth || chance(20)) {
                    writeFilter(target, depth, maxDepth);
                } else {
                    out.append("{}");
                }
            }
            if (chance(15)) {
                out.append(",\"shouldSkipDefaultFilter\":").append(bad() ? "\"yes\"" : r.nextBoolean());
            }
            if (bad()) {
                out.append(',').append(quoteJson(pick(r, UNKNOWN_KEYS))).append(":1");
            }
            out.append('}');
        }

        // ---- special shapes

        /** and/or nested around the limit ({@link FilterCodec#MAX_DEPTH}), sometimes far beyond it. */
        String deepWhere(Schema schema) {
            int levels = r.nextInt(10) < 7 ? FilterCodec.MAX_DEPTH - 4 + r.nextInt(8) : r.nextInt(10) < 7 ? r.nextInt(80) : 2000;
            String field = pick(r, schema.fieldNames());
            StringBuilder s = new StringBuilder("{\"where\":");
            for (int i = 0; i < levels; i++) {
                s.append("{\"").append(r.nextBoolean() ? "and" : "or").append("\":[");
            }
            s.append("{").append(quoteJson(field)).append(":null}");
            for (int i = 0; i < levels; i++) {
                s.append("]}");
            }
            return s.append('}').toString();
        }

        /** Includes nested around the engine's include limit, following relation cycles where the schema has them. */
        String deepInclude(Schema schema) {
            if (schema.relations().isEmpty()) {
                return filter(schema, 0, 2);
            }
            int levels = r.nextInt(10) < 7 ? 1 + r.nextInt(8) : r.nextInt(10) < 8 ? r.nextInt(40) : 200;
            StringBuilder s = new StringBuilder("{");
            Schema current = schema;
            int closes = 0;
            for (int i = 0; i < levels && !current.relations().isEmpty(); i++) {
                String relation = pick(r, current.relationNames());
                s.append("\"include\":[{\"relation\":").append(quoteJson(relation)).append(",\"scope\":{");
                if (chance(30)) {
                    s.append("\"limit\":").append(1 + r.nextInt(3)).append(',');
                }
                if (chance(20)) {
                    s.append("\"order\":\"").append(pick(r, schemas.get(current.relations().get(relation)).fieldNames()))
                            .append(" DESC\",");
                }
                current = schemas.get(current.relations().get(relation));
                closes++;
            }
            if (s.charAt(s.length() - 1) == ',') {
                s.setLength(s.length() - 1);
            }
            s.append("}}]".repeat(closes));
            return s.append('}').toString();
        }

        /** An operator list far longer than usual; a few thousand up to beyond what a statement can bind. */
        String hugeArray(Schema schema) {
            String field = pick(r, schema.fieldNames());
            Kind kind = schema.fields().get(field);
            int size = switch (r.nextInt(10)) {
                case 0, 1, 2, 3 -> 1000 + r.nextInt(2000);
                case 4, 5, 6 -> 5000 + r.nextInt(5000);
                case 7, 8 -> 20_000 + r.nextInt(20_000);
                default -> 70_000;
            };
            String op = pick(r, List.of("inq", "nin", "in"));
            StringBuilder s = new StringBuilder("{\"where\":{").append(quoteJson(field)).append(":{\"").append(op).append("\":[");
            boolean numeric = kind == Kind.INT || kind == Kind.LONG || kind == Kind.DECIMAL;
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    s.append(',');
                }
                s.append(numeric ? Integer.toString(i % 10) : "\"" + (i % 100) + "\"");
            }
            return s.append("]}}}").toString();
        }

        /** A very long string in a value, a field name, an operator or an order key; sometimes beyond the document limit. */
        String longString(Schema schema) {
            int length = r.nextInt(10) < 8 ? 1000 + r.nextInt(60_000) : FilterCodec.MAX_LENGTH - 50 + r.nextInt(100);
            String big = r.nextBoolean() ? "x".repeat(length) : randomString(Math.min(length, 50_000));
            return switch (r.nextInt(5)) {
                case 0 -> "{\"where\":{" + quoteJson(pick(r, schema.fieldNames())) + ":" + quoteJson(big) + "}}";
                case 1 -> "{\"where\":{" + quoteJson(big) + ":1}}";
                case 2 -> "{\"where\":{\"id\":{" + quoteJson(big) + ":1}}}";
                case 3 -> "{\"order\":" + quoteJson(big) + "}";
                default -> "{\"where\":{" + quoteJson(pick(r, schema.fieldNames())) + ":{\"like\":" + quoteJson("%" + big + "%") + "}}}";
            };
        }

        /** Any JSON value, loosely shaped like a filter. */
        String randomJson(int depth) {
            out.setLength(0);
            writeAnyValue(depth);
            if (chance(50)) {
                String inner = out.toString();
                out.setLength(0);
                out.append("{").append(quoteJson(pick(r, TOP_KEYS))).append(':').append(inner).append('}');
            }
            return out.toString();
        }

        private String randomString(int n) {
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                int p = r.nextInt(10);
                if (p < 6) {
                    s.append((char) (32 + r.nextInt(95)));
                } else if (p < 8) {
                    s.append((char) (0xA0 + r.nextInt(0x2000)));
                } else if (p < 9) {
                    s.appendCodePoint(0x1F300 + r.nextInt(0x300));
                } else {
                    s.append((char) r.nextInt(0x10000));
                }
            }
            return s.toString();
        }
    }
}
