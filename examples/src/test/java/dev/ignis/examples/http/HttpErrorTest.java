package dev.ignis.examples.http;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.error.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorTest {

    @Test
    void filterErrorsAre400WithTheirPathAndValidNames() {
        HttpError error = HttpError.from(new FilterException("where.nope", "unknown property 'nope'", List.of("code", "group")));
        assertThat(error.status()).isEqualTo(400);
        assertThat(body(error)).containsEntry("name", "FilterException").containsEntry("path", "where.nope")
                .containsEntry("validNames", List.of("code", "group")).containsEntry("statusCode", 400);

        HttpError unsupported = HttpError.from(new UnsupportedOperatorException("where.tags.contains", "contains", "h2", null));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(body(unsupported)).containsEntry("operator", "contains").containsEntry("driver", "h2")
                .containsEntry("path", "where.tags.contains").containsEntry("validNames", List.of());
    }

    @Test
    void otherLibraryErrorsMapToTheirStatus() {
        assertThat(HttpError.from(new NotFoundException("User", "u1")).status()).isEqualTo(404);
        assertThat(HttpError.from(new ConflictException("CoreDataSource", "23505", "duplicate key", null)).status()).isEqualTo(409);

        HttpError unavailable = HttpError.from(new DataSourceUnavailableException("CoreDataSource",
                "Connection refused to 10.0.0.7:5432 as app", new SQLException("refused")));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(body(unavailable).get("message")).as("no host or user in the answer").isEqualTo("DataSource CoreDataSource is unavailable");
    }

    @Test
    void whatTheClientCannotFixIs500WithoutDetails() {
        HttpError model = HttpError.from(new ModelException("Model User declares secret column at jdbc:postgresql://db/app"));
        assertThat(model.status()).isEqualTo(500);
        assertThat(model.isServerFault()).isTrue();
        assertThat(body(model).get("message")).isEqualTo("Internal server error");

        HttpError bug = HttpError.from(new NullPointerException("x is null"));
        assertThat(bug.status()).isEqualTo(500);
        assertThat(body(bug)).containsEntry("name", "InternalServerError").containsEntry("message", "Internal server error");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpError error) {
        return (Map<String, Object>) error.body().get("error");
    }
}
