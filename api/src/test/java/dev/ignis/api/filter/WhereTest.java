package dev.ignis.api.filter;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhereTest {
    private final Where a = Where.eq("a", 1L);
    private final Where b = Where.gt("b", 2L);
    private final Where c = Where.like("c", "x%");

    @Nested
    class IsEmpty {
        @Test
        void emptyAndIsEmpty() {
            assertThat(Where.empty().isEmpty()).isTrue();
            assertThat(new Where.And(List.of()).isEmpty()).isTrue();
            assertThat(Where.and().isEmpty()).isTrue();
        }

        @Test
        void emptyOrIsNotEmptyBecauseItMatchesNothing() {
            assertThat(Where.or().isEmpty()).isFalse();
        }

        @Test
        void conditionsAndNonEmptyAndsAreNotEmpty() {
            assertThat(a.isEmpty()).isFalse();
            assertThat(new Where.And(List.of(a)).isEmpty()).isFalse();
            assertThat(new Where.And(List.of(Where.empty())).isEmpty()).as("an And holding only an empty And").isFalse();
            assertThat(Where.isNull("x").isEmpty()).isFalse();
        }
    }

    @Nested
    class And {
        @Test
        void emptySidesVanish() {
            assertThat(Where.empty().and(a)).isSameAs(a);
            assertThat(a.and(Where.empty())).isSameAs(a);
            assertThat(a.and((Where) null)).isSameAs(a);
            assertThat(Where.empty().and(Where.empty()).isEmpty()).isTrue();
            assertThat(Where.empty().and((Where) null).isEmpty()).isTrue();
        }

        @Test
        void twoConditionsMakeAnAnd() {
            Where w = a.and(b);
            assertThat(w).isInstanceOf(Where.And.class);
            assertThat(((Where.And) w).items()).containsExactly(a, b);
        }

        @Test
        void andOnAnAndIsFlattened() {
            Where ab = a.and(b);
            Where abc = ab.and(c);
            assertThat(((Where.And) abc).items()).containsExactly(a, b, c);
            assertThat(abc).isEqualTo(Where.and(a, b, c));
            assertThat(((Where.And) ab).items()).as("original untouched").containsExactly(a, b);
        }

        @Test
        void orIsNotFlattenedIntoAnd() {
            Where or = Where.or(a, b);
            Where w = or.and(c);
            assertThat(w).isEqualTo(Where.and(or, c));
        }

        @Test
        void emptyOrDoesNotVanish() {
            Where w = a.and(Where.or());
            assertThat(w).isEqualTo(Where.and(a, Where.or()));
        }

        @Test
        void filterAndUsesTheSameSemantics() {
            Filter f = Filter.empty().and(a).and(Where.empty()).and(b).and(c);
            assertThat(f.where()).isEqualTo(Where.and(a, b, c));
            assertThat(Filter.where(a).where()).isSameAs(a);
        }

        @Test
        void andAndOrCopyTheirItems() {
            List<Where> items = new ArrayList<>(List.of(a, b));
            Where.And and = new Where.And(items);
            Where.Or or = new Where.Or(items);
            items.add(c);
            assertThat(and.items()).containsExactly(a, b);
            assertThat(or.items()).containsExactly(a, b);
            assertThatThrownBy(() -> and.items().add(c)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void andAndOrRejectNullItems() {
            assertThatThrownBy(() -> Where.and(a, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Where.or(null, b)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void andAndOrWithSameItemsDiffer() {
            assertThat(Where.and(a, b)).isNotEqualTo(Where.or(a, b));
        }
    }

    @Nested
    class Condition {
        @Test
        void equalityIgnoresPath() {
            Where.Condition x = new Where.Condition("a", Operator.EQ, 1L, "where.a");
            Where.Condition y = new Where.Condition("a", Operator.EQ, 1L, "include[0].scope.where.or[3].a.eq");
            assertThat(x).isEqualTo(y);
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
            assertThat(x.path()).isNotEqualTo(y.path());
        }

        @Test
        void equalityDependsOnFieldOperatorAndValue() {
            Where.Condition x = new Where.Condition("a", Operator.EQ, 1L, "p");
            assertThat(x).isNotEqualTo(new Where.Condition("b", Operator.EQ, 1L, "p"));
            assertThat(x).isNotEqualTo(new Where.Condition("a", Operator.NEQ, 1L, "p"));
            assertThat(x).isNotEqualTo(new Where.Condition("a", Operator.EQ, 2L, "p"));
            assertThat(x).isNotEqualTo(new Where.Condition("a", Operator.EQ, null, "p"));
            assertThat(new Where.Condition("a", Operator.EQ, null, "p")).isEqualTo(new Where.Condition("a", Operator.EQ, null, "q"));
        }

        @Test
        void factoriesSetPathsAndOperators() {
            assertThat(Where.eq("f", 1L).path()).isEqualTo("where.f");
            assertThat(Where.gt("f", 1L).path()).isEqualTo("where.f.gt");
            assertThat(Where.in("f", List.of(1L)).path()).isEqualTo("where.f.inq");
            assertThat(Where.neq("f", 1L).operator()).isEqualTo(Operator.NEQ);
            assertThat(Where.gte("f", 1L).operator()).isEqualTo(Operator.GTE);
            assertThat(Where.lt("f", 1L).operator()).isEqualTo(Operator.LT);
            assertThat(Where.lte("f", 1L).operator()).isEqualTo(Operator.LTE);
            assertThat(Where.nin("f", List.of(1L)).operator()).isEqualTo(Operator.NIN);
            assertThat(Where.ilike("f", "x").operator()).isEqualTo(Operator.ILIKE);
            assertThat(Where.isNull("f").operator()).isEqualTo(Operator.IS);
            assertThat(Where.isNull("f").value()).isNull();
            assertThat(Where.isNotNull("f").operator()).isEqualTo(Operator.ISN);
            assertThat(Where.between("f", 1L, 5L).value()).isEqualTo(List.of(1L, 5L));
        }

        @Test
        void listValuesAreCopied() {
            List<Object> values = new ArrayList<>(List.of(1L, 2L));
            Where.Condition in = Where.in("id", values);
            values.add(3L);
            values.set(0, 99L);
            assertThat(in.value()).isEqualTo(List.of(1L, 2L));
            assertThat(in.value()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isUnmodifiable();
        }

        @Test
        void setValuesBecomeLists() {
            Where.Condition in = Where.in("id", java.util.Set.of(7L));
            assertThat(in.value()).isInstanceOf(List.class).isEqualTo(List.of(7L));
        }

        @Test
        void arraysForListOperatorsBecomeLists() {
            Where.Condition in = new Where.Condition("id", Operator.IN, new Object[]{1L, 2L}, "p");
            assertThat(in.value()).isEqualTo(List.of(1L, 2L));
            assertThat(in).isEqualTo(Where.in("id", List.of(1L, 2L)));
        }

        @Test
        void nullsInsideListsAreKeptForInAndNinAndRejectedElsewhere() {
            assertThat(Where.in("id", Arrays.asList(1L, null)).value()).isEqualTo(Arrays.asList(1L, null));
            assertThat(new Where.Condition("id", Operator.NIN, new Object[]{null}, "p").value()).isEqualTo(Arrays.asList((Object) null));
            assertThatThrownBy(() -> Where.between("age", 1L, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
            assertThatThrownBy(() -> new Where.Condition("tags", Operator.CONTAINS, Arrays.asList("a", null), "p"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void fieldAndOperatorAreRequired() {
            assertThatThrownBy(() -> Where.eq("", 1L)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Where.eq(null, 1L)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Where.Condition("a", null, 1L, "p")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class FilterShortcuts {
        @Test
        void whereWithCollectionIsIn() {
            assertThat(Filter.where("id", List.of(1L, 2L)).where()).isEqualTo(Where.in("id", List.of(1L, 2L)));
        }

        @Test
        void whereWithNullIsEqNull() {
            Where w = Filter.where("deletedAt", null).where();
            assertThat(w).isEqualTo(Where.eq("deletedAt", null));
        }
        @Test
        void andWithCollectionIsInLikeWhere() {
            Filter viaAnd = Filter.empty().and("id", List.of(1L, 2L));
            assertThat(viaAnd).isEqualTo(Filter.where("id", List.of(1L, 2L)));
            assertThat(Filter.parse(viaAnd.toJson())).isEqualTo(viaAnd);
        }
    }
}
