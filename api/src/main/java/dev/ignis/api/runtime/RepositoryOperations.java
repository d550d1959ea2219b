package dev.ignis.api.runtime;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.UpsertOptions;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.api.repository.WriteResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The engine's implementation behind a repository, for one model on its owning datasource. */
public interface RepositoryOperations<E, ID> {
    List<E> find(Filter filter, QueryOptions options);

    Optional<E> findOne(Filter filter, QueryOptions options);

    Optional<E> findById(ID id, Filter filter, QueryOptions options);

    long count(Where where, QueryOptions options);

    boolean existsWith(Where where, QueryOptions options);

    RangeResult<E> findWithRange(Filter filter, QueryOptions options);

    /** The matching rows read with a cursor, one connection held until the stream is closed. */
    Stream<E> stream(Filter filter, QueryOptions options);

    WriteResult<E> create(List<E> rows, WriteOptions options);

    WriteResult<E> upsert(List<E> rows, UpsertOptions options);

    WriteResult<E> updateById(ID id, Map<String, ?> data, WriteOptions options);

    WriteResult<E> updateAll(Map<String, ?> data, Where where, WriteOptions options);

    WriteResult<E> deleteById(ID id, WriteOptions options);

    WriteResult<E> deleteAll(Where where, WriteOptions options);

    // soft delete: hard deletes remove rows whatever their state; restores clear deletedAt
    WriteResult<E> hardDeleteById(ID id, WriteOptions options);

    WriteResult<E> hardDeleteAll(Where where, WriteOptions options);

    WriteResult<E> restoreById(ID id, WriteOptions options);

    WriteResult<E> restoreAll(Where where, WriteOptions options);
}
