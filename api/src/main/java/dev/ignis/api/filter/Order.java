package dev.ignis.api.filter;

import dev.ignis.api.error.FilterException;

/** One sort key: {@code "field"}, {@code "field ASC"} or {@code "field desc"}. */
public record Order(String field, Direction direction) {

    public Order {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("order field must not be empty");
        }
        if (direction == null) {
            direction = Direction.ASC;
        }
    }

    public static Order asc(String field) {
        return new Order(field, Direction.ASC);
    }

    public static Order desc(String field) {
        return new Order(field, Direction.DESC);
    }

    /**
     * Parses the LoopBack form {@code "field [ASC|DESC]"}; direction is case-insensitive, ASC by default. A field with a
     * quoted JSON key ({@code meta["a b"] DESC}) may hold spaces inside the quotes.
     */
    public static Order parse(String text, String path) {
        String[] parts = text == null ? new String[0] : split(text.trim());
        if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2) {
            throw new FilterException(path, "order must look like \"field\" or \"field ASC|DESC\", got \"" + text + "\"");
        }
        if (parts.length == 1) {
            return asc(parts[0]);
        }
        switch (parts[1].toUpperCase(java.util.Locale.ROOT)) {
            case "ASC":
                return asc(parts[0]);
            case "DESC":
                return desc(parts[0]);
            default:
                throw new FilterException(path, "unknown sort direction '" + parts[1] + "'", java.util.List.of("ASC", "DESC"));
        }
    }

    private static String[] split(String text) {
        int quoted = text.lastIndexOf("\"]");
        if (quoted < 0) {
            return text.split("\\s+");
        }
        int space = quoted + 2;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
            space++;
        }
        String rest = text.substring(space).trim();
        return rest.isEmpty() ? new String[] {text.substring(0, space)} : rest.split("\\s+").length > 1 ? new String[] {"", "", ""}
                : new String[] {text.substring(0, space), rest};
    }

    @Override
    public String toString() {
        return field + " " + direction;
    }
}
