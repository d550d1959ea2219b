package dev.ignis.metrics.dagger;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.ignis.engine.EngineCustomizer;
import dev.ignis.metrics.DataSourceMeters;
import dev.ignis.metrics.MicrometerQueryListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Times every statement and repository call of the engine in the component's {@link MeterRegistry}: add this
 * module next to {@code dev.ignis.engine.dagger.IgnisModule} and bind a registry, e.g.
 * <pre>{@code
 * @Component(modules = {IgnisModule.class, MetricsModule.class, AppModule.class})
 * interface AppComponent {
 *     @Component.Factory interface Factory { AppComponent create(@BindsInstance MeterRegistry registry); }
 * }
 * }</pre>
 * It contributes one {@link EngineCustomizer} to the engine's set, which registers on that registry a
 * {@link MicrometerQueryListener} (meters {@value MicrometerQueryListener#STATEMENT_TIMER},
 * {@value MicrometerQueryListener#CALL_TIMER} and {@value MicrometerQueryListener#STATEMENTS_PER_CALL}) and a
 * {@link DataSourceMeters} (each datasource's HikariCP pool, {@code hikaricp.*}, and Hibernate statistics,
 * {@code hibernate.*}).
 */
@Module
public abstract class MetricsModule {
    private MetricsModule() {
    }

    @Provides
    @IntoSet
    static EngineCustomizer micrometer(MeterRegistry registry) {
        MicrometerQueryListener listener = new MicrometerQueryListener(registry);
        DataSourceMeters dataSources = new DataSourceMeters(registry);
        return builder -> builder.listener(listener).observer(dataSources);
    }
}
