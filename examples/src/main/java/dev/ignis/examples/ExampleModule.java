package dev.ignis.examples;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.IntoSet;
import dagger.multibindings.StringKey;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.model.CurrentUser;
import dev.ignis.engine.EngineCustomizer;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.examples.datasource.AuditDataSource;
import dev.ignis.examples.datasource.CoreDataSource;
import dev.ignis.examples.repository.AuditEventRepository;
import dev.ignis.examples.repository.ConfigurationRepository;
import dev.ignis.examples.repository.UserRepository;
import io.micrometer.observation.ObservationRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The example's registrations: the seed's {@code app.dataSource(...)} and {@code app.repository(...)} as Dagger bindings. */
@Module
abstract class ExampleModule {
    private ExampleModule() {
    }

    @Binds
    @IntoMap
    @StringKey("datasources.CoreDataSource")
    abstract IDataSource coreEntry(CoreDataSource dataSource);

    @Binds
    @Named("datasources.CoreDataSource")
    abstract IDataSource core(CoreDataSource dataSource);

    @Binds
    @IntoMap
    @StringKey("datasources.AuditDataSource")
    abstract IDataSource auditEntry(AuditDataSource dataSource);

    @Binds
    @Named("datasources.AuditDataSource")
    abstract IDataSource audit(AuditDataSource dataSource);

    @Binds
    @IntoMap
    @StringKey("repositories.UserRepository")
    abstract Object users(UserRepository repository);

    @Binds
    @IntoMap
    @StringKey("repositories.ConfigurationRepository")
    abstract Object configurations(ConfigurationRepository repository);

    @Binds
    @IntoMap
    @StringKey("repositories.AuditEventRepository")
    abstract Object auditEvents(AuditEventRepository repository);

    /** Who writes: fills the audit columns of models that have them. */
    @Provides
    static CurrentUser currentUser() {
        return () -> Optional.of("example");
    }

    /** Keeps the last call's observations as a tree, to print its trace. */
    @Provides
    @Singleton
    static TraceTree traces() {
        return new TraceTree();
    }

    /** Each call and statement observed (IgnisModule hands this registry to the engine), into the trace tree. */
    @Provides
    @Singleton
    static ObservationRegistry observations(TraceTree traces) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(traces);
        return registry;
    }

    @Provides
    @IntoSet
    static EngineCustomizer statementLog(QueryListener listener) {
        return builder -> builder.listener(listener);
    }
}
