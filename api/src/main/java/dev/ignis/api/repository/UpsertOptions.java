package dev.ignis.api.repository;

import java.util.List;

/**
 * Options of an upsert.
 *
 * @param conflictFields the properties whose equal values make a row "the same": empty for the id, else the fields
 *                       of one unique constraint (e.g. {@code code})
 * @param updateFields   the properties an existing row takes from the new one: empty for every property that is not
 *                       part of the conflict target; {@code createdAt}/{@code createdBy} are never updated,
 *                       {@code modifiedAt}/{@code modifiedBy} always
 * @param shouldReturn   whether the result carries the stored rows (as read back after the write)
 */
public record UpsertOptions(List<String> conflictFields, List<String> updateFields, boolean shouldReturn) {
    public static final UpsertOptions DEFAULT = new UpsertOptions(List.of(), List.of(), true);

    public UpsertOptions {
        conflictFields = List.copyOf(conflictFields);
        updateFields = List.copyOf(updateFields);
    }

    /** Rows conflict on these fields (a unique constraint) instead of the id. */
    public static UpsertOptions onConflict(String... fields) {
        return DEFAULT.withConflictFields(List.of(fields));
    }

    public UpsertOptions withConflictFields(List<String> fields) {
        return new UpsertOptions(fields, updateFields, shouldReturn);
    }

    /** On conflict only these properties are updated. */
    public UpsertOptions updating(String... fields) {
        return new UpsertOptions(conflictFields, List.of(fields), shouldReturn);
    }

    public UpsertOptions withShouldReturn(boolean value) {
        return new UpsertOptions(conflictFields, updateFields, value);
    }
}
