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
import jakarta.inject.Named;

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

    @Provides
    @IntoSet
    static EngineCustomizer statementLog(QueryListener listener) {
        return builder -> builder.listener(listener);
    }
}
