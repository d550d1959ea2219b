package dev.ignis.api.model;

import java.util.Optional;

/**
 * Who is writing: fills {@code createdBy}/{@code modifiedBy} of models with {@link UserAuditColumns}.
 * The application supplies it to the engine (for example from a request-scoped holder).
 */
@FunctionalInterface
public interface CurrentUser {
    CurrentUser ANONYMOUS = Optional::empty;

    Optional<String> id();
}
