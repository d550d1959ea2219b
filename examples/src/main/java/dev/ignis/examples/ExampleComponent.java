package dev.ignis.examples;

import dagger.BindsInstance;
import dagger.Component;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.dagger.IgnisModule;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.repository.AuditEventRepository;
import dev.ignis.examples.repository.ConfigurationRepository;
import dev.ignis.examples.repository.UserRepository;
import dev.ignis.metrics.dagger.MetricsModule;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The example application: the seed's application API ({@link #app()}) next to typed accessors. {@link MetricsModule}
 * times every query in the bound {@link MeterRegistry}; the {@link QueryListener} also sees every statement.
 */
@Singleton
@Component(modules = {IgnisModule.class, MetricsModule.class, ExampleModule.class})
public interface ExampleComponent {
    IgnisApplication app();

    UserRepository users();

    ConfigurationRepository configurations();

    AuditEventRepository auditEvents();

    /** The last repository call's observations (the engine's calls and statements) as a tree. */
    TraceTree traces();

    @Component.Factory
    interface Factory {
        ExampleComponent create(@BindsInstance ExampleSettings settings, @BindsInstance QueryListener listener,
                                @BindsInstance MeterRegistry meterRegistry);
    }
}
