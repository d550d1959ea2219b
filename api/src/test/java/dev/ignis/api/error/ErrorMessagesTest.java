package dev.ignis.api.error;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTest {

    @Test
    void unsupportedOperatorIsAFilterExceptionWithPath() {
        UnsupportedOperatorException e = new UnsupportedOperatorException("where.tags.overlaps", "overlaps", "h2", "no array type");
        assertThat(e).isInstanceOf(FilterException.class);
        assertThat(e.path()).isEqualTo("where.tags.overlaps");
        assertThat(e.operator()).isEqualTo("overlaps");
        assertThat(e.driver()).isEqualTo("h2");
        assertThat(e.getMessage())
                .isEqualTo("Invalid filter at 'where.tags.overlaps': operator 'overlaps' is not supported by driver h2: no array type");
    }

    @Test
    void unsupportedOperatorWithoutReasonHasNoTrailingColon() {
        assertThat(new UnsupportedOperatorException("p", "regexp", "mysql", null).getMessage()).endsWith("by driver mysql");
        assertThat(new UnsupportedOperatorException("p", "regexp", "mysql", "").getMessage()).endsWith("by driver mysql");
    }

    @Test
    void filterExceptionCopiesValidNames() {
        List<String> names = new ArrayList<>(List.of("a"));
        FilterException e = new FilterException("x", "bad", names);
        names.add("b");
        assertThat(e.validNames()).containsExactly("a");
        assertThat(e.getMessage()).endsWith("(valid: a)");
    }

    @Test
    void driverNotFoundListsDiscoveredDrivers() {
        DriverNotFoundException e = new DriverNotFoundException("main", "oracle", List.of("h2", "postgres"));
        assertThat(e.getMessage()).contains("DataSource main", "'oracle'", "discovered: h2, postgres");
        assertThat(e.driver()).isEqualTo("oracle");
        assertThat(e.discovered()).containsExactly("h2", "postgres");
        assertThat(new DriverNotFoundException("main", "oracle", List.of()).getMessage()).contains("discovered: none");
    }

    @Test
    void otherMessagesNameTheirSubject() {
        assertThat(new NotFoundException("Customer", 42L).getMessage()).isEqualTo("Customer with id '42' was not found");
        assertThat(new ConflictException("main", "23505", "duplicate key", null).getMessage())
                .contains("datasource main").contains("23505").contains("duplicate key");
        assertThat(new DataSourceUnavailableException("main", "timeout", null).getMessage())
                .isEqualTo("DataSource main is unavailable: timeout");
        assertThat(new ReadOnlyModelException("Report", "delete").getMessage()).contains("Report", "VIEW", "delete");
        assertThat(new WriteGuardException("Customer", "deleteAll").getMessage()).contains("deleteAll on Customer", "force");
    }

    @Test
    void everyLibraryErrorIsAnIgnisException() {
        assertThat(List.of(new DataSourceConfigException("x"), new ModelException("x"), new TransactionException("x"),
                new FilterException("p", "x"), new NotFoundException("M", 1)))
                .allMatch(e -> e instanceof IgnisException && e instanceof RuntimeException);
    }
}
