package dev.ignis.engine.internal.boot;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.engine.Engine;
import dev.ignis.engine.include.Tag;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.internal.BootstrapServiceRegistryImpl;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.ServiceRegistry;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The datasources of one engine stand on one Hibernate bootstrap registry, which lives exactly as long as the engine. */
class SharedBootstrapTest {

    private static BaseDataSource dataSource(String name, Class<?> model) {
        return new BaseDataSource(DataSourceConfig.named(name).driver("test-h2").database("shared-bootstrap-" + name)
                .schemaAction(SchemaAction.CREATE).models(model)) {
        };
    }

    private static BootstrapServiceRegistryImpl bootstrapOf(SessionFactory factory) {
        ServiceRegistry registry = ((SessionFactoryImplementor) factory).getServiceRegistry();
        while (registry.getParentServiceRegistry() != null) {
            registry = registry.getParentServiceRegistry();
        }
        return (BootstrapServiceRegistryImpl) registry;
    }

    @Test
    void oneRegistryPerEngineClosedWithIt() {
        Map<String, SessionFactory> factories = new HashMap<>();
        Engine first = Engine.builder().drivers(new TestH2Driver())
                .dataSource(dataSource("Items", Item.class)).dataSource(dataSource("Tags", Tag.class))
                .observer((name, pool, factory) -> factories.put(name, factory)).build().start();
        BootstrapServiceRegistryImpl shared = bootstrapOf(factories.get("Items"));
        assertThat(bootstrapOf(factories.get("Tags"))).as("both datasources stand on one registry").isSameAs(shared);

        Engine second = Engine.builder().drivers(new TestH2Driver()).dataSource(dataSource("Other", Item.class))
                .observer((name, pool, factory) -> factories.put(name, factory)).build().start();
        try {
            assertThat(bootstrapOf(factories.get("Other"))).as("another engine has its own").isNotSameAs(shared);
            first.close();
            assertThat(shared.isActive()).as("closed with its engine").isFalse();
            assertThat(bootstrapOf(factories.get("Other")).isActive()).as("the other engine's is untouched").isTrue();
        } finally {
            second.close();
        }
        assertThat(bootstrapOf(factories.get("Other")).isActive()).isFalse();
    }
}
