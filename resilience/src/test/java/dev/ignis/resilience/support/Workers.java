package dev.ignis.resilience.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Worker threads looping until stopped; {@link #stop(Duration)} fails with a thread dump if one does not end in time. */
public final class Workers implements AutoCloseable {
    /** One iteration of a worker's loop; {@code i} counts the worker's iterations. */
    public interface Loop {
        void run(String worker, int i) throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final List<Future<?>> futures = new ArrayList<>();
    private final String name;

    /** {@code work} run once on a new thread, waited for: what another thread of the application would see. */
    public static <T> T onAnotherThread(java.util.function.Supplier<T> work) {
        return java.util.concurrent.CompletableFuture.supplyAsync(work, r -> new Thread(r, "other-thread").start()).join();
    }

    public Workers(String name) {
        this.name = name;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void start(String worker, Loop loop) {
        futures.add(pool.submit(() -> {
            int i = 0;
            while (running.get()) {
                loop.run(worker, i++);
            }
            return null;
        }));
    }

    public boolean running() {
        return running.get();
    }

    /** Stops every loop and waits, bounded, for each to end; a worker still running is a hang. */
    public void stop(Duration timeout) {
        running.set(false);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String dump = threadDump(name);
                pool.shutdownNow();
                throw new AssertionError("workers of " + name + " still running " + timeout.toMillis() + " ms after stop (a hang):\n" + dump);
            }
            for (Future<?> f : futures) {
                f.get(0, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a worker of " + name + " died: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        running.set(false);
        pool.shutdownNow();
    }

    public static String threadDump(String prefix) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (prefix == null || info.getThreadName().startsWith(prefix) || info.getThreadName().startsWith("ignis")) {
                out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
                for (StackTraceElement e : info.getStackTrace()) {
                    out.append("    at ").append(e).append('\n');
                }
            }
        }
        return out.toString();
    }
}
