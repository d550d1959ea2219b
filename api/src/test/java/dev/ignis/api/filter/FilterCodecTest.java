package dev.ignis.api.filter;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing the JSON filter language into {@link Filter}, and writing it back. */
class FilterCodecTest {

    private static Where where(String whereJson) {
        return Filter.parse("{\"where\":" + whereJson + "}").where();
    }

    private static Where.Condition condition(String whereJson) {
        Where w = where(whereJson);
        assertThat(w).isInstanceOf(Where.Condition.class);
        return (Where.Condition) w;
    }

    @Nested
    class EmptyDocuments {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n\t", "{}", "null", " { } "})
        void blankEmptyOrNullDocumentIsTheEmptyFilter(String json) {
            Filter f = Filter.parse(json);
            assertThat(f).isEqualTo(Filter.empty());
            assertThat(f.where().isEmpty()).isTrue();
            assertThat(f.fields().isAll()).isTrue();
            assertThat(f.order()).isEmpty();
            assertThat(f.limit()).isNull();
            assertThat(f.skip()).isNull();
            assertThat(f.include()).isEmpty();
        }

        @Test
        void nullStringIsTheEmptyFilter() {
            assertThat(Filter.parse(null)).isEqualTo(Filter.empty());
        }

        @Test
        void explicitNullPartsAreLikeAbsentParts() {
            Filter f = Filter.parse("{\"where\":null,\"fields\":null,\"order\":null,\"limit\":null,\"skip\":null,\"include\":null}");
            assertThat(f).isEqualTo(Filter.empty());
        }

        @Test
        void emptyWhereObjectMatchesEverything() {
            assertThat(where("{}").isEmpty()).isTrue();
        }

        @Test
        void emptyFilterWritesAsEmptyObject() {
            assertThat(Filter.empty().toJson()).isEqualTo("{}");
        }
    }

    @Nested
    class BareValues {
        @Test
        void bareStringIsEq() {
            Where.Condition c = condition("{\"name\":\"x\"}");
            assertThat(c.field()).isEqualTo("name");
            assertThat(c.operator()).isEqualTo(Operator.EQ);
            assertThat(c.value()).isEqualTo("x");
            assertThat(c.path()).isEqualTo("where.name");
            assertThat(c).isEqualTo(Where.eq("name", "x"));
        }

        @Test
        void bareIntegerIsEqWithLong() {
            Where.Condition c = condition("{\"age\":42}");
            assertThat(c.operator()).isEqualTo(Operator.EQ);
            assertThat(c.value()).isInstanceOf(Long.class).isEqualTo(42L);
        }

        @Test
        void bareDecimalIsEqWithBigDecimal() {
            Where.Condition c = condition("{\"price\":9.95}");
            assertThat(c.value()).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("9.95"));
            assertThat((BigDecimal) condition("{\"price\":9.90}").value()).isEqualByComparingTo("9.9");
            assertThat(condition("{\"price\":1.0}").value()).as("a decimal point keeps it a BigDecimal").isInstanceOf(BigDecimal.class);
        }

        @Test
        void integerBeyondLongIsBigInteger() {
            Where.Condition c = condition("{\"n\":18446744073709551616}");
            assertThat(c.value()).isEqualTo(new BigInteger("18446744073709551616"));
            assertThat(condition("{\"n\":" + Long.MAX_VALUE + "}").value()).isEqualTo(Long.MAX_VALUE);
            assertThat(condition("{\"n\":" + Long.MIN_VALUE + "}").value()).isEqualTo(Long.MIN_VALUE);
        }

        @Test
        void bareBooleanIsEq() {
            assertThat(condition("{\"active\":false}")).isEqualTo(Where.eq("active", false));
        }

        @Test
        void bareNullIsEqNull() {
            Where.Condition c = condition("{\"deletedAt\":null}");
            assertThat(c.operator()).isEqualTo(Operator.EQ);
            assertThat(c.value()).isNull();
            assertThat(c).isEqualTo(Where.eq("deletedAt", null));
        }

