package dev.ignis.api.filter;

import dev.ignis.api.error.FilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name|name|ASC",
            "name ASC|name|ASC",
            "name asc|name|ASC",
            "name DESC|name|DESC",
            "name desc|name|DESC",
            "name dEsC|name|DESC",
            "'  createdAt   DESC  '|createdAt|DESC",
            "'a.b\tdesc'|a.b|DESC",
    })
    void parse(String text, String field, Direction direction) {
        Order o = Order.parse(text, "order");
        assertThat(o.field()).isEqualTo(field);
        assertThat(o.direction()).isEqualTo(direction);
    }

    @Test
    void directionIsAscByDefault() {
        assertThat(Order.parse("name", "order")).isEqualTo(Order.asc("name"));
        assertThat(new Order("name", null).direction()).isEqualTo(Direction.ASC);
    }

    @Test
    void unknownDirectionCarriesPathAndValidNames() {
        FilterException e = catchThrowableOfType(FilterException.class, () -> Order.parse("name SIDEWAYS", "order[3]"));
        assertThat(e.path()).isEqualTo("order[3]");
        assertThat(e.validNames()).containsExactly("ASC", "DESC");
        assertThat(e.getMessage()).contains("unknown sort direction 'SIDEWAYS'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b c", "name DESC extra"})
    void malformedOrderIsRejectedWithPath(String text) {
        FilterException e = catchThrowableOfType(FilterException.class, () -> Order.parse(text, "scope.order[0]"));
        assertThat(e.path()).isEqualTo("scope.order[0]");
        assertThat(e.getMessage()).contains("order must look like").contains("\"" + text + "\"");
    }

    @Test
    void nullTextIsRejected() {
        FilterException e = catchThrowableOfType(FilterException.class, () -> Order.parse(null, "order"));
        assertThat(e.path()).isEqualTo("order");
    }

    @Test
    void emptyOrNullFieldIsRejectedByTheConstructor() {
        assertThatThrownBy(() -> new Order("", Direction.ASC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.desc(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringParsesBack() {
        assertThat(Order.desc("createdAt").toString()).isEqualTo("createdAt DESC");
        assertThat(Order.asc("name").toString()).isEqualTo("name ASC");
        assertThat(Order.parse(Order.desc("x").toString(), "order")).isEqualTo(Order.desc("x"));
        assertThat(Order.parse(Order.asc("x").toString(), "order")).isEqualTo(Order.asc("x"));
    }

    @Test
    void equalityDependsOnFieldAndDirection() {
        assertThat(Order.asc("a")).isEqualTo(new Order("a", Direction.ASC)).isNotEqualTo(Order.desc("a")).isNotEqualTo(Order.asc("b"));
    }

    @Test
    void filterOrderBuilderReportsIndexInPath() {
        FilterException e = catchThrowableOfType(FilterException.class, () -> Filter.empty().order("a", "b sideways"));
        assertThat(e.path()).isEqualTo("order[1]");
        assertThat(Filter.empty().order("a", "b desc").order()).containsExactly(Order.asc("a"), Order.desc("b"));
    }

    @Test
    void filterOrderReplacesPreviousOrder() {
        assertThat(Filter.empty().order("a").order("b DESC").order()).containsExactly(Order.desc("b"));
    }
}
