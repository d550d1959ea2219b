package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;

/**
 * A JSON path key of a filter ({@code meta.a.b}, {@code meta.items[0].x}, {@code meta["a b"]}) turned into an SQL/JSON
 * path ({@code $."a"."b"}), which PostgreSQL and MariaDB read alike. Any object key can be addressed: a plain segment
 * is everything up to the next {@code .} or {@code [} ({@code user-id}, {@code 2024}, unicode); a quoted segment
 * {@code ["..."]} may hold dots, brackets, spaces and quotes, with {@code \"} and {@code \\} escapes; {@code [n]} is
 * an array index. Every key is written quoted and escaped in the SQL/JSON path, and the path is an escaped string
 * literal in the query, so no segment can change the statement.
 */
final class JsonPath {
    /** Most segments a JSON path key may have (MariaDB stops at 32). */
    static final int MAX_SEGMENTS = 32;
    private static final int MAX_INDEX_DIGITS = 6;

    private JsonPath() {
    }

    /**
     * The SQL/JSON path of {@code rest}, the part of {@code field} after its JSON property's name.
     *
     * @throws FilterException naming {@code path} when a segment is empty or malformed, or there are too many
     */
    static String of(String field, String rest, String path) {
        StringBuilder out = new StringBuilder("$");
        int segments = 0;
        int i = 0;
        while (i < rest.length()) {
            char ch = rest.charAt(i);
            if (ch == '.') {
                int end = i + 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw invalid(field, path, "a segment is empty");
                }
                appendKey(out, rest.substring(i + 1, end), field, path);
                i = end;
            } else if (ch == '[' && i + 1 < rest.length() && rest.charAt(i + 1) == '"') {
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                while (j < rest.length() && rest.charAt(j) != '"') {
                    if (rest.charAt(j) == '\\' && j + 1 < rest.length()) {
                        j++;
                    }
                    key.append(rest.charAt(j++));
                }
                if (j + 1 >= rest.length() || rest.charAt(j + 1) != ']') {
                    throw invalid(field, path, "a quoted segment must end with \"]");
                }
                appendKey(out, key.toString(), field, path);
                i = j + 2;
            } else if (ch == '[') {
                int close = rest.indexOf(']', i);
                String digits = close < 0 ? "" : rest.substring(i + 1, close);
                if (digits.isEmpty() || digits.length() > MAX_INDEX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw invalid(field, path, "an index is [digits] and a quoted key [\"...\"]");
                }
                out.append('[').append(Integer.parseInt(digits)).append(']');
                i = close + 1;
            } else {
                throw invalid(field, path, "segments are separated by '.'");
            }
            if (++segments > MAX_SEGMENTS) {
                throw new FilterException(path, "'" + field + "' has more than " + MAX_SEGMENTS + " segments; at most "
                        + MAX_SEGMENTS + " are allowed");
            }
        }
        if (segments == 0) {
            throw invalid(field, path, "it names no key inside the JSON property");
        }
        return out.toString();
    }

    /** The path as an HQL string literal: quotes doubled; backslashes are escaped for the database by Hibernate. */
    static String literal(String sqlJsonPath) {
        return "'" + sqlJsonPath.replace("'", "''") + "'";
    }

    private static void appendKey(StringBuilder out, String key, String field, String path) {
        out.append(".\"");
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < 0x20) {
                throw invalid(field, path, "a key must not hold control characters");
            }
            if (ch == '"' || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
        out.append('"');
    }

    private static FilterException invalid(String field, String path, String why) {
        return new FilterException(path, "invalid JSON path '" + field + "': " + why);
    }
}
