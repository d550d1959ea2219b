package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.spi.DriverPlugin;

/**
 * The pattern of a {@code like}-family condition as the database gets it. Filters escape with a backslash, as Ignis,
 * LoopBack and PostgreSQL do: {@code \%} and {@code \_} are a literal {@code %} and {@code _}, {@code \\} a backslash,
 * and a backslash before any other character is that character. The bound pattern uses
 * {@link DriverPlugin#LIKE_ESCAPE} instead, which no database reads specially inside a string literal.
 */
final class LikePattern {
    private LikePattern() {
    }

    /** The pattern rewritten to the engine's escape character; a trailing lone backslash is a {@link FilterException}. */
    static String rewrite(String pattern, String path) {
        char escape = DriverPlugin.LIKE_ESCAPE;
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\') {
                if (i + 1 == pattern.length()) {
                    throw new FilterException(path, "a like pattern must not end with a lone backslash; write \\\\ for a backslash");
                }
                char next = pattern.charAt(++i);
                if (next == '%' || next == '_') {
                    out.append(escape);
                }
                appendLiteral(out, next, escape);
            } else {
                appendLiteral(out, ch, escape);
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, char ch, char escape) {
        if (ch == escape) {
            out.append(escape);
        }
        out.append(ch);
    }
}
