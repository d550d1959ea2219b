package dev.ignis.engine.internal.execute;

import dev.ignis.api.filter.Filter;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowShaper;
import dev.ignis.engine.internal.plan.ReadPlan;
import dev.ignis.engine.internal.plan.ReadScope;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
    private static final String OPERATION = "stream";

    private final StartedDataSource dataSource;
    private final Class<E> type;
    private final ReadPlan plan;
    private final Observation.Call call;
    /** Ends the call's observation, which lasts as long as the stream. */
    /**
     * Ends the call's observation; set once the cursor is open, so that a stream that never opened (nothing can
     * match, or opening failed) ends with its call as any other call does.
     */
    private Runnable end;
    private final ArrayDeque<E> ready = new ArrayDeque<>();
    private StatelessSession session;
    private Transaction ownTransaction;
    /** The planned cursor, or (for a shape without a plan) Hibernate's scrollable results. */
    private SelectPlan.Cursor cursor;
    private ScrollableResults<Object[]> results;
    private boolean closed;

    private CursorStream(StartedDataSource dataSource, Class<E> type, ReadPlan plan, Observation.Call call) {
        this.dataSource = dataSource;
        this.type = type;
        this.plan = plan;
        this.call = call;
    }

    /** Plans the read, builds its root select (running its where's key lookups), then opens the cursor. */
    static <E> Stream<E> open(StartedDataSource dataSource, ModelDescriptor model, Class<E> type, Filter filter, ReadScope scope,
                              Observation.Call call) {
        ReadPlan plan = dataSource.reads().planner().stream(model, dataSource.name(), filter, scope);
        CursorStream<E> stream = new CursorStream<>(dataSource, type, plan, call);
        ReadExecutor.RootStatement root = dataSource.reads().root(new ReadContext(call, dataSource, null, OPERATION), plan);
        if (root == null) {
            stream.close(); // a condition on another datasource matched nothing: no row can match
        } else {
            stream.start(root);
        }
        return StreamSupport.stream(stream, false).onClose(stream::close);
    }

    private void start(ReadExecutor.RootStatement root) {
        QueryParameters params = root.params();
        StringBuilder hql = new StringBuilder(root.hql());
        // No default limit and no max limit: a stream is for reading everything that matches.
        if (plan.limit() != ReadPlan.NO_LIMIT) {
            hql.append(" limit ").append(params.bind(plan.limit()));
        }
        if (plan.skip() > 0) {
            hql.append(" offset ").append(params.bind(plan.skip()));
        }
        StatelessSession joined = dataSource.transactionSession();
        try {
            if (joined != null) {
                session = joined;
            } else {
                session = dataSource.sessionFactory().openStatelessSession();
                ownTransaction = session.beginTransaction();
            }
            dataSource.statement(call, plan.model().name(), OPERATION, "cursor", () -> {
                // The shape's kept SQL plan reads rows as a page does; a shape without one scrolls through Hibernate.
                cursor = dataSource.cursor(session, hql.toString(), params);
                if (cursor == null) {
                    results = params.bindTo(session.createSelectionQuery(hql.toString(), Object[].class))
                            .setFetchSize(dataSource.driver().streamFetchSize())
                            .scroll(ScrollMode.FORWARD_ONLY);
                }
                return null;
            });
            end = call.outlive();
        } catch (RuntimeException e) {
            RuntimeException translated = dataSource.translate(e);
            closeAfter(translated);
            throw translated;
        } catch (Error e) {
            closeAfter(e);
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
        int size = plan.includes().isEmpty() ? 64 : CHUNK;
        List<E> chunk = new ArrayList<>(size);
        try {
            Object[] row;
            while (chunk.size() < size && (row = nextRow()) != null) {
                chunk.add(type.cast(plan.reader().read(row, 0)));
            }
            if (chunk.isEmpty()) {
                close();
                return false;
            }
            if (!plan.includes().isEmpty()) {
                loadIncludes(chunk);
            }
        } catch (RuntimeException e) {
            RuntimeException translated = dataSource.translate(e);
            call.failedLater(translated); // the call returned its stream successfully; its reading did not
            closeAfter(translated);
            throw translated;
        } catch (Error e) {
            call.failedLater(e);
            closeAfter(e);
            throw e;
        }
        RowShaper.shape(plan.model(), chunk, plan.filter().fields());
        ready.addAll(chunk);
        return true;
    }

    /** The next row of the cursor, each select item at its index; null after the last. */
    private Object[] nextRow() {
        if (cursor == null) {
            return results.next() ? results.get() : null;
        }
        try {
            return cursor.next();
        } catch (SQLException e) {
            throw jdbcError(e);
        }
    }

    private RuntimeException jdbcError(SQLException e) {
        return ((SharedSessionContractImplementor) session).getJdbcServices().getSqlExceptionHelper().convert(e, "stream");
    }

    /** The chunk's include steps of the plan, as a page of these parents would run them. */
    private void loadIncludes(List<E> chunk) {
        ReadExecutor reads = dataSource.reads();
        if (dataSource.driver().cursorBlocksConnection()) {
            // The open cursor holds this connection: the chunk's lookups take a second one for their statements.
            dataSource.readDetached(other -> {
                reads.include(new ReadContext(call, dataSource, other, OPERATION), plan, chunk);
                return null;
            });
        } else {
            reads.include(new ReadContext(call, dataSource, session, OPERATION), plan, chunk);
        }
    }

    /** {@link #close} after reading failed with {@code failure}: a failure to close is added to it, not thrown instead. */
    private void closeAfter(Throwable failure) {
        try {
            close();
        } catch (RuntimeException closing) {
            failure.addSuppressed(closing);
        }
    }

    /**
     * Releases the cursor and, unless the stream reads in the caller's transaction, its session and connection; ends
     * the call's observation, with the first failure of closing as its outcome when closing fails.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready.clear();
        RuntimeException failure = null;
        try {
            if (cursor != null) {
                cursor.close();
            }
            if (results != null) {
                results.close();
            }
        } catch (SQLException e) {
            failure = dataSource.translate(jdbcError(e));
        } catch (RuntimeException e) {
            failure = dataSource.translate(e);
        }
        try {
            if (ownTransaction != null) {
                try {
                    if (ownTransaction.isActive()) {
                        ownTransaction.rollback(); // it only read
                    }
                } finally {
                    session.close();
                }
            }
        } catch (RuntimeException e) {
            RuntimeException translated = dataSource.translate(e);
            if (failure == null) {
                failure = translated;
            } else {
                failure.addSuppressed(translated);
            }
        } finally {
            if (failure != null) {
                call.failedLater(failure);
            }
            if (end != null) {
                end.run();
            }
        }
        if (failure != null) {
            throw failure;
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
