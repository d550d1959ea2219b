package dev.ignis.api.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.runtime.RepositoryOperations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read access to one model on the datasource that owns it.
 * <pre>{@code
 * public final class ConfigurationRepository extends CrudRepository<Configuration, String> {
 *     @Inject public ConfigurationRepository(@Named("datasources.PostgresDataSource") IDataSource ds) {
 *         super(ds, Configuration.class);
 *     }
 * }
 * }</pre>
 */
public class ViewRepository<E, ID> {
    private final IDataSource dataSource;
    private final Class<E> modelClass;
    private volatile RepositoryOperations<E, ID> operations;

    public ViewRepository(IDataSource dataSource, Class<E> modelClass) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.modelClass = Objects.requireNonNull(modelClass, "modelClass");
        dataSource.declareModel(modelClass);
    }

    public IDataSource dataSource() {
        return dataSource;
    }

    public Class<E> modelClass() {
        return modelClass;
    }

    /** The engine's operations, looked up once the datasource has started. */
    protected final RepositoryOperations<E, ID> operations() {
        RepositoryOperations<E, ID> current = operations;
        if (current == null) {
            current = dataSource.runtime().operations(modelClass);
            operations = current;
        }
        return current;
    }

    public List<E> find() {
        return find(Filter.empty());
    }

    public List<E> find(Filter filter) {
        return find(filter, QueryOptions.DEFAULT);
    }

    public List<E> find(Filter filter, QueryOptions options) {
        return operations().find(filter, options);
    }

    public Optional<E> findOne(Filter filter) {
        return findOne(filter, QueryOptions.DEFAULT);
    }

    public Optional<E> findOne(Filter filter, QueryOptions options) {
        return operations().findOne(filter, options);
    }

    public Optional<E> findById(ID id) {
        return findById(id, Filter.empty());
    }

    /** By id; the filter may add fields, include and further where conditions. */
    public Optional<E> findById(ID id, Filter filter) {
        return findById(id, filter, QueryOptions.DEFAULT);
    }

    public Optional<E> findById(ID id, Filter filter, QueryOptions options) {
        return operations().findById(id, filter, options);
    }

    /** Like {@link #findById(Object)} but throws {@link NotFoundException} when there is no such row. */
    public E getById(ID id) {
        return findById(id).orElseThrow(() -> new NotFoundException(modelClass.getSimpleName(), id));
    }

    public long count() {
        return count(Where.empty());
    }

    public long count(Where where) {
        return count(where, QueryOptions.DEFAULT);
    }

    public long count(Where where, QueryOptions options) {
        return operations().count(where, options);
    }

    public boolean existsWith(Where where) {
        return existsWith(where, QueryOptions.DEFAULT);
    }

    public boolean existsWith(Where where, QueryOptions options) {
        return operations().existsWith(where, options);
    }

    /**
     * Every matching row, read with a database cursor: use it in try-with-resources. The stream holds one connection
     * until it is closed (or read to the end); {@code limit} is optional and the engine's max limit does not apply.
     * Includes are loaded per chunk of parents.
     * <pre>{@code
     * try (Stream<User> users = repository.stream(Filter.where(Where.eq("active", true)))) {
     *     users.forEach(out::write);
     * }
     * }</pre>
     */
    public Stream<E> stream(Filter filter) {
        return stream(filter, QueryOptions.DEFAULT);
    }

    public Stream<E> stream(Filter filter, QueryOptions options) {
        return operations().stream(filter, options);
    }

    /** A page and the total count of matching rows, in one call. */
    public RangeResult<E> findWithRange(Filter filter) {
        return findWithRange(filter, QueryOptions.DEFAULT);
    }

    public RangeResult<E> findWithRange(Filter filter, QueryOptions options) {
        return operations().findWithRange(filter, options);
    }
}
