package dev.ignis.conformance;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.LockException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.UpsertOptions;
import dev.ignis.api.repository.WriteResult;
import dev.ignis.conformance.model.Item;
import dev.ignis.conformance.model.Reading;
import dev.ignis.engine.settings.QueryListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code upsert}/{@code upsertAll}: insert or update on the id or a unique field, creation stamps kept and
 * modification stamps set on the update branch, one JDBC batch per call, nothing left of a failed batch, and
 * concurrent writers of overlapping keys on the servers.
 */
public interface UpsertContract extends ConformanceFixture {
    /** How long the concurrent writers run: 10 s, or {@code -Dignis.upsert.seconds=N}. */
    int CONCURRENT_SECONDS = Integer.getInteger("ignis.upsert.seconds", 10);

    private CrudRepository<Item, String> items() {
        return new CrudRepository<>(mainDataSource(), Item.class);
    }

    @Test
    default void upsertInsertsThenUpdatesKeepingTheCreationStamp() {
        Item first = items().upsert(new Item("i1", "c1", "One", 1)).single();
        assertThat(first.getCreatedAt()).isEqualTo(Samples.T0);

        clock().set(Samples.T0.plus(Duration.ofHours(1)));
        WriteResult<Item> second = items().upsert(new Item("i1", "c1", "Uno", 2));

        assertThat(second.count()).isEqualTo(1);
        Item stored = items().findById("i1").orElseThrow();
        assertThat(stored.getName()).isEqualTo("Uno");
        assertThat(stored.getVersion()).isEqualTo(2);
        assertThat(stored.getCreatedAt()).as("createdAt belongs to the first write").isEqualTo(Samples.T0);
        assertThat(stored.getModifiedAt()).isEqualTo(Samples.T0.plus(Duration.ofHours(1)));
        assertThat(second.single().getName()).isEqualTo("Uno");
        assertThat(second.single().getCreatedAt()).as("the returned row is the stored one").isEqualTo(Samples.T0);
        assertThat(items().count()).isEqualTo(1);
    }

