package dev.ignis.api.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comparison operators of the filter language, with the names (and aliases) they have in JSON. */
public enum Operator {
    EQ("eq"),
    NEQ("neq", "ne"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    /** {@code IS}: compares with null, true or false. */
    IS("is"),
    /** {@code IS NOT}: compares with null, true or false. */
    ISN("isn"),
    IN("inq", "in"),
    NIN("nin"),
    BETWEEN("between"),
    NOT_BETWEEN("notBetween"),
    LIKE("like"),
    NLIKE("nlike"),
    ILIKE("ilike"),
    NILIKE("nilike"),
    REGEXP("regexp"),
    IREGEXP("iregexp"),
    /** Array column contains every given value. */
    CONTAINS("contains"),
    /** Every element of the array column is one of the given values. */
    CONTAINED_BY("containedBy"),
    /** Array column shares at least one element with the given values. */
    OVERLAPS("overlaps");

    private static final Map<String, Operator> BY_NAME = new LinkedHashMap<>();

    static {
        for (Operator op : values()) {
            for (String name : op.names) {
                BY_NAME.put(name, op);
            }
        }
    }

    private final List<String> names;

    Operator(String... names) {
        this.names = List.of(names);
    }

    /** The canonical JSON name, e.g. {@code inq}. */
    public String jsonName() {
        return names.get(0);
    }

    public List<String> names() {
        return names;
    }

    public static Optional<Operator> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every accepted name, aliases included, for error messages. */
    public static List<String> allNames() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Operators whose value is a list. */
    public boolean takesList() {
        return this == IN || this == NIN || this == BETWEEN || this == NOT_BETWEEN
                || this == CONTAINS || this == CONTAINED_BY || this == OVERLAPS;
    }

    public boolean isPattern() {
        return this == LIKE || this == NLIKE || this == ILIKE || this == NILIKE || this == REGEXP || this == IREGEXP;
    }

    public boolean isArray() {
        return this == CONTAINS || this == CONTAINED_BY || this == OVERLAPS;
    }
}
