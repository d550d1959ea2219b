package dev.ignis.examples.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.examples.model.Configuration;

public final class ConfigurationRepository extends CrudRepository<Configuration, String> {
    public ConfigurationRepository(IDataSource coreDataSource) {
        super(coreDataSource, Configuration.class);
    }
}
