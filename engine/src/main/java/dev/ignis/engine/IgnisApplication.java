package dev.ignis.engine;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.ViewRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The seed's application: datasources and repositories registered under keys ({@code datasources.CoreDataSource},
 * {@code repositories.ConfigurationRepository}), looked up with {@link #get(String)}, started and closed together.
 * Built by Dagger from map multibindings ({@code IgnisModule}), or by {@link #builder()} without Dagger; both run
 * the same {@link Engine}.
 */
public final class IgnisApplication implements AutoCloseable {
    public static final String DATASOURCES = "datasources.";
    public static final String REPOSITORIES = "repositories.";

    private final Engine engine;
    private final Map<String, Supplier<?>> bindings;

    public IgnisApplication(Engine engine, Map<String, ? extends Supplier<?>> bindings) {
        this.engine = engine;
        this.bindings = new LinkedHashMap<>(bindings);
        for (IDataSource ds : engine.dataSources()) {
            this.bindings.putIfAbsent(DATASOURCES + ds.name(), () -> ds);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every datasource in parallel. Repositories are created first, so that datasources without a model
     * list learn their models from the repositories bound to them. If a datasource fails, the started ones are
     * closed and the failure names it.
     */
    public IgnisApplication start() {
        bindings.forEach((key, binding) -> {
            if (key.startsWith(REPOSITORIES)) {
                binding.get();
            }
        });
        engine.start();
        return this;
    }

    /** The binding under {@code key}; throws with the keys that exist when there is none. */
    public Object get(String key) {
        Supplier<?> binding = bindings.get(key);
        if (binding == null) {
            throw new IllegalArgumentException("No binding for key '" + key + "'; keys: " + String.join(", ", new TreeSet<>(bindings.keySet())));
        }
        return binding.get();
    }

    public <T> T get(String key, Class<T> type) {
        Object value = get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Binding '" + key + "' is a " + value.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    public List<String> keys() {
        return List.copyOf(new TreeSet<>(bindings.keySet()));
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Registers datasources and repositories without Dagger; keys follow the class and datasource names. */
    public static final class Builder {
        private final Engine.Builder engine = Engine.builder();
        private final Map<String, Supplier<?>> bindings = new LinkedHashMap<>();

        private Builder() {
        }

        /** The seed's {@code app.dataSource(...)}: bound as {@code datasources.<name>}. */
        public Builder dataSource(IDataSource dataSource) {
            engine.dataSource(dataSource);
            bindings.put(DATASOURCES + dataSource.name(), () -> dataSource);
            return this;
        }

        /** The seed's {@code app.repository(...)}: bound as {@code repositories.<SimpleClassName>}. */
        public Builder repository(ViewRepository<?, ?> repository) {
            String key = REPOSITORIES + repository.getClass().getSimpleName();
            if (bindings.putIfAbsent(key, () -> repository) != null) {
                throw new IllegalArgumentException("Two repositories are bound as '" + key + "'");
            }
            return this;
        }

        /** Any other engine setting. */
        public Builder engine(EngineCustomizer customizer) {
            customizer.customize(engine);
            return this;
        }

        public IgnisApplication build() {
            return new IgnisApplication(engine.build(), bindings);
        }
    }
}
