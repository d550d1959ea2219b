package dev.ignis.engine.smoke;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of a shape seen before run as the SQL Hibernate translated the first time, with the new values bound: no
 * Hibernate query object is created for them (its HQL cache is not even looked up), every result still matches what
 * the values ask for, and Hibernate's statistics still count each statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectPlanReuseTest {
    static final class Db extends BaseDataSource {
        Db() {
            super(DataSourceConfig.named("PlanDb").driver("test-h2").database("plans").schemaAction(SchemaAction.CREATE)
                    .hibernateSetting("hibernate.generate_statistics", "true").models(Item.class));
        }
    }

    Engine engine;
    CrudRepository<Item, String> items;
    SessionFactory sessionFactory;

    @BeforeAll
    void start() {
        Db db = new Db();
        engine = Engine.builder().drivers(new TestH2Driver()).dataSource(db).currentUser(() -> Optional.of("u1"))
                .observer((name, pool, factory) -> sessionFactory = factory).build().start();
        items = new CrudRepository<>(db, Item.class);
        List<Item> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new Item("c" + (100 + i), "g" + (i % 4), i));
        }
        items.createAll(rows);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Test
    void repeatedShapesBindNewValuesWithoutHibernateQueries() {
        IntConsumer calls = round -> {
            String group = "g" + (round % 4);
            List<Item> page = items.find(Filter.where(Where.eq("group", group)).order("qty DESC").limit(3).skip(round % 2));
            assertThat(page).hasSize(3).allSatisfy(item -> assertThat(item.getGroup()).isEqualTo(group));
            assertThat(page).extracting(Item::getQty).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(page.get(0).getQty()).isEqualTo(36 + round % 4 - 4 * (round % 2));

            List<String> codes = List.of("c" + (100 + round), "c" + (101 + round), "nope");
            assertThat(items.find(Filter.where(Where.in("code", codes)))).extracting(Item::getCode)
                    .containsExactlyInAnyOrder(codes.get(0), codes.get(1));

            assertThat(items.count(Where.gt("qty", round))).isEqualTo(39 - round);
            assertThat(items.existsWith(Where.eq("code", "c" + (100 + round)))).isTrue();
            assertThat(items.existsWith(Where.eq("code", "x" + round))).isFalse();
            Item first = page.get(0);
            assertThat(items.findById(first.getId())).get().extracting(Item::getCode).isEqualTo(first.getCode());
            assertThat(items.findWithRange(Filter.where(Where.eq("group", group)).limit(4)).range().total()).isEqualTo(10);
            assertThat(items.find(Filter.empty().limit(0))).isEmpty();
        };
        calls.accept(0);
        calls.accept(1); // with an offset: one more shape
        org.hibernate.stat.Statistics statistics = sessionFactory.getStatistics();
        long hqlLookups = statistics.getQueryPlanCacheHitCount() + statistics.getQueryPlanCacheMissCount();
        long executions = statistics.getQueryExecutionCount();
        for (int round = 2; round < 10; round++) {
            calls.accept(round);
        }
        assertThat(statistics.getQueryPlanCacheHitCount() + statistics.getQueryPlanCacheMissCount())
                .as("Hibernate query objects created after the first round of each shape").isEqualTo(hqlLookups);
        // find, find by list, count, two existsWith, findById, a full range page and its count; limit 0 runs none
        assertThat(statistics.getQueryExecutionCount() - executions)
                .as("statements of rounds 2-9, still counted in Hibernate's statistics").isEqualTo(8 * 8);
    }
}