        @Test
        void bareArrayIsIn() {
            Where.Condition c = condition("{\"id\":[1,2,3]}");
            assertThat(c.operator()).isEqualTo(Operator.IN);
            assertThat(c.value()).isEqualTo(List.of(1L, 2L, 3L));
            assertThat(c.path()).isEqualTo("where.id");
            assertThat(c).isEqualTo(Where.in("id", List.of(1L, 2L, 3L)));
        }

        @Test
        void bareEmptyArrayIsInOfNothing() {
            assertThat(condition("{\"id\":[]}")).isEqualTo(Where.in("id", List.of()));
        }

        @Test
        void mixedArrayKeepsEachValueType() {
            assertThat(condition("{\"v\":[\"a\",1,1.5,true]}").value())
                    .isEqualTo(List.of("a", 1L, new BigDecimal("1.5"), true));
        }
    }

    @Nested
    class Operators {
        static Stream<Arguments> everyOperatorName() {
            List<Arguments> args = new ArrayList<>();
            for (Operator op : Operator.values()) {
                for (String name : op.names()) {
                    args.add(Arguments.of(name, op));
                }
            }
            return args.stream();
        }

        private String operandFor(Operator op) {
            if (op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
                return "[1,9]";
            }
            return op.takesList() ? "[\"a\",\"b\",\"c\"]" : "\"v\"";
        }

        private Object expectedValueFor(Operator op) {
            if (op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
                return List.of(1L, 9L);
            }
            return op.takesList() ? List.of("a", "b", "c") : "v";
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("everyOperatorName")
        void everyOperatorNameAndAliasParses(String name, Operator expected) {
            Where.Condition c = condition("{\"f\":{\"" + name + "\":" + operandFor(expected) + "}}");
            assertThat(c.field()).isEqualTo("f");
            assertThat(c.operator()).isEqualTo(expected);
            assertThat(c.value()).isEqualTo(expectedValueFor(expected));
            assertThat(c.path()).isEqualTo("where.f." + name);
        }

        @Test
        void aliasesMapToTheSameOperator() {
            assertThat(condition("{\"f\":{\"neq\":1}}")).isEqualTo(condition("{\"f\":{\"ne\":1}}"));
            assertThat(condition("{\"f\":{\"ne\":1}}").operator()).isEqualTo(Operator.NEQ);
            assertThat(condition("{\"f\":{\"inq\":[1]}}")).isEqualTo(condition("{\"f\":{\"in\":[1]}}"));
            assertThat(condition("{\"f\":{\"in\":[1]}}").operator()).isEqualTo(Operator.IN);
            assertThat(Operator.NEQ.jsonName()).isEqualTo("neq");
            assertThat(Operator.IN.jsonName()).isEqualTo("inq");
        }

        @Test
        void explicitEqNullAndIsNull() {
            Where.Condition eqNull = condition("{\"f\":{\"eq\":null}}");
            assertThat(eqNull.operator()).isEqualTo(Operator.EQ);
            assertThat(eqNull.value()).isNull();
            Where.Condition isNull = condition("{\"f\":{\"is\":null}}");
            assertThat(isNull).isEqualTo(Where.isNull("f"));
            assertThat(condition("{\"f\":{\"isn\":null}}")).isEqualTo(Where.isNotNull("f"));
        }

        @Test
        void operatorNamesAreCaseSensitive() {
            assertThat(Operator.byName("GT")).isEmpty();
            assertThat(Operator.byName("gt")).contains(Operator.GT);
            assertThat(Operator.byName("notbetween")).isEmpty();
            assertThat(Operator.byName("notBetween")).contains(Operator.NOT_BETWEEN);
        }

        @Test
        void allNamesListsEveryNameAndAlias() {
            assertThat(Operator.allNames()).contains("eq", "neq", "ne", "inq", "in", "nin", "between", "notBetween",
                    "like", "ilike", "regexp", "contains", "containedBy", "overlaps");
            int total = Stream.of(Operator.values()).mapToInt(o -> o.names().size()).sum();
            assertThat(Operator.allNames()).hasSize(total).doesNotHaveDuplicates();
        }

        @Test
        void operatorClassification() {
            assertThat(Operator.IN.takesList()).isTrue();
            assertThat(Operator.BETWEEN.takesList()).isTrue();
            assertThat(Operator.EQ.takesList()).isFalse();
            assertThat(Operator.LIKE.isPattern()).isTrue();
            assertThat(Operator.IREGEXP.isPattern()).isTrue();
            assertThat(Operator.GT.isPattern()).isFalse();
            assertThat(Operator.OVERLAPS.isArray()).isTrue();
            assertThat(Operator.IN.isArray()).isFalse();
        }

        @Test
        void severalOperatorsOnOneFieldAreAnded() {
            Where w = where("{\"age\":{\"gte\":18,\"lt\":65,\"neq\":30}}");
            assertThat(w).isEqualTo(Where.and(Where.gte("age", 18L), Where.lt("age", 65L), Where.neq("age", 30L)));
            Where.And and = (Where.And) w;
            assertThat(and.items()).extracting(x -> ((Where.Condition) x).path())
                    .containsExactly("where.age.gte", "where.age.lt", "where.age.neq");
        }
    }

    @Nested
    class Combinations {
        @Test
        void siblingKeysAreAndedInDocumentOrder() {
            Where w = where("{\"a\":1,\"b\":{\"neq\":\"x\"},\"c\":null}");
            assertThat(w).isEqualTo(Where.and(Where.eq("a", 1L), Where.neq("b", "x"), Where.eq("c", null)));
        }

        @Test
        void siblingKeysWithSeveralOperatorsAreFlattenedIntoOneAnd() {
            Where w = where("{\"a\":{\"gt\":1,\"lt\":5},\"b\":2}");
            assertThat(w).isEqualTo(Where.and(Where.gt("a", 1L), Where.lt("a", 5L), Where.eq("b", 2L)));
        }

        @Test
        void singleKeyIsNotWrapped() {
            assertThat(where("{\"a\":1}")).isInstanceOf(Where.Condition.class);
        }

        @Test
        void orAndAndKeys() {
            assertThat(where("{\"or\":[{\"a\":1},{\"b\":2}]}")).isEqualTo(Where.or(Where.eq("a", 1L), Where.eq("b", 2L)));
            assertThat(where("{\"and\":[{\"a\":1},{\"b\":2}]}")).isEqualTo(Where.and(Where.eq("a", 1L), Where.eq("b", 2L)));
        }

        @Test
        void orSiblingOfFieldIsAnded() {
            Where w = where("{\"status\":\"open\",\"or\":[{\"a\":1},{\"b\":2}]}");
            assertThat(w).isEqualTo(Where.and(Where.eq("status", "open"), Where.or(Where.eq("a", 1L), Where.eq("b", 2L))));
        }

        @Test
        void emptyOrIsKeptAndMatchesNothingWhileEmptyAndVanishes() {
            Where or = where("{\"or\":[]}");
            assertThat(or).isInstanceOf(Where.Or.class);
            assertThat(or.isEmpty()).isFalse();
            assertThat(where("{\"and\":[]}").isEmpty()).isTrue();
        }

        @Test
        void nestedAndOrToDepthFour() {
            String json = "{\"or\":[{\"a\":1},{\"and\":[{\"b\":2},{\"or\":[{\"c\":3},{\"and\":[{\"d\":4},{\"e\":{\"gt\":5}}]}]}]}]}";
            Where w = where(json);
            Where expected = Where.or(
                    Where.eq("a", 1L),
                    Where.and(
                            Where.eq("b", 2L),
                            Where.or(
                                    Where.eq("c", 3L),
                                    Where.and(Where.eq("d", 4L), Where.gt("e", 5L)))));
            assertThat(w).isEqualTo(expected);

            Where.Or l1 = (Where.Or) w;
            Where.And l2 = (Where.And) l1.items().get(1);
            Where.Or l3 = (Where.Or) l2.items().get(1);
            Where.And l4 = (Where.And) l3.items().get(1);
            Where.Condition deepest = (Where.Condition) l4.items().get(1);
            assertThat(deepest.path()).isEqualTo("where.or[1].and[1].or[1].and[1].e.gt");
            assertThat(((Where.Condition) l3.items().get(0)).path()).isEqualTo("where.or[1].and[1].or[0].c");
        }

        @Test
        void nestingBelowMaxDepthIsAccepted() {
            String w = "{\"a\":1}";
            for (int i = 0; i < FilterCodec.MAX_DEPTH - 1; i++) {
                w = "{\"or\":[" + w + "]}";
            }
            Where parsed = where(w);
            int levels = 0;
            while (parsed instanceof Where.Or or) {
                parsed = or.items().get(0);
                levels++;
            }
            assertThat(levels).isEqualTo(FilterCodec.MAX_DEPTH - 1);
            assertThat(parsed).isEqualTo(Where.eq("a", 1L));
        }

        @Test
        void nestedIncludesWellBelowMaxDepthAreAccepted() {
            String scope = "{\"limit\":1}";
            for (int i = 0; i < 10; i++) {
                scope = "{\"include\":{\"relation\":\"r" + i + "\",\"scope\":" + scope + "}}";
            }
            Filter f = Filter.parse(scope);
            int levels = 0;
            while (!f.include().isEmpty()) {
                f = f.include().get(0).scope();
                levels++;
            }
            assertThat(levels).isEqualTo(10);
            assertThat(f.limit()).isEqualTo(1);
        }
    }

    @Nested
    class FieldsPart {
        @Test
        void arrayKeepsOnlyThose() {
            Fields f = Filter.parse("{\"fields\":[\"id\",\"name\"]}").fields();
            assertThat(f).isEqualTo(Fields.only("id", "name"));
            assertThat(f.included()).containsExactlyInAnyOrder("id", "name");
            assertThat(f.excluded()).isEmpty();
            assertThat(f.keeps("id")).isTrue();
            assertThat(f.keeps("secret")).isFalse();
        }

        @Test
        void arrayWithDuplicateNamesIsASet() {
            assertThat(Filter.parse("{\"fields\":[\"id\",\"id\"]}").fields().included()).containsExactly("id");
        }

        @Test
        void objectOfTrueKeepsOnlyThose() {
            Fields f = Filter.parse("{\"fields\":{\"id\":true,\"name\":true}}").fields();
            assertThat(f).isEqualTo(Fields.only("id", "name"));
        }

        @Test
        void objectOfAllFalseIsAnExclusion() {
            Fields f = Filter.parse("{\"fields\":{\"password\":false,\"hash\":false}}").fields();
            assertThat(f).isEqualTo(Fields.except("password", "hash"));
            assertThat(f.included()).isEmpty();
            assertThat(f.isAll()).isFalse();
            assertThat(f.keeps("name")).isTrue();
            assertThat(f.keeps("password")).isFalse();
            assertThat(f.keeps("hash")).isFalse();
        }

        @Test
        void objectMixingTrueAndFalse() {
            Fields f = Filter.parse("{\"fields\":{\"id\":true,\"name\":true,\"password\":false}}").fields();
            assertThat(f.included()).containsExactlyInAnyOrder("id", "name");
            assertThat(f.excluded()).containsExactly("password");
            assertThat(f.keeps("id")).isTrue();
            assertThat(f.keeps("other")).isFalse();
            assertThat(f.keeps("password")).isFalse();
        }

        @Test
        void emptyArrayAndEmptyObjectMeanAll() {
            assertThat(Filter.parse("{\"fields\":[]}").fields()).isEqualTo(Fields.ALL);
            assertThat(Filter.parse("{\"fields\":{}}").fields()).isEqualTo(Fields.ALL);
        }
    }

    @Nested
    class OrderPart {
        @Test
        void stringWithoutDirectionIsAsc() {
            assertThat(Filter.parse("{\"order\":\"name\"}").order()).containsExactly(Order.asc("name"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"DESC", "desc", "Desc", "dEsC"})
        void descIsCaseInsensitive(String dir) {
            assertThat(Filter.parse("{\"order\":\"createdAt " + dir + "\"}").order()).containsExactly(Order.desc("createdAt"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ASC", "asc", "Asc"})
        void ascIsCaseInsensitive(String dir) {
            assertThat(Filter.parse("{\"order\":\"createdAt " + dir + "\"}").order()).containsExactly(Order.asc("createdAt"));
        }

        @Test
        void arrayKeepsOrder() {
            List<Order> order = Filter.parse("{\"order\":[\"a DESC\",\"b\",\"c asc\",\"  d   desc \"]}").order();
            assertThat(order).containsExactly(Order.desc("a"), Order.asc("b"), Order.asc("c"), Order.desc("d"));
        }

        @Test
        void emptyArrayMeansNoOrder() {
            assertThat(Filter.parse("{\"order\":[]}").order()).isEmpty();
        }
    }

    @Nested
    class LimitAndSkip {
        @Test
        void limitAndSkip() {
            Filter f = Filter.parse("{\"limit\":10,\"skip\":20}");
            assertThat(f.limit()).isEqualTo(10);
            assertThat(f.skip()).isEqualTo(20);
        }

        @Test
        void offsetIsSkip() {
            Filter f = Filter.parse("{\"offset\":7}");
            assertThat(f.skip()).isEqualTo(7);
            assertThat(f).isEqualTo(Filter.parse("{\"skip\":7}"));
        }

        @Test
        void skipAndOffsetWithEqualValuesAreFine() {
            assertThat(Filter.parse("{\"skip\":5,\"offset\":5}").skip()).isEqualTo(5);
            assertThat(Filter.parse("{\"offset\":5,\"skip\":5}").skip()).isEqualTo(5);
        }

        @Test
        void zeroIsAllowed() {
            Filter f = Filter.parse("{\"limit\":0,\"skip\":0}");
            assertThat(f.limit()).isZero();
            assertThat(f.skip()).isZero();
        }

        @Test
        void largestIntIsAllowed() {
            assertThat(Filter.parse("{\"limit\":" + Integer.MAX_VALUE + "}").limit()).isEqualTo(Integer.MAX_VALUE);
        }

        @Test
        void digitStringsAndWholeDecimalsAreAccepted() {
            assertThat(Filter.parse("{\"limit\":\"25\"}").limit()).isEqualTo(25);
            assertThat(Filter.parse("{\"limit\":3.0}").limit()).isEqualTo(3);
            assertThat(Filter.parse("{\"skip\":1e2}").skip()).isEqualTo(100);
        }
    }

    @Nested
    class IncludePart {
        @Test
        void singleString() {
            assertThat(Filter.parse("{\"include\":\"creator\"}").include()).containsExactly(Include.of("creator"));
        }

        @Test
        void arrayOfStrings() {
            assertThat(Filter.parse("{\"include\":[\"creator\",\"tags\"]}").include())
                    .containsExactly(Include.of("creator"), Include.of("tags"));
        }

        @Test
        void objectWithRelationOnly() {
            List<Include> inc = Filter.parse("{\"include\":{\"relation\":\"creator\"}}").include();
            assertThat(inc).containsExactly(Include.of("creator"));
            assertThat(inc.get(0).scope()).isEqualTo(Filter.empty());
        }

        @Test
        void nullScopeIsEmptyScope() {
            assertThat(Filter.parse("{\"include\":[{\"relation\":\"creator\",\"scope\":null}]}").include())
                    .containsExactly(Include.of("creator"));
        }

        @Test
        void mixedArrayWithNestedScope() {
            String json = "{\"include\":[\"tags\",{\"relation\":\"posts\",\"scope\":{"
                    + "\"where\":{\"published\":true,\"views\":{\"gt\":100}},"
                    + "\"fields\":[\"id\",\"title\"],\"order\":\"createdAt DESC\",\"limit\":5,"
                    + "\"include\":[\"comments\",{\"relation\":\"author\",\"scope\":{\"fields\":{\"password\":false}}}]}}]}";
            Filter f = Filter.parse(json);
            Filter expectedScope = Filter.where("published", true).and(Where.gt("views", 100L))
                    .fields("id", "title").order("createdAt DESC").limit(5)
                    .include(Include.of("comments"), Include.of("author", Filter.empty().withFields(Fields.except("password"))));
            assertThat(f.include()).containsExactly(Include.of("tags"), Include.of("posts", expectedScope));

            Filter scope = f.include().get(1).scope();
            assertThat(scope.limit()).isEqualTo(5);
            assertThat(scope.order()).containsExactly(Order.desc("createdAt"));
            assertThat(scope.include().get(1).scope().fields().excluded()).containsExactly("password");
            Where.Condition views = (Where.Condition) ((Where.And) scope.where()).items().get(1);
            assertThat(views.path()).isEqualTo("include[1].scope.where.views.gt");
        }

        @Test
        void includeScopeInSingleObjectHasPathWithoutIndex() {
            Filter f = Filter.parse("{\"include\":{\"relation\":\"posts\",\"scope\":{\"where\":{\"a\":{\"lt\":3}}}}}");
            Where.Condition c = (Where.Condition) f.include().get(0).scope().where();
            assertThat(c.path()).isEqualTo("include.scope.where.a.lt");
        }
    }

    @Nested
    class RoundTrip {
        private Filter richFilter() {
            Filter postsScope = Filter.where("published", true)
                    .and(Where.or(Where.gt("views", 100L), Where.eq("featured", true)))
                    .fields("id", "title")
                    .order("createdAt DESC", "title")
                    .limit(3)
                    .skip(1)
                    .include("comments");
            return Filter.where(Where.and(
                            Where.eq("code", "x"),
                            Where.or(Where.gte("age", 18L), Where.isNull("birthDate")),
                            Where.in("status", List.of("open", "closed")),
                            Where.nin("kind", List.of(1L, 2L)),
                            Where.between("score", 1L, 10L),
                            Where.like("name", "A%"),
                            Where.ilike("email", "%@EXAMPLE.com"),
                            Where.of("tags", Operator.CONTAINS, List.of("red")),
                            Where.of("price", Operator.LTE, new BigDecimal("9.99")),
                            Where.eq("nothing", null),
                            Where.isNotNull("updatedAt"),
                            Where.and(Where.neq("a", "b"), Where.or(Where.lt("c", 5L), Where.eq("d", "e")))))
                    .withFields(new Fields(Set.of("id", "code", "age"), Set.of("password")))
                    .order("createdAt DESC", "code")
                    .limit(20)
                    .offset(40)
                    .include(Include.of("creator"), Include.of("posts", postsScope));
        }

        @Test
        void parseOfToJsonGivesAnEqualFilter() {
            Filter f = richFilter();
            String json = f.toJson();
            Filter back = Filter.parse(json);
            assertThat(back).isEqualTo(f);
            assertThat(back.hashCode()).isEqualTo(f.hashCode());
            assertThat(back.toJson()).isEqualTo(json);
        }

        @Test
        void toStringIsTheJsonForm() {
            Filter f = richFilter();
            assertThat(f.toString()).isEqualTo(f.toJson());
        }

        @Test
        void toJsonShape() {
            Filter f = Filter.where("code", "x").order("name").limit(2).skip(3).include("creator");
            assertThat(f.toJson()).isEqualTo(
                    "{\"where\":{\"code\":{\"eq\":\"x\"}},\"order\":[\"name ASC\"],\"limit\":2,\"skip\":3,"
                            + "\"include\":[{\"relation\":\"creator\"}]}");
        }

        @Test
        void exclusionFieldsRoundTrip() {
            Filter f = Filter.empty().withFields(Fields.except("password", "hash"));
            assertThat(Filter.parse(f.toJson())).isEqualTo(f);
        }

        @Test
        void emptyOrRoundTrips() {
            Filter f = Filter.where(Where.or());
            assertThat(Filter.parse(f.toJson())).isEqualTo(f);
            assertThat(Filter.parse(f.toJson()).where().isEmpty()).isFalse();
        }
        @ParameterizedTest
        @ValueSource(strings = {"9.90", "1.0", "0.000"}) // a whole BigDecimal such as 100 is written as 100 and reads back as a whole number
        void bigDecimalWithTrailingZerosRoundTrips(String decimal) {
            Filter f = Filter.where("price", new BigDecimal(decimal));
            assertThat(Filter.parse(f.toJson())).isEqualTo(f);
        }

        @Test
        void bigIntegerValueRoundTrips() {
            Filter f = Filter.where("n", new BigInteger("123456789012345678901234567890"));
            assertThat(Filter.parse(f.toJson())).isEqualTo(f);
        }

        @ParameterizedTest
        @EnumSource(Operator.class)
        void everyOperatorRoundTrips(Operator op) {
            Object value = op == Operator.BETWEEN || op == Operator.NOT_BETWEEN ? List.of(1L, 2L)
                    : op.takesList() ? List.of("a", "b") : "v";
            Filter f = Filter.where(Where.of("f", op, value));
            Filter back = Filter.parse(f.toJson());
            assertThat(back).isEqualTo(f);
            assertThat(((Where.Condition) back.where()).operator()).isEqualTo(op);
        }

        @Test
        void parseThenWriteThenParseIsStable() {
            String json = "{\"where\":{\"a\":1,\"or\":[{\"b\":[1,2]},{\"c\":{\"ne\":null}}]},\"fields\":{\"x\":false},"
                    + "\"order\":\"a desc\",\"offset\":2,\"include\":[\"r\"]}";
            Filter once = Filter.parse(json);
            Filter twice = Filter.parse(once.toJson());
            assertThat(twice).isEqualTo(once);
            assertThat(twice.skip()).isEqualTo(2);
        }
    }

    @Nested
    class TypedBuilderMatchesJson {
        @Test
        void whereAndIncludeShortcut() {
            Filter typed = Filter.where("code", "x").include("creator");
            assertThat(Filter.parse("{\"where\":{\"code\":\"x\"},\"include\":\"creator\"}")).isEqualTo(typed);
            assertThat(Filter.parse("{\"where\":{\"code\":{\"eq\":\"x\"}},\"include\":[{\"relation\":\"creator\"}]}"))
                    .isEqualTo(typed);
        }

        @Test
        void collectionMeansIn() {
            assertThat(Filter.parse("{\"where\":{\"id\":[1,2]}}")).isEqualTo(Filter.where("id", List.of(1L, 2L)));
        }

        @Test
        void nullMeansEqNull() {
            assertThat(Filter.parse("{\"where\":{\"deletedAt\":null}}")).isEqualTo(Filter.where("deletedAt", null));
        }

        @Test
        void chainedAndsMatchSiblingKeys() {
            Filter typed = Filter.where("a", 1L).and("b", "y").and(Where.gt("c", 3L))
                    .order("createdAt DESC").limit(10).offset(5);
            Filter parsed = Filter.parse(
                    "{\"where\":{\"a\":1,\"b\":\"y\",\"c\":{\"gt\":3}},\"order\":[\"createdAt desc\"],\"limit\":10,\"offset\":5}");
            assertThat(parsed).isEqualTo(typed);
        }

        @Test
        void differentFiltersAreNotEqual() {
            Filter base = Filter.where("code", "x");
            assertThat(Filter.parse("{\"where\":{\"code\":\"y\"}}")).isNotEqualTo(base);
            assertThat(Filter.parse("{\"where\":{\"code\":{\"neq\":\"x\"}}}")).isNotEqualTo(base);
            assertThat(Filter.parse("{\"where\":{\"code\":\"x\"},\"limit\":1}")).isNotEqualTo(base);
            assertThat(Filter.parse("{\"where\":{\"code\":\"x\"},\"skip\":1}")).isNotEqualTo(base);
            assertThat(Filter.parse("{\"where\":{\"code\":\"x\"},\"order\":\"code\"}")).isNotEqualTo(base);
            assertThat(Filter.parse("{\"where\":{\"code\":\"x\"},\"fields\":[\"code\"]}")).isNotEqualTo(base);
            assertThat(Filter.parse("{\"where\":{\"code\":\"x\"},\"include\":\"r\"}")).isNotEqualTo(base);
        }

        @Test
        void integerAndLongValuesAreDistinct() {
            // JSON numbers parse as Long: a typed filter built with an Integer is a different filter.
            assertThat(Filter.parse("{\"where\":{\"n\":1}}")).isEqualTo(Filter.where("n", 1L)).isNotEqualTo(Filter.where("n", 1));
        }

        @Test
        void withMethodsReturnNewFiltersAndLeaveTheOriginalAlone() {
            Filter base = Filter.where("a", 1L);
            Filter limited = base.limit(5);
            Filter included = base.include("r");
            assertThat(base.limit()).isNull();
            assertThat(base.include()).isEmpty();
            assertThat(limited.limit()).isEqualTo(5);
            assertThat(included.include()).containsExactly(Include.of("r"));
            assertThat(base.include("r").include("s").include()).containsExactly(Include.of("r"), Include.of("s"));
        }

        @Test
        void nullResetsToDefaults() {
            Filter f = Filter.where("a", 1L).fields("a").withWhere(null).withFields(null).withLimit(null).withSkip(null);
            assertThat(f).isEqualTo(Filter.empty());
        }

        @Test
        void fromTreeReadsAnAlreadyParsedTree() {
            Filter f = Filter.where("a", 1L).order("a DESC").limit(4);
            assertThat(FilterCodec.fromTree(FilterCodec.toTree(f))).isEqualTo(f);
        }
    }

    @Nested
    class DeletedRowsKeys {
        @Test
        void withDeletedAndOnlyDeletedAtTheRootAndInAnIncludeScope() {
            Filter f = Filter.parse("{\"withDeleted\":true,\"include\":[{\"relation\":\"children\",\"scope\":{\"onlyDeleted\":true}}]}");
            assertThat(f.deleted()).isEqualTo(DeletedRows.WITH_DELETED);
            assertThat(f.include().get(0).scope().deleted()).isEqualTo(DeletedRows.ONLY_DELETED);
            assertThat(f).isEqualTo(Filter.empty().withDeleted().include(Include.of("children", Filter.empty().onlyDeleted())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"withDeleted\":false}", "{\"onlyDeleted\":null}", "{\"withDeleted\":false,\"onlyDeleted\":false}"})
        void falseOrNullAsksForNothing(String json) {
            assertThat(Filter.parse(json).deleted()).isNull();
            assertThat(Filter.parse(json)).isEqualTo(Filter.empty());
        }

        @Test
        void liveIsTheSameAsNotAsking() {
            assertThat(Filter.empty().withDeleted().deleted(DeletedRows.LIVE)).isEqualTo(Filter.empty());
        }

        @Test
        void roundTripsThroughJson() {
            for (Filter f : List.of(Filter.empty().withDeleted(), Filter.where("a", 1L).onlyDeleted(),
                    Filter.empty().include(Include.of("x", Filter.empty().withDeleted().include(Include.of("y", Filter.empty().onlyDeleted())))))) {
                assertThat(Filter.parse(f.toJson())).isEqualTo(f);
            }
            assertThat(Filter.empty().onlyDeleted().toJson()).isEqualTo("{\"onlyDeleted\":true}");
        }

        @Test
        void bothKeysOrANonBooleanAreRefused() {
            assertThat(FilterCodecErrorTest.parseError("{\"withDeleted\":true,\"onlyDeleted\":true}").getMessage())
                    .contains("onlyDeleted").contains("exclude each other");
            assertThat(FilterCodecErrorTest.parseError("{\"include\":[{\"relation\":\"x\",\"scope\":{\"withDeleted\":\"yes\"}}]}").path())
                    .isEqualTo("include[0].scope.withDeleted");
        }
    }
}
