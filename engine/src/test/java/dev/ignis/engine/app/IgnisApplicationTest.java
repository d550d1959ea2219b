package dev.ignis.engine.app;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.DriverNotFoundException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IgnisApplicationTest {
    static final class Store extends BaseDataSource {
        Store(String name, String url, boolean listModels) {
            super(listModels
                    ? DataSourceConfig.named(name).driver("test-h2").url(url).schemaAction(SchemaAction.CREATE)
                            .connectionTimeout(Duration.ofMillis(500)).models(Item.class)
                    : DataSourceConfig.named(name).driver("test-h2").url(url).schemaAction(SchemaAction.CREATE));
        }
    }

    static final class ItemRepository extends CrudRepository<Item, String> {
        ItemRepository(Store store) {
            super(store, Item.class);
        }
    }

    @Test
    void keysLikeTheSeedAndModelsDiscoveredFromRepositories() {
        Store store = new Store("Store", "jdbc:h2:mem:app-test;DB_CLOSE_DELAY=-1", false);
        ItemRepository items = new ItemRepository(store);
        try (IgnisApplication app = IgnisApplication.builder().engine(b -> b.drivers(new TestH2Driver()))
                .dataSource(store).repository(items).build().start()) {
            assertThat(app.get("repositories.ItemRepository")).isSameAs(items);
            assertThat(app.get("datasources.Store", Store.class)).isSameAs(store);
            assertThat(store.models()).as("learned from the repository").containsExactly(Item.class);
            assertThat(items.count()).isZero();
            assertThatThrownBy(() -> app.get("repositories.Nope"))
                    .hasMessageContaining("repositories.Nope").hasMessageContaining("datasources.Store, repositories.ItemRepository");
        }
    }

    @Test
    void aFailingDataSourceClosesTheStartedOnesAndSaysWhichFailed() {
        Store good = new Store("Good", "jdbc:h2:mem:app-good;DB_CLOSE_DELAY=-1", true);
        Store bad = new Store("Bad", "jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here", true);
        IgnisApplication app = IgnisApplication.builder().engine(b -> b.drivers(new TestH2Driver()))
                .dataSource(good).dataSource(new Store("Other", "jdbc:h2:mem:app-other;DB_CLOSE_DELAY=-1", false)).build();
        assertThatThrownBy(app::start).isInstanceOf(ModelException.class).hasMessageContaining("DataSource Other owns no models");
        assertThat(good.isStarted()).isFalse();
        // HikariCP names its threads after the pool (= datasource): none of Good's may outlive the failed start.
        // Its executors are shut down, but a worker thread is still returning from run() for a moment after the
        // executor reports termination, so wait for each one to end (bounded) instead of sampling once.
        List<Thread> goodThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("Good[ :].*")).toList();
        for (Thread thread : goodThreads) {
            joinUninterruptibly(thread, Duration.ofSeconds(10));
        }
        assertThat(goodThreads).noneMatch(Thread::isAlive);

        IgnisApplication broken = IgnisApplication.builder().engine(b -> b.drivers(new TestH2Driver())).dataSource(bad).build();
        assertThatThrownBy(broken::start).isInstanceOf(DataSourceUnavailableException.class).hasMessageContaining("DataSource Bad");
    }

    @Test
    void unknownDriverNamesTheDiscoveredOnes() {
        BaseDataSource postgres = new BaseDataSource(DataSourceConfig.named("Pg").driver("oracle").url("jdbc:oracle:x").models(Item.class)) {
        };
        assertThatThrownBy(() -> IgnisApplication.builder().engine(b -> b.drivers(new TestH2Driver())).dataSource(postgres).build().start())
                .isInstanceOf(DriverNotFoundException.class).hasMessageContaining("'oracle'").hasMessageContaining("test-h2");
        assertThat(postgres.isStarted()).isFalse();
    }

    private static void joinUninterruptibly(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
    }
}
