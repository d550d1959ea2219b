package dev.ignis.metrics.dagger;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.ignis.engine.EngineCustomizer;
import dev.ignis.metrics.DataSourceMeters;
import dev.ignis.metrics.Histograms;
import dev.ignis.metrics.MicrometerQueryListener;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;

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
 * The timers publish no buckets unless the component binds {@link Histograms}, e.g.
 * {@code @Provides static Histograms histograms() { return Histograms.percentiles(); }}.
 */
@Module
public abstract class MetricsModule {
    private MetricsModule() {
    }

    @BindsOptionalOf
    abstract Histograms histograms();

    @Provides
    @IntoSet
    static EngineCustomizer micrometer(MeterRegistry registry, Optional<Histograms> histograms) {
        MicrometerQueryListener listener = new MicrometerQueryListener(registry, histograms.orElse(Histograms.OFF));
        DataSourceMeters dataSources = new DataSourceMeters(registry);
        return builder -> builder.listener(listener).observer(dataSources);
    }
}
