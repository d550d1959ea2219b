package dev.ignis.engine.dagger;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.model.CurrentUser;
import dev.ignis.api.model.TenantResolver;
import dev.ignis.engine.Engine;
import dev.ignis.engine.EngineCustomizer;
import dev.ignis.engine.IgnisApplication;
import io.micrometer.observation.ObservationRegistry;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What an application component needs besides its own datasources and repositories: the engine and the
 * application object. Bind datasources into {@code Map<String, IDataSource>} and repositories into
 * {@code Map<String, Object>}, keyed as the seed keys them:
 * <pre>{@code
 * @Binds @IntoMap @StringKey("datasources.CoreDataSource") abstract IDataSource core(CoreDataSource ds);
 * @Binds @IntoMap @StringKey("repositories.ConfigurationRepository") abstract Object configurations(ConfigurationRepository r);
 * }</pre>
 * Optionally bind a {@link CurrentUser} (audit columns), a {@link TenantResolver} (tenant models), an
 * {@link ObservationRegistry} (each call and statement observed, e.g. traced) and contribute {@link EngineCustomizer}s into a set.
 */
@Module
public abstract class IgnisModule {
    private IgnisModule() {
    }

    @Multibinds
    abstract Map<String, IDataSource> dataSources();

    @Multibinds
    abstract Map<String, Object> repositories();

    @Multibinds
    abstract Set<EngineCustomizer> customizers();

    @BindsOptionalOf
    abstract CurrentUser currentUser();

    @BindsOptionalOf
    abstract TenantResolver tenantResolver();

    @BindsOptionalOf
    abstract ObservationRegistry observationRegistry();

    @Provides
    @Singleton
    static Engine engine(Map<String, IDataSource> dataSources, Set<EngineCustomizer> customizers, Optional<CurrentUser> currentUser,
                         Optional<TenantResolver> tenantResolver, Optional<ObservationRegistry> observationRegistry) {
        Engine.Builder builder = Engine.builder();
        dataSources.forEach((key, ds) -> {
            if (!key.equals(IgnisApplication.DATASOURCES + ds.name())) {
                throw new IllegalArgumentException("DataSource " + ds.name() + " is bound as '" + key + "'; bind it as '"
                        + IgnisApplication.DATASOURCES + ds.name() + "'");
            }
            builder.dataSource(ds);
        });
        currentUser.ifPresent(builder::currentUser);
        tenantResolver.ifPresent(builder::tenantResolver);
        observationRegistry.ifPresent(builder::observationRegistry);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Provides
    @Singleton
    static IgnisApplication application(Engine engine, Map<String, Provider<IDataSource>> dataSources,
                                        Map<String, Provider<Object>> repositories) {
        Map<String, Supplier<?>> bindings = new LinkedHashMap<>();
        dataSources.forEach((key, provider) -> bindings.put(key, provider::get));
        repositories.forEach((key, provider) -> {
            if (!key.startsWith(IgnisApplication.REPOSITORIES)) {
                throw new IllegalArgumentException("Repository binding '" + key + "' must start with '" + IgnisApplication.REPOSITORIES + "'");
            }
            bindings.put(key, provider::get);
        });
        return new IgnisApplication(engine, bindings);
    }
}