    @Test
    default void upsertAllOfAThousandRowsIsOneStatementAndReturnsTheStoredRows() {
        List<QueryListener.StatementEvent> events = new CopyOnWriteArrayList<>();
        IDataSource ds = concurrentDataSource(2, new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                events.add(event);
            }
        });
        CrudRepository<Item, String> repository = new CrudRepository<>(ds, Item.class);
        List<Item> firstRows = IntStream.range(0, 1000).mapToObj(i -> new Item("id" + i, "code" + i, "first", 1)).toList();

        WriteResult<Item> inserted = repository.upsertAll(firstRows, UpsertOptions.DEFAULT.withShouldReturn(false));

        assertThat(inserted.count()).isEqualTo(1000);
        assertThat(events).as("1,000 rows in one JDBC batch").hasSize(1);
        events.clear();
        List<Item> secondRows = IntStream.range(500, 1500).mapToObj(i -> new Item("id" + i, "code" + i, "second", 2)).toList();
        WriteResult<Item> upserted = repository.upsertAll(secondRows);

        assertThat(upserted.count()).isEqualTo(1000);
        assertThat(upserted.data()).extracting(Item::getId).containsExactlyElementsOf(secondRows.stream().map(Item::getId).toList());
        assertThat(upserted.data()).allSatisfy(item -> assertThat(item.getName()).isEqualTo("second"));
        assertThat(events).as("one statement writes the batch and returns the stored rows: no read-back").hasSize(1);
        assertThat(repository.count()).isEqualTo(1500);
        assertThat(repository.findById("id0").orElseThrow().getName()).isEqualTo("first");
    }

    @Test
    default void aUniqueFieldCanBeTheConflictTargetAndTheStoredIdStays() {
        items().create(new Item("i1", "c1", "One", 1));

        Item row = new Item(null, "c1", "Two", 5);
        WriteResult<Item> result = items().upsert(row, UpsertOptions.onConflict("code"));

        assertThat(result.single().getId()).isEqualTo("i1");
        assertThat(row.getId()).as("the given row takes the stored id").isEqualTo("i1");
        assertThat(items().count()).isEqualTo(1);
        assertThat(items().findById("i1").orElseThrow().getName()).isEqualTo("Two");

        Item fresh = items().upsert(new Item(null, "c2", "Fresh", 1), UpsertOptions.onConflict("code")).single();
        assertThat(fresh.getId()).as("a new row gets a generated id").isNotBlank().isNotEqualTo("i1");
        assertThat(items().count()).isEqualTo(2);
    }

    @Test
    default void theRowsReturnedAreTheStoredOnesWithTheirStampsAndIds() {
        items().create(new Item("i1", "c1", "One", 1));
        clock().set(Samples.T0.plus(Duration.ofHours(1)));
        Item matched = new Item(null, "c1", "Two", 2);
        Item fresh = new Item(null, "c2", "New", 1);

        List<Item> returned = items().upsertAll(List.of(matched, fresh), UpsertOptions.onConflict("code")).data();

        assertThat(returned).extracting(Item::getCode).containsExactly("c1", "c2");
        assertThat(returned.get(0).getId()).as("the matched row keeps its stored id").isEqualTo("i1");
        assertThat(returned.get(0).getName()).isEqualTo("Two");
        assertThat(returned.get(0).getCreatedAt()).as("createdAt kept on the update branch").isEqualTo(Samples.T0);
        assertThat(returned.get(0).getModifiedAt()).isEqualTo(Samples.T0.plus(Duration.ofHours(1)));
        assertThat(returned.get(1).getId()).isNotBlank().isNotEqualTo("i1").isEqualTo(fresh.getId());
        assertThat(returned.get(1).getCreatedAt()).isEqualTo(Samples.T0.plus(Duration.ofHours(1)));
        assertThat(matched.getId()).as("the given row takes the stored id").isEqualTo("i1");
        assertThat(items().findById("i1").orElseThrow().getName()).isEqualTo("Two");
    }

    @Test
    default void onlyTheNamedFieldsAreUpdated() {
        items().create(new Item("i1", "c1", "One", 1));

        items().upsert(new Item("i1", "c1", "Two", 9), UpsertOptions.DEFAULT.updating("name"));

        Item stored = items().findById("i1").orElseThrow();
        assertThat(stored.getName()).isEqualTo("Two");
        assertThat(stored.getVersion()).as("not in the update list").isEqualTo(1);
    }

    @Test
    default void theLastRowOfAKeyInOneBatchWins() {
        WriteResult<Item> result = items().upsertAll(List.of(new Item("i1", "c1", "A", 1), new Item("i2", "c2", "B", 1),
                new Item("i1", "c1", "C", 2)));

        assertThat(result.count()).isEqualTo(2);
        assertThat(items().findById("i1").orElseThrow().getName()).isEqualTo("C");
        assertThat(items().count()).isEqualTo(2);
    }

    @Test
    default void aFailedBatchLeavesNothing() {
        items().create(new Item("i0", "c0", "Kept", 1));
        List<Item> batch = List.of(new Item("i0", "c0", "Changed", 2), new Item("i1", "c1", "New", 1),
                new Item("i2", "c2", null, 1));

        assertThatThrownBy(() -> items().upsertAll(batch)).isInstanceOf(ConflictException.class);

        assertThat(items().count()).isEqualTo(1);
        assertThat(items().findById("i0").orElseThrow().getName()).isEqualTo("Kept");
    }

    @Test
    default void badTargetsAreTypedErrorsBeforeAnyStatement() {
        assertThatThrownBy(() -> items().upsert(new Item("i1", "c1", "One", 1), UpsertOptions.onConflict("nope")))
                .isInstanceOf(FilterException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> items().upsert(new Item("i1", "c1", "One", 1), UpsertOptions.DEFAULT.updating("id")))
                .isInstanceOf(FilterException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new CrudRepository<>(mainDataSource(), Reading.class).upsert(new Reading()))
                .isInstanceOf(FilterException.class).hasMessageContaining("needs the id");
        assertThat(items().count()).isZero();
    }

    /**
     * 8 writers upsert batches of overlapping keys (in random order) for {@link #CONCURRENT_SECONDS}: no key is stored
     * twice, every stored row is a version some writer wrote, and every failure is typed. A deadlock victim (a typed
     * {@link LockException}) is allowed and counted. On the servers only: H2's MERGE is not atomic against a
     * concurrent insert of the same key.
     */
    @Test
    default void concurrentUpsertsOfOverlappingKeysStoreOneWrittenVersionPerKey() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(database().kind() != DatabaseTarget.Kind.H2, "servers only");
        IDataSource ds = concurrentDataSource(8, new QueryListener() {
        });
        CrudRepository<Item, String> repository = new CrudRepository<>(ds, Item.class);
        int keys = 50;
        Map<String, Set<String>> written = new ConcurrentHashMap<>();
        AtomicLong rows = new AtomicLong();
        AtomicInteger lockVictims = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(CONCURRENT_SECONDS).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    int round = 0;
                    while (System.nanoTime() < end) {
                        round++;
                        List<Item> batch = new ArrayList<>();
                        // The version of each key this batch stores: the last row of the key wins.
                        Map<String, String> winners = new java.util.HashMap<>();
                        for (int i = 0; i < 10; i++) {
                            int k = ThreadLocalRandom.current().nextInt(keys);
                            String name = "w" + worker + "r" + round + "i" + i;
                            batch.add(new Item("k" + k, "code-k" + k, name, round));
                            winners.put("k" + k, name);
                        }
                        try {
                            rows.addAndGet(repository.upsertAll(batch, UpsertOptions.DEFAULT.withShouldReturn(false)).count());
                            // Only a committed batch's versions can be stored; a rolled-back victim's never.
                            winners.forEach((key, name) -> written.computeIfAbsent(key, x -> ConcurrentHashMap.newKeySet()).add(name));
                        } catch (LockException victim) {
                            lockVictims.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(); // rethrows any untyped failure
            }
        } finally {
            pool.shutdownNow();
        }

        List<Item> stored = repository.find(Filter.empty().withLimit(ENGINE_MAX_LIMIT));
        assertThat(stored).extracting(Item::getId).doesNotHaveDuplicates();
        assertThat(stored).extracting(Item::getId).as("every key some committed batch wrote, and no other")
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(((Number) jdbcValue("select count(*) from " + q("cf_item"))).longValue()).isEqualTo(stored.size());
        for (Item item : stored) {
            assertThat(written.get(item.getId())).as("the stored version of %s was written", item.getId()).contains(item.getName());
        }
        System.out.println("[ignis upsert] " + database().kind() + ": 8 writers, " + CONCURRENT_SECONDS + " s, " + rows.get()
                + " rows upserted (" + rows.get() / CONCURRENT_SECONDS + " rows/s), " + lockVictims.get() + " deadlock victims, "
                + stored.size() + " keys stored");
        assertThat(rows.get()).isPositive();
    }
}
