package dev.ignis.examples.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.examples.model.User;

public final class UserRepository extends CrudRepository<User, String> {
    public UserRepository(IDataSource coreDataSource) {
        super(coreDataSource, User.class);
    }
}
