package dev.ignis.conformance;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RowLock;
import dev.ignis.conformance.model.Item;
import dev.ignis.conformance.model.ItemTag;
import dev.ignis.engine.settings.QueryListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code stream(filter)}: every matching row with a cursor (no default or max limit), one statement for the roots
 * and a page's statements per chunk of 500 parents for includes, and the connection released as soon as the
 * stream is closed or read to the end (checked with a pool of one connection).
 */
public interface StreamContract extends ConformanceFixture {

    private QueryListener recorder(List<QueryListener.StatementEvent> events) {
        return new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                events.add(event);
            }
        };
    }

    private void seedItems(int count) {
        new CrudRepository<>(mainDataSource(), Item.class).createAll(IntStream.range(0, count)
                .mapToObj(i -> new Item(String.format("i%05d", i), String.format("c%05d", i), "item " + i, i)).toList());
    }

    @Test
    default void aStreamReadsEveryMatchingRowInOneStatementWithoutTheDefaultLimit() {
        seedItems(120);
        List<QueryListener.StatementEvent> events = new CopyOnWriteArrayList<>();
        CrudRepository<Item, String> items = new CrudRepository<>(concurrentDataSource(2, recorder(events)), Item.class);

        List<Item> all;
        try (Stream<Item> stream = items.stream(Filter.empty().order("code DESC"))) {
            all = stream.toList();
        }

        assertThat(all).hasSize(120);
        assertThat(all.get(0).getCode()).isEqualTo("c00119");
        assertThat(all.get(119).getCode()).isEqualTo("c00000");
        assertThat(events).as("one cursor").hasSize(1);
        try (Stream<Item> stream = items.stream(Filter.where(Where.gte("version", 100)).order("code ASC").withLimit(7).fields("code"))) {
            List<Item> some = stream.toList();
            assertThat(some).extracting(Item::getCode).containsExactly("c00100", "c00101", "c00102", "c00103", "c00104", "c00105", "c00106");
            assertThat(some).allSatisfy(item -> assertThat(item.getName()).as("fields apply").isNull());
        }
    }

    @Test
    default void closingEarlyOrReadingToTheEndReleasesTheOnlyConnection() throws Exception {
        seedItems(300);
        IDataSource single = concurrentDataSource(1, new QueryListener() {
        });
        CrudRepository<Item, String> items = new CrudRepository<>(single, Item.class);

        try (Stream<Item> stream = items.stream(Filter.empty())) {
            assertThat(stream.limit(3).toList()).hasSize(3);
        }
        assertThat(countWithin(items)).as("after an early close").isEqualTo(300);

        assertThatThrownBy(() -> {
            try (Stream<Item> stream = items.stream(Filter.empty())) {
                stream.forEach(item -> {
                    throw new IllegalStateException("consumer failed");
                });
            }
        }).hasMessage("consumer failed");
        assertThat(countWithin(items)).as("after the consumer failed").isEqualTo(300);

        assertThat(items.stream(Filter.empty()).count()).as("read to the end, never closed").isEqualTo(300);
        assertThat(countWithin(items)).isEqualTo(300);

        long inTransaction = single.transaction(tx -> {
            long streamed;
            try (Stream<Item> stream = items.stream(Filter.empty())) {
                streamed = stream.count();
            }
            return streamed + items.count();
        });
        assertThat(inTransaction).as("a stream inside a transaction reads on its connection").isEqualTo(600);
    }

    private long countWithin(CrudRepository<Item, String> items) throws Exception {
        return CompletableFuture.supplyAsync(items::count).get(20, TimeUnit.SECONDS);
    }

    @Test
    default void includesLoadPerChunkOfParents() {
        int count = 1200;
        seedItems(count);
        new CrudRepository<>(mainDataSource(), ItemTag.class).createAll(IntStream.range(0, count)
                .mapToObj(i -> new ItemTag("t" + i, String.format("i%05d", i), "tag-" + i)).toList());
        List<QueryListener.StatementEvent> events = new CopyOnWriteArrayList<>();
        CrudRepository<Item, String> items = new CrudRepository<>(concurrentDataSource(2, recorder(events)), Item.class);

        long checked;
        try (Stream<Item> stream = items.stream(Filter.empty().include("tags"))) {
            checked = stream.peek(item -> {
                assertThat(item.getTags()).hasSize(1);
                assertThat(item.getTags().get(0).getLabel()).isEqualTo("tag-" + item.getVersion());
            }).count();
        }

        assertThat(checked).isEqualTo(count);
        assertThat(events).as("the cursor and one lookup per chunk of 500 parents").hasSize(1 + 3);
    }

    @Test
    default void badStreamsFailBeforeAnyStatement() {
        List<QueryListener.StatementEvent> events = new CopyOnWriteArrayList<>();
        CrudRepository<Item, String> items = new CrudRepository<>(concurrentDataSource(1, recorder(events)), Item.class);

        assertThatThrownBy(() -> items.stream(Filter.empty().withLimit(-1))).isInstanceOf(FilterException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> items.stream(Filter.empty().fields("nope"))).isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> items.stream(Filter.empty(), QueryOptions.lock(RowLock.forUpdate())))
                .isInstanceOf(FilterException.class).hasMessageContaining("stream");
        assertThat(events).as("no statement ran").isEmpty();
    }
}
