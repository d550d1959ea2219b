package dev.ignis.examples.http;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.error.ReadOnlyModelException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.error.WriteGuardException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer: a status and {@code {"error": {"statusCode", "name", "message", ...}}}. Filter errors add
 * {@code path} and {@code validNames}. Never a stack trace: errors the client cannot act on (a broken
 * configuration, a bug) answer 500 with a generic message, and the details go to the server's log.
 */
record HttpError(int status, Map<String, Object> body) {

    static HttpError of(int status, String message) {
        return of(status, statusName(status), message, Map.of());
    }

    static HttpError of(int status, String name, String message, Map<String, Object> extra) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("statusCode", status);
        error.put("name", name);
        error.put("message", message);
        error.putAll(extra);
        return new HttpError(status, Map.of("error", error));
    }

    /** Maps an exception from a repository call; {@link #isServerFault()} says whether to log it. */
    static HttpError from(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof MalformedRequest) {
            return of(400, "BadRequest", e.getMessage(), Map.of());
        }
        if (e instanceof UnsupportedOperatorException u) {
            Map<String, Object> extra = filterDetails(u);
            extra.put("operator", u.operator());
            extra.put("driver", u.driver());
            return of(400, name, u.getMessage(), extra);
        }
        if (e instanceof FilterException f) {
            return of(400, name, f.getMessage(), filterDetails(f));
        }
        if (e instanceof NotFoundException n) {
            return of(404, name, n.getMessage(), Map.of());
        }
        if (e instanceof ConflictException c) {
            return of(409, name, c.getMessage(), Map.of());
        }
        if (e instanceof DataSourceUnavailableException d) {
            return of(503, name, "DataSource " + d.dataSource() + " is unavailable", Map.of());
        }
        if (e instanceof WriteGuardException) {
            return of(400, name, e.getMessage(), Map.of());
        }
        if (e instanceof ReadOnlyModelException) {
            return of(405, name, e.getMessage(), Map.of());
        }
        if (e instanceof TransactionException || e instanceof IgnisException) {
            return of(500, name, "Internal server error", Map.of());
        }
        return of(500, "InternalServerError", "Internal server error", Map.of());
    }

    /** A request the server cannot read (a query or path with broken percent-encoding): 400. */
    static final class MalformedRequest extends RuntimeException {
        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    boolean isServerFault() {
        return status >= 500;
    }

    private static Map<String, Object> filterDetails(FilterException f) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("path", f.path());
        extra.put("validNames", List.copyOf(f.validNames()));
        return extra;
    }

    private static String statusName(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            default -> "Error";
        };
    }
}
