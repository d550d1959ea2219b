package dev.ignis.api.repository;

/**
 * Options of a write. {@code shouldReturn=false} returns only the count; {@code force} allows an update or
 * delete with an empty where; {@code shouldSkipDefaultFilter} ignores the model's default filter.
 */
public record WriteOptions(boolean shouldReturn, boolean force, boolean shouldSkipDefaultFilter) {
    public static final WriteOptions DEFAULT = new WriteOptions(true, false, false);

    public static WriteOptions noReturn() {
        return DEFAULT.withShouldReturn(false);
    }

    public static WriteOptions forced() {
        return DEFAULT.withForce(true);
    }

    public WriteOptions withShouldReturn(boolean value) {
        return new WriteOptions(value, force, shouldSkipDefaultFilter);
    }

    public WriteOptions withForce(boolean value) {
        return new WriteOptions(shouldReturn, value, shouldSkipDefaultFilter);
    }

    public WriteOptions withSkipDefaultFilter(boolean value) {
        return new WriteOptions(shouldReturn, force, value);
    }
}
