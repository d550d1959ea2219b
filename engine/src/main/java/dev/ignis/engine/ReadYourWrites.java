package dev.ignis.engine;

import dev.ignis.engine.internal.route.WrittenPositions;

import java.util.function.Supplier;

/**
 * A read-your-writes scope that work on any number of threads can share: reads run inside it see every write that
 * was committed inside it before they started, on whichever thread. Without a scope the guarantee covers the thread
 * that wrote only. Open one with {@link Engine#readYourWrites()}, then run work in it; it holds no connection and
 * needs no closing.
 * <pre>{@code
 * ReadYourWrites scope = engine.readYourWrites();
 * Order order = scope.call(() -> orders.create(draft).data().get(0));
 * executor.submit(() -> scope.call(() -> orders.findById(order.getId())));   // sees the order
 * }</pre>
 * A read in the scope uses a replica of a datasource only once it has applied every write of the scope to that
 * datasource (on databases with comparable replication positions), else the primary; on other databases it reads
 * the primary for the datasource's {@code readYourWritesWindow} after the scope's last write.
 */
public final class ReadYourWrites {
    private final WrittenPositions.Scope scope = new WrittenPositions.Scope();

    ReadYourWrites() {
    }

    /** Runs {@code work} on this thread inside the scope and returns its result. */
    public <T> T call(Supplier<T> work) {
        return scope.call(work);
    }

    /** Runs {@code work} on this thread inside the scope. */
    public void run(Runnable work) {
        scope.call(() -> {
            work.run();
            return null;
        });
    }
}
