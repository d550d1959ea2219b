package dev.ignis.api.error;

import java.util.List;

/**
 * A filter (typed or parsed from JSON) that cannot run: bad shape, unknown field, wrong value type.
 * {@link #path()} locates the bad part in the filter document, e.g. {@code where.or[1].age.gt}.
 */
public class FilterException extends IgnisException {
    private final String path;
    private final List<String> validNames;

    public FilterException(String path, String problem) {
        this(path, problem, List.of());
    }

    public FilterException(String path, String problem, List<String> validNames) {
        super(describe(path, problem, validNames));
        this.path = path;
        this.validNames = List.copyOf(validNames);
    }

    private static String describe(String path, String problem, List<String> validNames) {
        String message = "Invalid filter at '" + path + "': " + problem;
        return validNames.isEmpty() ? message : message + " (valid: " + String.join(", ", validNames) + ")";
    }

    /** Where in the filter document the problem is, dot and bracket separated. */
    public String path() {
        return path;
    }

    /** For unknown names (fields, operators, relations, keys): the names that would have been accepted. */
    public List<String> validNames() {
        return validNames;
    }
}
