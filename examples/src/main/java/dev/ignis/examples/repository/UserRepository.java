package dev.ignis.examples.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.examples.model.User;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Singleton
public final class UserRepository extends CrudRepository<User, String> {
    @Inject
    public UserRepository(@Named("datasources.CoreDataSource") IDataSource coreDataSource) {
        super(coreDataSource, User.class);
    }
}
