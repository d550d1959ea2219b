package dev.ignis.engine.smoke;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineSmokeTest {
    static final class Db extends BaseDataSource {
        Db() {
            super(DataSourceConfig.named("SmokeDb").driver("test-h2").database("smoke").schemaAction(SchemaAction.CREATE)
                    .hibernateSetting("hibernate.generate_statistics", "true").models(Item.class));
        }
    }

    Engine engine;
    CrudRepository<Item, String> items;
    org.hibernate.SessionFactory sessionFactory;

    @BeforeAll
    void start() {
        Db db = new Db();
        engine = Engine.builder().drivers(new TestH2Driver()).dataSource(db).currentUser(() -> Optional.of("u1"))
                .observer((name, pool, factory) -> sessionFactory = factory).build().start();
        items = new CrudRepository<>(db, Item.class);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Test
    void perDataSourceHibernateSettingsWinAndObserversSeeTheSessionFactory() {
        assertThat(sessionFactory).isNotNull();
        assertThat(sessionFactory.getStatistics().isStatisticsEnabled()).isTrue();
    }

    @Test
    void createFindUpdateDelete() {
        Item a = new Item("a", "g1", 1);
        a.setSecret("s");
        items.createAll(List.of(a, new Item("b", "g1", 2), new Item("c", "g2", null)));
        assertThat(items.count()).isEqualTo(3);
        List<Item> g1 = items.find(Filter.parse("{\"where\":{\"group\":\"g1\"},\"order\":\"qty DESC\"}"));
        assertThat(g1).extracting(Item::getCode).containsExactly("b", "a");
        assertThat(g1).allSatisfy(i -> assertThat(i.getSecret()).isNull());
        assertThat(g1.get(0).getTz().getCreatedAt()).isNotNull();
        assertThat(g1.get(0).getAudit().getCreatedBy()).isEqualTo("u1");
        assertThat(items.find(Filter.where(Where.of("code", dev.ignis.api.filter.Operator.REGEXP, "^[ab]$")))).hasSize(2);
        assertThat(items.find(Filter.where(Where.ilike("code", "A")))).hasSize(1);
        assertThat(items.find(Filter.empty().order("qty ASC"))).extracting(Item::getCode).containsExactly("a", "b", "c");
        assertThat(items.updateAll(Map.of("qty", 5), Where.eq("group", "g1")).count()).isEqualTo(2);
        assertThat(items.find(Filter.where("qty", 5))).hasSize(2);
        assertThat(items.findWithRange(Filter.empty().limit(2)).range().total()).isEqualTo(3);
        assertThatThrownBy(() -> items.find(Filter.where("nope", 1))).isInstanceOf(FilterException.class).hasMessageContaining("code");
        assertThat(items.deleteAll(Where.eq("group", "g2")).count()).isEqualTo(1);
        assertThat(items.count()).isEqualTo(2);
    }
}
