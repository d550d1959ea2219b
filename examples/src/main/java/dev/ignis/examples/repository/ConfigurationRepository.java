package dev.ignis.examples.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.examples.model.Configuration;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Singleton
public final class ConfigurationRepository extends CrudRepository<Configuration, String> {
    @Inject
    public ConfigurationRepository(@Named("datasources.CoreDataSource") IDataSource coreDataSource) {
        super(coreDataSource, Configuration.class);
    }
}
