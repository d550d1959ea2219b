package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.engine.internal.compile.QueryCompiler;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.include.IncludeExecutor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A read as a {@link Stream}: the root select runs once with a forward-only cursor (a driver-chosen fetch size, inside
 * a transaction so PostgreSQL keeps a server-side cursor) and rows are turned into models a chunk at a time; each
 * chunk's includes are loaded as a page's would be. The session and its connection stay with the stream until it
 * is read to the end or closed. Outside a transaction the stream has a read transaction of its own, rolled back on
 * close; inside one it reads on that transaction's session.
 */
final class CursorStream<E> implements Spliterator<E> {
    /** Parents per include lookup: the statements of one chunk are those of a page of this size. */
    static final int CHUNK = 500;

    private final StartedDataSource dataSource;
    private final ModelDescriptor model;
    private final Class<E> type;
    private final Filter filter;
    private final Observation.Call call;
    private final RowReader reader;
    private final ArrayDeque<E> ready = new ArrayDeque<>();
    private StatelessSession session;
    private Transaction ownTransaction;
    private ScrollableResults<Object[]> results;
    private boolean closed;

    private CursorStream(StartedDataSource dataSource, ModelDescriptor model, Class<E> type, Filter filter, Observation.Call call) {
        this.dataSource = dataSource;
        this.model = model;
        this.type = type;
        this.filter = filter;
        this.call = call;
        this.reader = dataSource.includes().reader(model, filter.fields(), filter.include(), Set.of());
    }

    /** Checks the filter, builds the root select, then opens the cursor (the one statement of the call). */
    static <E> Stream<E> open(StartedDataSource dataSource, ModelDescriptor model, Class<E> type, Filter filter, Observation.Call call) {
        QueryCompiler.checkFields(model, filter.fields());
        dataSource.includes().validate(model, filter.include(), "include", 1);
        if (filter.limit() != null && filter.limit() < 0) {
            throw new FilterException("limit", "must be at least 0, got " + filter.limit());
        }
        if (filter.skip() != null && filter.skip() < 0) {
            throw new FilterException("skip", "must be at least 0, got " + filter.skip());
        }
        CursorStream<E> stream = new CursorStream<>(dataSource, model, type, filter, call);
        QueryParameters params = new QueryParameters();
        String hql = stream.hql(params);
        stream.start(hql, params);
        return StreamSupport.stream(stream, false).onClose(stream::close);
    }

    private String hql(QueryParameters params) {
        QueryCompiler compiler = dataSource.compiler();
        StringBuilder hql = new StringBuilder("select ").append(reader.select(QueryCompiler.ROOT))
                .append(" from ").append(model.entityName()).append(' ').append(QueryCompiler.ROOT);
        String where = compiler.where(model, filter.where(), params);
        if (!where.isEmpty()) {
            hql.append(" where ").append(where);
        }
        hql.append(compiler.orderBy(model, filter.order()));
        // No default limit and no max limit: a stream is for reading everything that matches.
        if (filter.limit() != null) {
            hql.append(" limit ").append(params.bind(filter.limit()));
        }
        if (filter.skip() != null && filter.skip() > 0) {
            hql.append(" offset ").append(params.bind(filter.skip()));
        }
        return hql.toString();
    }

    private void start(String hql, QueryParameters params) {
        StatelessSession joined = dataSource.transactionSession();
        try {
            if (joined != null) {
                session = joined;
            } else {
                session = dataSource.sessionFactory().openStatelessSession();
                ownTransaction = session.beginTransaction();
            }
            results = dataSource.statement(call, model.name(), "stream", "cursor", () -> params.bindTo(session.createSelectionQuery(hql, Object[].class))
                    .setFetchSize(dataSource.driver().streamFetchSize())
                    .scroll(ScrollMode.FORWARD_ONLY));
        } catch (RuntimeException e) {
            close();
            throw dataSource.translate(e);
        } catch (Error e) {
            close();
            throw e;
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super E> action) {
        if (ready.isEmpty() && !fill()) {
            return false;
        }
        action.accept(ready.poll());
        return true;
    }

    /** Reads the next chunk of rows and loads their includes; false (and the connection released) at the end. */
    private boolean fill() {
        if (closed) {
            return false;
        }
        // Without includes a chunk only spares per-row bookkeeping; it stays small so memory does not grow with it.
        int size = filter.include().isEmpty() ? 64 : CHUNK;
        List<E> chunk = new ArrayList<>(size);
        try {
            while (chunk.size() < size && results.next()) {
                chunk.add(type.cast(reader.read(results.get(), 0)));
            }
            if (chunk.isEmpty()) {
                close();
                return false;
            }
            if (!filter.include().isEmpty()) {
                loadIncludes(chunk);
            }
        } catch (RuntimeException e) {
            close();
            throw dataSource.translate(e);
        }
        RowShaper.shape(model, chunk, filter.fields());
        ready.addAll(chunk);
        return true;
    }

    private void loadIncludes(List<E> chunk) {
        IncludeExecutor includes = dataSource.includes();
        if (dataSource.driver().cursorBlocksConnection()) {
            // The open cursor holds this connection: the chunk's lookups take a second one for their statements.
            dataSource.readDetached(other -> {
                includes.load(call, dataSource, other, model, chunk, filter.include(), "include", 1);
                return null;
            });
        } else {
            includes.load(call, dataSource, session, model, chunk, filter.include(), "include", 1);
        }
    }

    /** Releases the cursor and, unless the stream reads in the caller's transaction, its session and connection. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready.clear();
        try {
            if (results != null) {
                results.close();
            }
        } finally {
            if (ownTransaction != null) {
                try {
                    if (ownTransaction.isActive()) {
                        ownTransaction.rollback(); // it only read
                    }
                } finally {
                    session.close();
                }
            }
        }
    }

    @Override
    public Spliterator<E> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
