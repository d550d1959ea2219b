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

    /** Parses the LoopBack form {@code "field [ASC|DESC]"}; direction is case-insensitive, ASC by default. */
    public static Order parse(String text, String path) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
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

    @Override
    public String toString() {
        return field + " " + direction;
    }
}
