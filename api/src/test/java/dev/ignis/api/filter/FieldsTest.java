package dev.ignis.api.filter;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class FieldsTest {

    @Test
    void allKeepsEverything() {
        assertThat(Fields.ALL.isAll()).isTrue();
        assertThat(Fields.ALL.keeps("anything")).isTrue();
    }

    @Test
    void onlyKeepsListedNames() {
        Fields f = Fields.only("id", "name");
        assertThat(f.isAll()).isFalse();
        assertThat(f.keeps("id")).isTrue();
        assertThat(f.keeps("name")).isTrue();
        assertThat(f.keeps("password")).isFalse();
    }

    @Test
    void exceptDropsListedNames() {
        Fields f = Fields.except("password");
        assertThat(f.isAll()).isFalse();
        assertThat(f.keeps("id")).isTrue();
        assertThat(f.keeps("password")).isFalse();
    }

    @Test
    void exclusionWinsOverInclusion() {
        Fields f = new Fields(Set.of("id", "password"), Set.of("password"));
        assertThat(f.keeps("id")).isTrue();
        assertThat(f.keeps("password")).isFalse();
        assertThat(f.keeps("other")).isFalse();
    }

    @Test
    void onlyFromListDeduplicatesAndEqualsVarargsForm() {
        assertThat(Fields.only(List.of("a", "b", "a"))).isEqualTo(Fields.only("a", "b"));
    }

    @Test
    void setsAreImmutableCopies() {
        java.util.Set<String> names = new java.util.HashSet<>(Set.of("a"));
        Fields f = new Fields(names, Set.of());
        names.add("b");
        assertThat(f.included()).containsExactly("a");
        assertThat(f.included()).isUnmodifiable();
    }

    @Test
    void filterFieldsShortcut() {
        assertThat(Filter.empty().fields("a", "b").fields()).isEqualTo(Fields.only("a", "b"));
    }
    @Test
    void varargsFactoriesAcceptDuplicatesLikeJson() {
        assertThatCode(() -> Fields.only("a", "a")).doesNotThrowAnyException();
        assertThatCode(() -> Fields.except("a", "a")).doesNotThrowAnyException();
        assertThat(Filter.empty().fields("a", "a")).isEqualTo(Filter.parse("{\"fields\":[\"a\",\"a\"]}"));
    }
}
