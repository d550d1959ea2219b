package dev.ignis.api.datasource;

import dev.ignis.api.error.ModelException;
import dev.ignis.api.runtime.DataSourceRuntime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Base of application datasources: give it a configuration, register it with the engine, bind repositories to it.
 * <pre>{@code
 * public final class PostgresDataSource extends BaseDataSource {
 *     public PostgresDataSource(Settings env) {
 *         super(DataSourceConfig.named("PostgresDataSource").driver("postgres").url(env.url())
 *                 .models(User.class, Configuration.class));
 *     }
 * }
 * }</pre>
 */
public abstract non-sealed class BaseDataSource implements IDataSource {
    private final DataSourceConfig config;
    private final Set<Class<?>> declaredModels = new LinkedHashSet<>();
    private volatile DataSourceRuntime runtime;

    protected BaseDataSource(DataSourceConfig config) {
        this.config = config;
    }

    protected BaseDataSource(DataSourceConfig.Builder config) {
        this(config.build());
    }

    @Override
    public final String name() {
        return config.name();
    }

    @Override
    public final String driver() {
        return config.driver();
    }

    @Override
    public final DataSourceConfig config() {
        return config;
    }

    @Override
    public final synchronized List<Class<?>> models() {
        if (!config.models().isEmpty()) {
            return config.models();
        }
        return List.copyOf(declaredModels);
    }

    @Override
    public final synchronized void declareModel(Class<?> model) {
        if (runtime == null) {
            declaredModels.add(model);
        } else if (!runtime.owns(model)) {
            throw new ModelException("Model " + model.getName() + " is not owned by datasource " + name()
                    + ", which has already started; list it in the datasource's models");
        }
    }

    @Override
    public final <T> T transaction(IsolationLevel isolation, TransactionCallback<T> work) {
        return runtime().transaction(isolation, work);
    }

    @Override
    public final boolean isStarted() {
        return runtime != null;
    }

    @Override
    public final DataSourceRuntime runtime() {
        DataSourceRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("DataSource " + name() + " has not been started; register it with the engine and start it");
        }
        return current;
    }

    /** Called by the engine once the datasource's pool and session factory are up. */
    public final synchronized void attach(DataSourceRuntime started) {
        if (runtime != null && runtime != started) {
            throw new IllegalStateException("DataSource " + name() + " is already started by another engine");
        }
        this.runtime = started;
    }

    @Override
    public final void close() {
        DataSourceRuntime current;
        synchronized (this) {
            current = runtime;
            runtime = null;
        }
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        models().forEach(m -> names.add(m.getSimpleName()));
        return getClass().getSimpleName() + "{" + name() + ", driver=" + driver() + ", models=" + names + "}";
    }
}
