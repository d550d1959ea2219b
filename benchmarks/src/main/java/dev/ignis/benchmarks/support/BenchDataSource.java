package dev.ignis.benchmarks.support;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;

/** A datasource as an application declares one, for any of the benchmark databases. */
public final class BenchDataSource extends BaseDataSource {
    public BenchDataSource(DataSourceConfig.Builder config) {
        super(config);
    }

    public static BenchDataSource of(String name, Db db, String url, SchemaAction action, Class<?>... models) {
        return new BenchDataSource(DataSourceConfig.named(name).driver(db.driverName()).url(url).user(db.user())
                .password(db.password()).schemaAction(action).models(models));
    }

    public static BenchDataSource of(String name, Db db, SchemaAction action, Class<?>... models) {
        return of(name, db, db.url(), action, models);
    }

    /** Starts an engine over these datasources (drivers found with ServiceLoader, as applications do). */
    public static Engine start(QueryListener listener, BenchDataSource... dataSources) {
        Engine.Builder builder = Engine.builder().dataSources(dataSources);
        if (listener != null) {
            builder.listener(listener);
        }
        return builder.build().start();
    }

    public <E> CrudRepository<E, String> repository(Class<E> model) {
        return new CrudRepository<>(this, model);
    }

    /** Scenario 1's filter, typed. */
    public static Filter pageFilter() {
        return Filter.where("group", Dataset.QUERY_GROUP).order("code ASC").limit(Dataset.PAGE).include("creator", "modifier");
    }

    /** Scenario 1's filter as a REST client would send it. */
    public static final String PAGE_FILTER_JSON = "{\"where\":{\"group\":\"" + Dataset.QUERY_GROUP + "\"},\"order\":[\"code ASC\"],"
            + "\"limit\":" + Dataset.PAGE + ",\"include\":[{\"relation\":\"creator\"},{\"relation\":\"modifier\"}]}";
}
