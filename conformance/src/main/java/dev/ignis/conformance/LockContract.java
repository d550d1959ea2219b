package dev.ignis.conformance;

import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.LockException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RowLock;
import dev.ignis.conformance.model.Item;
import dev.ignis.conformance.model.Job;
import dev.ignis.engine.settings.QueryListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Row locks on {@code find}/{@code findOne}/{@code findById}: only inside a transaction, the root rows only, a
 * typed {@link LockException} (and a rolled-back transaction) when a lock cannot be had, an
 * {@link UnsupportedOperatorException} for what the database cannot honour, and the job-queue pattern with
 * {@code SKIP LOCKED} on the servers.
 */
public interface LockContract extends ConformanceFixture {

    private CrudRepository<Job, String> jobs(IDataSource ds) {
        return new CrudRepository<>(ds, Job.class);
    }

    private void seedJobs(int count) {
        jobs(mainDataSource()).createAll(IntStream.range(0, count).mapToObj(i -> new Job(String.format("j%04d", i), i, null)).toList());
    }

    private boolean onServer() {
        return database().kind() != DatabaseTarget.Kind.H2;
    }

    /** Holds FOR UPDATE locks on {@code ids} in a transaction on another thread until the returned latch is counted down. */
    private CountDownLatch holdLocks(IDataSource ds, List<String> ids, CompletableFuture<Void> done) {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> ds.transaction(tx -> {
            List<Job> held = jobs(ds).find(Filter.where(Where.in("id", ids)), QueryOptions.lock(RowLock.forUpdate()));
            assertThat(held).hasSize(ids.size());
            locked.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })).whenComplete((v, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(null);
            }
        });
        try {
            assertThat(locked.await(60, TimeUnit.SECONDS)).as("the holder took its locks").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return release;
    }

    @Test
    default void aLockOutsideATransactionFailsBeforeAnyStatement() {
        List<QueryListener.StatementEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        IDataSource ds = concurrentDataSource(2, new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                events.add(event);
            }
        });

        assertThatThrownBy(() -> jobs(ds).find(Filter.empty(), QueryOptions.lock(RowLock.forUpdate())))
                .isInstanceOf(TransactionException.class).hasMessageContaining("Job").hasMessageContaining("transaction");
        assertThatThrownBy(() -> jobs(ds).findById("j1", Filter.empty(), QueryOptions.lock(RowLock.forUpdate())))
                .isInstanceOf(TransactionException.class);
        assertThatThrownBy(() -> ds.transaction(tx -> jobs(ds).count(Where.empty(), QueryOptions.lock(RowLock.forUpdate()))))
                .isInstanceOf(FilterException.class).hasMessageContaining("count");
        assertThat(events).as("no statement ran").isEmpty();
    }

    @Test
    default void forUpdateInATransactionReturnsTheRowsAndReleasesThemOnCommit() {
        seedJobs(3);
        List<Job> locked = mainDataSource().transaction(tx ->
                jobs(mainDataSource()).find(Filter.empty().order("seq ASC"), QueryOptions.lock(RowLock.forUpdate())));
        assertThat(locked).extracting(Job::getSeq).containsExactly(0, 1, 2);

        Job one = mainDataSource().transaction(tx ->
                jobs(mainDataSource()).findOne(Filter.where("seq", 1), QueryOptions.lock(RowLock.forUpdate())).orElseThrow());
        assertThat(one.getId()).isEqualTo("j0001");
    }

    @Test
    default void whatTheDatabaseCannotHonourIsAnUnsupportedOperatorNamingTheDriver() {
        Assumptions.assumeTrue(database().kind() == DatabaseTarget.Kind.H2, "H2 knows FOR UPDATE only");
        for (RowLock lock : List.of(RowLock.forShare(), RowLock.forUpdate().nowait(), RowLock.forUpdate().skipLocked(),
                RowLock.forUpdate().waitAtMost(Duration.ofSeconds(1)))) {
            Throwable thrown = catchThrowable(() -> mainDataSource().transaction(tx ->
                    jobs(mainDataSource()).find(Filter.empty(), QueryOptions.lock(lock))));
            assertThat(thrown).as("%s", lock).isInstanceOf(UnsupportedOperatorException.class);
            assertThat(((UnsupportedOperatorException) thrown).driver()).isEqualTo(database().driver());
        }
    }

    /**
     * A lock held elsewhere: NOWAIT (servers) or the lock wait timeout (H2's default of about a second) ends in a
     * LockException naming datasource and model, and the transaction's own write is rolled back.
     */
    @Test
    default void aLockThatCannotBeHadIsALockExceptionAndRollsBackTheTransaction() throws Exception {
        seedJobs(2);
        CompletableFuture<Void> holder = new CompletableFuture<>();
        CountDownLatch release = holdLocks(mainDataSource(), List.of("j0000"), holder);
        try {
            List<RowLock> attempts = onServer() ? List.of(RowLock.forUpdate().nowait(), RowLock.forUpdate().waitAtMost(Duration.ofMillis(300)))
                    : List.of(RowLock.forUpdate());
            for (RowLock lock : attempts) {
                Throwable thrown = catchThrowable(() -> mainDataSource().transaction(tx -> {
                    jobs(mainDataSource()).updateById("j0001", Map.of("worker", "mine"));
                    return jobs(mainDataSource()).findById("j0000", Filter.empty(), QueryOptions.lock(lock));
                }));
                assertThat(thrown).as("%s", lock).isInstanceOf(LockException.class);
                LockException e = (LockException) thrown;
                assertThat(e.dataSource()).isEqualTo(ConformanceTestBase.MAIN);
                assertThat(e.model()).isEqualTo("Job");
                assertThat(jobs(mainDataSource()).findById("j0001").orElseThrow().getWorker()).as("rolled back").isNull();
            }
        } finally {
            release.countDown();
        }
        holder.get(60, TimeUnit.SECONDS);
    }

    @Test
    default void skipLockedLeavesOutRowsAnotherTransactionHolds() throws Exception {
        Assumptions.assumeTrue(onServer(), "SKIP LOCKED on the servers");
        seedJobs(6);
        CompletableFuture<Void> holder = new CompletableFuture<>();
        CountDownLatch release = holdLocks(mainDataSource(), List.of("j0000", "j0001", "j0002"), holder);
        try {
            List<Job> free = mainDataSource().transaction(tx -> jobs(mainDataSource()).find(Filter.where("status", "NEW").order("seq ASC"),
                    QueryOptions.lock(RowLock.forUpdate().skipLocked())));
            assertThat(free).extracting(Job::getId).containsExactly("j0003", "j0004", "j0005");
        } finally {
            release.countDown();
        }
        holder.get(60, TimeUnit.SECONDS);
    }

    @Test
    default void onlyTheRootRowsAreLockedIncludesAreReadWithoutLocks() throws Exception {
        Assumptions.assumeTrue(onServer(), "NOWAIT on the servers");
        CrudRepository<Item, String> items = new CrudRepository<>(mainDataSource(), Item.class);
        items.create(new Item("i1", "c1", "One", 1));
        jobs(mainDataSource()).create(new Job("j1", 1, "i1"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Job> holder = CompletableFuture.supplyAsync(() -> mainDataSource().transaction(tx -> {
            Job job = jobs(mainDataSource()).findById("j1", Filter.empty().include("item"), QueryOptions.lock(RowLock.forUpdate())).orElseThrow();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return job;
        }));
        try {
            assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
            Item item = mainDataSource().transaction(tx ->
                    items.findById("i1", Filter.empty(), QueryOptions.lock(RowLock.forUpdate().nowait())).orElseThrow());
            assertThat(item.getCode()).as("the included row is not locked").isEqualTo("c1");
            assertThat(catchThrowable(() -> mainDataSource().transaction(tx ->
                    jobs(mainDataSource()).findById("j1", Filter.empty(), QueryOptions.lock(RowLock.forUpdate().nowait())))))
                    .as("the root row is").isInstanceOf(LockException.class);
        } finally {
            release.countDown();
        }
        assertThat(holder.get(60, TimeUnit.SECONDS).getItem().getCode()).isEqualTo("c1");
    }

    /** 8 workers claim batches of 10 NEW jobs with SKIP LOCKED and mark them DONE: every job is claimed exactly once. */
    @Test
    default void jobQueueWorkersClaimEveryRowExactlyOnce() throws Exception {
        Assumptions.assumeTrue(onServer(), "SKIP LOCKED on the servers");
        seedJobs(1000);
        IDataSource ds = concurrentDataSource(8, new QueryListener() {
        });
        CrudRepository<Job, String> queue = jobs(ds);
        Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "w" + w;
                workers.add(pool.submit(() -> {
                    while (true) {
                        List<String> claimed;
                        try {
                            // READ COMMITTED, as job queues run: InnoDB then takes no gap locks on the status index.
                            claimed = ds.transaction(IsolationLevel.READ_COMMITTED, tx -> {
                                List<Job> batch = queue.find(Filter.where("status", "NEW").order("seq ASC").withLimit(10),
                                        QueryOptions.lock(RowLock.forUpdate().skipLocked()));
                                List<String> ids = batch.stream().map(Job::getId).toList();
                                if (!ids.isEmpty()) {
                                    queue.updateAll(Map.of("status", "DONE", "worker", worker), Where.in("id", ids));
                                }
                                return ids;
                            });
                        } catch (LockException deadlockVictim) {
                            // The transaction was rolled back: nothing was claimed, the worker tries again, as a worker does.
                            retries.incrementAndGet();
                            continue;
                        }
                        if (claimed.isEmpty()) {
                            if (queue.count(Where.eq("status", "NEW")) == 0) {
                                return null;
                            }
                            Thread.onSpinWait(); // every NEW job is held by another worker right now
                            continue;
                        }
                        batches.incrementAndGet();
                        claimed.forEach(id -> claims.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(claims).hasSize(1000);
        assertThat(claims.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(queue.count(Where.eq("status", "DONE"))).isEqualTo(1000);
        System.out.println("[ignis locks] " + database().kind() + ": 8 workers claimed 1000 jobs in " + batches.get() + " batches, "
                + millis + " ms (" + (1000L * 1000 / Math.max(1, millis)) + " jobs/s), " + retries.get() + " batches retried after a deadlock");
    }
}
