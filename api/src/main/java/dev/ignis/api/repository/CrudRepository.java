package dev.ignis.api.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.filter.Where;

import java.util.List;
import java.util.Map;

/**
 * Read and write access to one model. Updates take the changed properties by their filter keys
 * ({@code Map.of("status", "ACTIVE")}); an update or delete with an empty where needs {@link WriteOptions#forced()}.
 */
public class CrudRepository<E, ID> extends ViewRepository<E, ID> {

    public CrudRepository(IDataSource dataSource, Class<E> modelClass) {
        super(dataSource, modelClass);
    }

    public WriteResult<E> create(E row) {
        return create(row, WriteOptions.DEFAULT);
    }

    public WriteResult<E> create(E row, WriteOptions options) {
        return operations().create(List.of(row), options);
    }

    /** Inserts all rows in one transaction: either all are written or none. */
    public WriteResult<E> createAll(List<E> rows) {
        return createAll(rows, WriteOptions.DEFAULT);
    }

    public WriteResult<E> createAll(List<E> rows, WriteOptions options) {
        return operations().create(rows, options);
    }

    /**
     * Inserts the row, or updates the stored row with the same id (or the same values of
     * {@link UpsertOptions#conflictFields()}): one statement, atomic in the database.
     */
    public WriteResult<E> upsert(E row) {
        return upsert(row, UpsertOptions.DEFAULT);
    }

    public WriteResult<E> upsert(E row, UpsertOptions options) {
        return operations().upsert(List.of(row), options);
    }

    /**
     * {@link #upsert(Object)} of many rows in one JDBC batch and one transaction: either all are written or none.
     * Rows of the batch with the same conflict key: the last one wins.
     */
    public WriteResult<E> upsertAll(List<E> rows) {
        return upsertAll(rows, UpsertOptions.DEFAULT);
    }

    public WriteResult<E> upsertAll(List<E> rows, UpsertOptions options) {
        return operations().upsert(rows, options);
    }

    public WriteResult<E> updateById(ID id, Map<String, ?> data) {
        return updateById(id, data, WriteOptions.DEFAULT);
    }

    public WriteResult<E> updateById(ID id, Map<String, ?> data, WriteOptions options) {
        return operations().updateById(id, data, options);
    }

    public WriteResult<E> updateAll(Map<String, ?> data, Where where) {
        return updateAll(data, where, WriteOptions.DEFAULT);
    }

    public WriteResult<E> updateAll(Map<String, ?> data, Where where, WriteOptions options) {
        return operations().updateAll(data, where, options);
    }

    /** Same as {@link #updateAll(Map, Where)}. */
    public WriteResult<E> updateBy(Map<String, ?> data, Where where) {
        return updateAll(data, where);
    }

    public WriteResult<E> deleteById(ID id) {
        return deleteById(id, WriteOptions.DEFAULT);
    }

    public WriteResult<E> deleteById(ID id, WriteOptions options) {
        return operations().deleteById(id, options);
    }

    public WriteResult<E> deleteAll(Where where) {
        return deleteAll(where, WriteOptions.DEFAULT);
    }

    public WriteResult<E> deleteAll(Where where, WriteOptions options) {
        return operations().deleteAll(where, options);
    }

    /** Same as {@link #deleteAll(Where)}. */
    public WriteResult<E> deleteBy(Where where) {
        return deleteAll(where);
    }

    // ---- soft delete (@Model(softDelete = true)): deleteById/deleteAll set deletedAt; these remove or bring back rows

    /** Removes the row, live or soft-deleted; on a model without soft delete the same as {@link #deleteById}. */
    public WriteResult<E> hardDeleteById(ID id) {
        return operations().hardDeleteById(id, WriteOptions.DEFAULT);
    }

    /** Removes the matching rows, live or soft-deleted (the write guard applies). */
    public WriteResult<E> hardDeleteAll(Where where) {
        return hardDeleteAll(where, WriteOptions.DEFAULT);
    }

    public WriteResult<E> hardDeleteAll(Where where, WriteOptions options) {
        return operations().hardDeleteAll(where, options);
    }

    /** Clears {@code deletedAt} of a soft-deleted row; {@code NotFoundException} when no deleted row has this id. */
    public WriteResult<E> restoreById(ID id) {
        return operations().restoreById(id, WriteOptions.DEFAULT);
    }

    /** Restores the soft-deleted rows that match (the write guard applies). */
    public WriteResult<E> restoreAll(Where where) {
        return restoreAll(where, WriteOptions.DEFAULT);
    }

    public WriteResult<E> restoreAll(Where where, WriteOptions options) {
        return operations().restoreAll(where, options);
    }
}
