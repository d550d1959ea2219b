package dev.ignis.metrics.dagger;

import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.engine.dagger.IgnisModule;
import dev.ignis.metrics.DataSourceMeters;
import dev.ignis.metrics.MicrometerQueryListener;
import dev.ignis.metrics.Owner;
import dev.ignis.metrics.TestDataSources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An application component that adds {@link MetricsModule} gets every query timed in its registry. */
class MetricsModuleTest {

    @Singleton
    @Component(modules = {IgnisModule.class, MetricsModule.class, TestModule.class})
    interface TestComponent {
        IgnisApplication app();

        @Component.Factory
        interface Factory {
            TestComponent create(@BindsInstance MeterRegistry registry);
        }
    }

    @Module
    abstract static class TestModule {
        @Provides
        @Singleton
        @Named("datasources.People")
        static IDataSource people() {
            return new TestDataSources.People("module-test");
        }

        @Binds
        @IntoMap
        @StringKey("datasources.People")
        abstract IDataSource peopleEntry(@Named("datasources.People") IDataSource dataSource);

        @Provides
        @IntoMap
        @StringKey("repositories.OwnerRepository")
        static Object owners(@Named("datasources.People") IDataSource dataSource) {
            return new CrudRepository<>(dataSource, Owner.class);
        }
    }

    @Test
    void theModuleRegistersTheListenerOnTheBoundRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (IgnisApplication app = DaggerMetricsModuleTest_TestComponent.factory().create(registry).app().start()) {
            @SuppressWarnings("unchecked")
            CrudRepository<Owner, String> owners = app.get("repositories.OwnerRepository", CrudRepository.class);
            owners.create(new Owner("m1", "Mia"));
            List<Owner> found = owners.find(Filter.where("name", "Mia"));
            assertThat(found).hasSize(1);
            assertThat(registry.get("hikaricp.connections").tag("pool", "People").gauge()).isNotNull();
            assertThat(registry.get(DataSourceMeters.QUERIES).tag("datasource", "People").functionCounter().count()).isPositive();
        }
        assertThat(registry.get(MicrometerQueryListener.STATEMENT_TIMER).tags("datasource", "People", "model", "Owner",
                "operation", "find", "strategy", "direct", "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get(MicrometerQueryListener.CALL_TIMER).tags("operation", "create", "outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.getMeters()).as("pool and Hibernate statistics meters went with the datasource")
                .noneMatch(m -> m.getId().getName().startsWith("hibernate."));
    }
}
