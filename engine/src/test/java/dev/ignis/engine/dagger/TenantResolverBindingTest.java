package dev.ignis.engine.dagger;

import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.IntoSet;
import dagger.multibindings.StringKey;
import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.TenantException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.model.TenantResolver;
import dev.ignis.api.model.Tenants;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.EngineCustomizer;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@link TenantResolver} bound in an application's component reaches the engine {@link IgnisModule} builds: calls on
 * tenant models are limited to the tenant it answers, asked on every call; with none bound, they are refused.
 */
class TenantResolverBindingTest {

    /** Where an application keeps the current request's tenant; the bound resolver reads it on every call. */
    static final class RequestTenant {
        final AtomicReference<String> current = new AtomicReference<>();
        final AtomicInteger asked = new AtomicInteger();
    }

    /** Counts the statements the engine runs. */
    static final class Statements implements QueryListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onStatement(StatementEvent event) {
            count.incrementAndGet();
        }
    }

    @Singleton
    @Component(modules = {IgnisModule.class, StoreModule.class, ResolverModule.class})
    interface WithResolver {
        IgnisApplication app();

        @Component.Factory
        interface Factory {
            WithResolver create(@BindsInstance RequestTenant tenant, @BindsInstance Statements statements,
                                @BindsInstance @Named("h2.database") String database);
        }
    }

    @Singleton
    @Component(modules = {IgnisModule.class, StoreModule.class})
    interface WithoutResolver {
        IgnisApplication app();

        @Component.Factory
        interface Factory {
            WithoutResolver create(@BindsInstance Statements statements, @BindsInstance @Named("h2.database") String database);
        }
    }

    @Module
    abstract static class ResolverModule {
        @Provides
        static TenantResolver resolver(RequestTenant tenant) {
            return () -> {
                tenant.asked.incrementAndGet();
                return Optional.ofNullable(tenant.current.get());
            };
        }
    }

    @Module
    abstract static class StoreModule {
        @Provides
        @Singleton
        @Named("datasources.Store")
        static IDataSource store(@Named("h2.database") String database) {
            return new BaseDataSource(DataSourceConfig.named("Store").driver("test-h2").url("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                    .schemaAction(SchemaAction.CREATE).models(Ledger.class, Item.class)) {
            };
        }

        @Binds
        @IntoMap
        @StringKey("datasources.Store")
        abstract IDataSource storeEntry(@Named("datasources.Store") IDataSource dataSource);

        @Provides
        @IntoMap
        @StringKey("repositories.LedgerRepository")
        static Object ledgers(@Named("datasources.Store") IDataSource dataSource) {
            return new CrudRepository<>(dataSource, Ledger.class);
        }

        @Provides
        @IntoMap
        @StringKey("repositories.ItemRepository")
        static Object items(@Named("datasources.Store") IDataSource dataSource) {
            return new CrudRepository<>(dataSource, Item.class);
        }

        @Provides
        @IntoSet
        static EngineCustomizer drivers(Statements statements) {
            return builder -> builder.drivers(new TestH2Driver()).listener(statements);
        }
    }

    @SuppressWarnings("unchecked")
    private static CrudRepository<Ledger, String> ledgers(IgnisApplication app) {
        return app.get("repositories.LedgerRepository", CrudRepository.class);
    }

    private static List<String> ids(List<Ledger> rows) {
        return rows.stream().map(Ledger::getId).sorted().toList();
    }

    @Test
    void theBoundResolverScopesEveryCallToTheTenantItAnswers() {
        RequestTenant tenant = new RequestTenant();
        Statements statements = new Statements();
        try (IgnisApplication app = DaggerTenantResolverBindingTest_WithResolver.factory().create(tenant, statements, "dagger-tenants")
                .app().start()) {
            CrudRepository<Ledger, String> ledgers = ledgers(app);
            tenant.current.set("acme");
            ledgers.createAll(List.of(new Ledger("a1", "rent"), new Ledger("a2", "coffee")));
            tenant.current.set("globex");
            ledgers.create(new Ledger("g1", "rent"));

            int askedBefore = tenant.asked.get();
            assertThat(ids(ledgers.find(Filter.where("entry", "rent")))).containsExactly("g1");
            assertThat(ledgers.count()).isEqualTo(1);
            assertThat(tenant.asked.get() - askedBefore).as("asked once per call").isEqualTo(2);
            tenant.current.set("acme");
            assertThat(ids(ledgers.find())).containsExactly("a1", "a2");
            assertThat(ledgers.find()).allSatisfy(row -> assertThat(row.getTenantId()).isEqualTo("acme"));
            assertThat(ledgers.findById("g1")).as("another tenant's row").isEmpty();
            assertThat(Tenants.run("globex", () -> ids(ledgers.find()))).as("the scoped override wins").containsExactly("g1");

            tenant.current.set(null);
            int before = statements.count.get();
            assertThatThrownBy(ledgers::find).isInstanceOf(TenantException.class).hasMessageContaining("Ledger");
            assertThat(statements.count.get() - before).isZero();
        }
    }

    @Test
    void withNoResolverBoundTenantModelsAreDeniedAndOthersWork() {
        Statements statements = new Statements();
        try (IgnisApplication app = DaggerTenantResolverBindingTest_WithoutResolver.factory().create(statements, "dagger-no-tenants")
                .app().start()) {
            CrudRepository<Ledger, String> ledgers = ledgers(app);
            int before = statements.count.get();
            assertThatThrownBy(ledgers::find).isInstanceOf(TenantException.class).hasMessageContaining("no current tenant");
            assertThatThrownBy(() -> ledgers.create(new Ledger("x1", "rent"))).isInstanceOf(TenantException.class);
            assertThatThrownBy(ledgers::count).isInstanceOf(TenantException.class);
            assertThat(statements.count.get() - before).as("refused before any statement").isZero();
            // only Tenants.run (or the greppable bypass) reaches them
            assertThat(Tenants.run("acme", () -> ledgers.create(new Ledger("a1", "rent")).count())).isEqualTo(1);
            assertThat(Tenants.all(() -> ledgers.count())).isEqualTo(1);
            @SuppressWarnings("unchecked")
            CrudRepository<Item, String> items = app.get("repositories.ItemRepository", CrudRepository.class);
            assertThat(items.count()).as("a model without a tenant needs none").isZero();
        }
    }
}
