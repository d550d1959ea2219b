package dev.ignis.api.filter;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.IgnisException;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

/** Every way a filter document can be rejected, with the path and message the caller gets. */
class FilterCodecErrorTest {

    /** Parses and returns the FilterException; fails the test if parsing succeeds or throws something else. */
    static FilterException parseError(String json) {
        try {
            Filter f = Filter.parse(json);
            return fail("expected a FilterException for " + json + " but got " + f);
        } catch (FilterException e) {
            assertThat(e).isInstanceOf(IgnisException.class);
            assertThat(e.getMessage()).startsWith("Invalid filter at '" + e.path() + "': ");
            return e;
        }
    }

    @Nested
    class TopLevel {
        @Test
        void unknownTopLevelKey() {
            FilterException e = parseError("{\"where\":{},\"wher\":{}}");
            assertThat(e.path()).isEqualTo("wher");
            assertThat(e.getMessage()).contains("unknown filter key 'wher'");
            assertThat(e.validNames()).containsExactlyElementsOf(FilterCodec.TOP_LEVEL_KEYS)
                    .contains("where", "fields", "order", "limit", "skip", "offset", "include");
            assertThat(e.getMessage()).contains("(valid: where, fields, order, limit, skip, offset, include, withDeleted, onlyDeleted)");
        }

        @Test
        void keysAreCaseSensitive() {
            FilterException e = parseError("{\"Limit\":1}");
            assertThat(e.path()).isEqualTo("Limit");
            assertThat(e.validNames()).contains("limit");
        }

        @Test
        void unknownKeyInsideIncludeScope() {
            FilterException e = parseError("{\"include\":[\"a\",{\"relation\":\"b\",\"scope\":{\"limt\":1}}]}");
            assertThat(e.path()).isEqualTo("include[1].scope.limt");
            assertThat(e.getMessage()).contains("'limt'");
            assertThat(e.validNames()).contains("limit");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[{}]", "1", "\"where\"", "true"})
        void documentMustBeAnObject(String json) {
            FilterException e = parseError(json);
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("must be a JSON object");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"where\":", "{where:{}}", "{'limit':1}", "{\"limit\":1,}", "not json"})
        void invalidJson(String json) {
            FilterException e = parseError(json);
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("not valid JSON");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{} {}", "{}x", "{\"limit\":1} 2", "{}]"})
        void trailingTokens(String json) {
            FilterException e = parseError(json);
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("not valid JSON");
        }

        @Test
        void duplicateTopLevelKey() {
            FilterException e = parseError("{\"limit\":1,\"limit\":2}");
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("Duplicate").contains("'limit'");
        }

        @Test
        void duplicateKeyInsideWhere() {
            FilterException e = parseError("{\"where\":{\"or\":[{\"a\":1,\"a\":2}]}}");
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("Duplicate").contains("'a'");
        }

        @Test
        void duplicateOperatorKey() {
            FilterException e = parseError("{\"where\":{\"a\":{\"gt\":1,\"gt\":2}}}");
            assertThat(e.getMessage()).contains("Duplicate").contains("'gt'");
        }

        @Test
        void documentLongerThanMaxLength() {
            String json = "{}" + " ".repeat(FilterCodec.MAX_LENGTH - 1);
            assertThat(json).hasSize(FilterCodec.MAX_LENGTH + 1);
            FilterException e = parseError(json);
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("longer than " + FilterCodec.MAX_LENGTH);
        }

        @Test
        void documentOfExactlyMaxLengthIsAccepted() {
            String prefix = "{\"where\":{\"name\":\"";
            String suffix = "\"}}";
            String value = "x".repeat(FilterCodec.MAX_LENGTH - prefix.length() - suffix.length());
            String json = prefix + value + suffix;
            assertThat(json).hasSize(FilterCodec.MAX_LENGTH);
            assertThat(((Where.Condition) Filter.parse(json).where()).value()).isEqualTo(value);
        }
    }

    @Nested
    class WherePart {
        @Test
        void unknownOperatorDeepInOr() {
            FilterException e = parseError("{\"where\":{\"or\":[{\"a\":1},{\"age\":{\"gt\":1,\"foo\":2}}]}}");
            assertThat(e.path()).isEqualTo("where.or[1].age.foo");
            assertThat(e.getMessage()).contains("unknown operator 'foo'");
            assertThat(e.validNames()).containsExactlyElementsOf(Operator.allNames()).contains("gt", "neq", "ne", "inq", "in");
        }

        @Test
        void unknownOperatorInIncludeScope() {
            FilterException e = parseError("{\"include\":[{\"relation\":\"r\",\"scope\":{\"where\":{\"x\":{\"foo\":1}}}}]}");
            assertThat(e.path()).isEqualTo("include[0].scope.where.x.foo");
            assertThat(e.getMessage()).contains("'foo'");
            assertThat(e.validNames()).contains("eq", "like");
        }

        @Test
        void nonScalarOperandReportsOperatorPath() {
            FilterException e = parseError("{\"where\":{\"or\":[{\"a\":1},{\"age\":{\"gt\":{\"x\":1}}}]}}");
            assertThat(e.path()).isEqualTo("where.or[1].age.gt");
            assertThat(e.getMessage()).contains("expected a string, number, boolean or null").contains("object");
        }

        @Test
        void arrayForScalarOperator() {
            FilterException e = parseError("{\"where\":{\"a\":{\"eq\":[1,2]}}}");
            assertThat(e.path()).isEqualTo("where.a.eq");
            assertThat(e.getMessage()).contains("array");
        }

        @Test
        void fieldWithEmptyOperatorObject() {
            FilterException e = parseError("{\"where\":{\"a\":{}}}");
            assertThat(e.path()).isEqualTo("where.a");
            assertThat(e.getMessage()).contains("no operator given for field 'a'");
            assertThat(e.validNames()).contains("eq", "inq");
        }

        @Test
        void emptyFieldName() {
            FilterException e = parseError("{\"where\":{\"\":1}}");
            assertThat(e.path()).startsWith("where");
            assertThat(e.getMessage()).contains("empty field name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[{\"a\":1}]", "\"a\"", "1", "true"})
        void whereMustBeAnObject(String where) {
            FilterException e = parseError("{\"where\":" + where + "}");
            assertThat(e.path()).isEqualTo("where");
            assertThat(e.getMessage()).contains("'where' must be an object");
        }

        @Test
        void whereNonObjectReportsItsKind() {
            assertThat(parseError("{\"where\":[1]}").getMessage()).endsWith("got array");
            assertThat(parseError("{\"where\":\"x\"}").getMessage()).endsWith("got string");
            assertThat(parseError("{\"where\":3}").getMessage()).endsWith("got number");
        }

        @Test
        void orMustBeAnArray() {
            FilterException e = parseError("{\"where\":{\"or\":{\"a\":1}}}");
            assertThat(e.path()).isEqualTo("where.or");
            assertThat(e.getMessage()).contains("'or' takes an array").contains("object");
            assertThat(parseError("{\"where\":{\"and\":1}}").path()).isEqualTo("where.and");
        }

        @Test
        void orItemsMustBeObjects() {
            FilterException e = parseError("{\"where\":{\"or\":[{\"a\":1},2]}}");
            assertThat(e.path()).isEqualTo("where.or[1]");
            assertThat(e.getMessage()).contains("must be an object");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[1]", "[1,2,3]", "[]"})
        void betweenTakesExactlyTwoValues(String operand) {
            FilterException e = parseError("{\"where\":{\"age\":{\"between\":" + operand + "}}}");
            assertThat(e.path()).isEqualTo("where.age.between");
            int n = operand.equals("[]") ? 0 : operand.split(",").length;
            assertThat(e.getMessage()).contains("'between' takes exactly two values, got " + n);
        }

        @Test
        void notBetweenTakesExactlyTwoValues() {
            FilterException e = parseError("{\"where\":{\"and\":[{\"age\":{\"notBetween\":[1,2,3]}}]}}");
            assertThat(e.path()).isEqualTo("where.and[0].age.notBetween");
            assertThat(e.getMessage()).contains("exactly two values, got 3");
        }

        @Test
        void listOperatorNeedsAnArray() {
            FilterException e = parseError("{\"where\":{\"id\":{\"inq\":5}}}");
            assertThat(e.path()).isEqualTo("where.id.inq");
            assertThat(e.getMessage()).contains("'inq' takes an array, got number");
            assertThat(parseError("{\"where\":{\"age\":{\"between\":\"1,2\"}}}").getMessage()).contains("'between' takes an array");
        }

        @Test
        void aliasIsReportedByItsPathButCanonicalName() {
            FilterException e = parseError("{\"where\":{\"id\":{\"in\":5}}}");
            assertThat(e.path()).isEqualTo("where.id.in");
            assertThat(e.getMessage()).contains("'inq' takes an array");
        }

        @Test
        void nullInsideInqIsKept() {
            Filter filter = Filter.parse("{\"where\":{\"id\":{\"inq\":[1,null,3]}}}");
            assertThat(((Where.Condition) filter.where()).value()).isEqualTo(java.util.Arrays.asList(1L, null, 3L));
            assertThat(Filter.parse(filter.toJson())).isEqualTo(filter);
        }

        @Test
        void nullInsideBareArrayIsKept() {
            Filter filter = Filter.parse("{\"where\":{\"id\":[null]}}");
            assertThat(((Where.Condition) filter.where()).value()).isEqualTo(java.util.Arrays.asList((Object) null));
        }

        @Test
        void nullInsideNinIsKept() {
            Filter filter = Filter.parse("{\"where\":{\"id\":{\"nin\":[null,\"a\"]}}}");
            assertThat(((Where.Condition) filter.where()).value()).isEqualTo(java.util.Arrays.asList(null, "a"));
        }

        @Test
        void nullInsideBetween() {
            FilterException e = parseError("{\"where\":{\"age\":{\"between\":[1,null]}}}");
            assertThat(e.path()).isEqualTo("where.age.between[1]");
        }

        @Test
        void nestedArrayInsideInq() {
            FilterException e = parseError("{\"where\":{\"id\":{\"nin\":[1,[2]]}}}");
            assertThat(e.path()).isEqualTo("where.id.nin[1]");
            assertThat(e.getMessage()).contains("got array");
        }

        @Test
        void nestingDeeperThanMaxDepth() {
            String w = "{\"a\":1}";
            for (int i = 0; i < FilterCodec.MAX_DEPTH + 1; i++) {
                w = "{\"or\":[" + w + "]}";
            }
            FilterException e = parseError("{\"where\":" + w + "}");
            assertThat(e.getMessage()).contains("nested deeper than " + FilterCodec.MAX_DEPTH);
            assertThat(e.path()).startsWith("where.or[0].or[0].or[0]").endsWith(".or[0]");
        }

        @Test
        void veryDeepRawJsonIsRejectedNotAStackOverflow() {
            String json = "{\"where\":{\"a\":{\"eq\":" + "[".repeat(5000) + "]".repeat(5000) + "}}}";
            FilterException e = parseError(json);
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.getMessage()).contains("not valid JSON");
        }

        @Test
        void veryDeepAndOrIsRejected() {
            StringBuilder sb = new StringBuilder("{\"where\":");
            int levels = 2000;
            sb.append("{\"and\":[".repeat(levels)).append("{\"a\":1}").append("]}".repeat(levels)).append('}');
            FilterException e = parseError(sb.toString());
            assertThat(e.getMessage()).containsAnyOf("nested deeper than", "not valid JSON");
        }
    }

    @Nested
    class CountsAndOrder {
        @ParameterizedTest
        @ValueSource(strings = {"limit", "skip", "offset"})
        void negativeCount(String key) {
            FilterException e = parseError("{\"" + key + "\":-1}");
            assertThat(e.path()).isEqualTo(key);
            assertThat(e.getMessage()).contains("must not be negative, got -1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "\"abc\"", "\"-1\"", "\"1.0\"", "true", "[1]", "{\"n\":1}", "\"\""})
        void nonIntegerLimit(String value) {
            FilterException e = parseError("{\"limit\":" + value + "}");
            assertThat(e.path()).isEqualTo("limit");
            assertThat(e.getMessage()).contains("must be a whole number");
        }

        @Test
        void nonIntegerSkipInScope() {
            FilterException e = parseError("{\"include\":{\"relation\":\"r\",\"scope\":{\"skip\":0.5}}}");
            assertThat(e.path()).isEqualTo("include.scope.skip");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "9223372036854775808", "99999999999999999999", "1e10"})
        void limitTooLarge(String value) {
            FilterException e = parseError("{\"limit\":" + value + "}");
            assertThat(e.path()).isEqualTo("limit");
            assertThat(e.getMessage()).contains("is too large");
        }

        @Test
        void tenDigitStringIsNotAcceptedAsCount() {
            FilterException e = parseError("{\"limit\":\"9999999999\"}");
            assertThat(e.path()).isEqualTo("limit");
        }
        @ParameterizedTest
        @ValueSource(strings = {"limit", "skip"})
        void hugeExponentIsTooLargeNotAJacksonException(String key) {
            assertThatCode(() -> Filter.parse("{\"" + key + "\":1e100001}"))
                    .isInstanceOf(FilterException.class)
                    .hasMessageContaining("too large");
        }

        @Test
        void skipAndOffsetDisagree() {
            FilterException e = parseError("{\"skip\":5,\"offset\":6}");
            assertThat(e.path()).isEqualTo("offset");
            assertThat(e.getMessage()).contains("'skip' is 5").contains("'offset' is 6");
        }

        @Test
        void offsetAndSkipDisagreeReportsTheLaterKey() {
            FilterException e = parseError("{\"offset\":1,\"limit\":3,\"skip\":2}");
            assertThat(e.path()).isEqualTo("skip");
            assertThat(e.getMessage()).contains("'offset' is 1").contains("'skip' is 2");
        }
        @Test
        void nullOffsetDoesNotEraseSkip() {
            assertThat(Filter.parse("{\"offset\":null,\"skip\":5}").skip()).isEqualTo(5);
            assertThat(Filter.parse("{\"skip\":5,\"offset\":null}").skip()).isEqualTo(5);
        }

        @Test
        void badOrderDirection() {
            FilterException e = parseError("{\"order\":\"name SIDEWAYS\"}");
            assertThat(e.path()).isEqualTo("order");
            assertThat(e.getMessage()).contains("unknown sort direction 'SIDEWAYS'");
            assertThat(e.validNames()).containsExactly("ASC", "DESC");
        }

        @Test
        void badOrderDirectionInArray() {
            FilterException e = parseError("{\"order\":[\"id\",\"name SIDEWAYS\"]}");
            assertThat(e.path()).isEqualTo("order[1]");
            assertThat(e.validNames()).containsExactly("ASC", "DESC");
        }

        @Test
        void orderWithThreeTokens() {
            FilterException e = parseError("{\"order\":[\"id\",\"name DESC NULLS\"]}");
            assertThat(e.path()).isEqualTo("order[1]");
            assertThat(e.getMessage()).contains("\"name DESC NULLS\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"\"", "\"   \""})
        void emptyOrderString(String value) {
            FilterException e = parseError("{\"order\":" + value + "}");
            assertThat(e.path()).isEqualTo("order");
            assertThat(e.getMessage()).contains("order must look like");
        }

        @Test
        void nonStringOrderItem() {
            FilterException e = parseError("{\"order\":[\"a\",1]}");
            assertThat(e.path()).isEqualTo("order[1]");
            assertThat(e.getMessage()).contains("got number");
        }

        @Test
        void orderMustBeStringOrArray() {
            FilterException e = parseError("{\"order\":{\"name\":\"ASC\"}}");
            assertThat(e.path()).isEqualTo("order");
            assertThat(e.getMessage()).contains("got object");
        }

        @Test
        void orderErrorInScopeHasFullPath() {
            FilterException e = parseError("{\"include\":[{\"relation\":\"r\",\"scope\":{\"order\":[\"a\",\"b up\"]}}]}");
            assertThat(e.path()).isEqualTo("include[0].scope.order[1]");
        }
    }

    @Nested
    class FieldsErrors {
        @Test
        void fieldsValueMustBeBoolean() {
            FilterException e = parseError("{\"fields\":{\"a\":true,\"b\":1}}");
            assertThat(e.path()).isEqualTo("fields.b");
            assertThat(e.getMessage()).contains("takes true or false, got number");
        }

        @Test
        void fieldsArrayItemsMustBeNonEmptyStrings() {
            assertThat(parseError("{\"fields\":[\"a\",1]}").path()).isEqualTo("fields[1]");
            assertThat(parseError("{\"fields\":[\"\"]}").path()).isEqualTo("fields[0]");
        }

        @Test
        void fieldsMustBeArrayOrObject() {
            FilterException e = parseError("{\"fields\":\"a,b\"}");
            assertThat(e.path()).isEqualTo("fields");
            assertThat(e.getMessage()).contains("got string");
        }
    }

    @Nested
    class IncludeErrors {
        @Test
        void includeWithoutRelation() {
            FilterException e = parseError("{\"include\":[{\"scope\":{}}]}");
            assertThat(e.path()).isEqualTo("include[0].relation");
            assertThat(e.getMessage()).contains("needs a non-empty 'relation'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"relation\":1}", "{\"relation\":\"\"}", "{\"relation\":null}", "{}"})
        void singleIncludeWithBadRelation(String include) {
            FilterException e = parseError("{\"include\":" + include + "}");
            assertThat(e.path()).isEqualTo("include.relation");
        }

        @Test
        void unknownIncludeKey() {
            FilterException e = parseError("{\"include\":[\"a\",{\"relation\":\"b\",\"where\":{}}]}");
            assertThat(e.path()).isEqualTo("include[1].where");
            assertThat(e.getMessage()).contains("unknown include key 'where'");
            assertThat(e.validNames()).containsExactly("relation", "scope", "shouldSkipDefaultFilter");
        }

        @Test
        void emptyRelationString() {
            FilterException e = parseError("{\"include\":[\"a\",\"\"]}");
            assertThat(e.path()).isEqualTo("include[1]");
            assertThat(e.getMessage()).contains("must not be empty");
        }

        @Test
        void includeItemOfWrongType() {
            FilterException e = parseError("{\"include\":[true]}");
            assertThat(e.path()).isEqualTo("include[0]");
            assertThat(e.getMessage()).contains("got boolean");
            assertThat(parseError("{\"include\":5}").path()).isEqualTo("include");
        }

        @Test
        void nestedIncludeErrorsHaveFullPath() {
            FilterException e = parseError("{\"include\":{\"relation\":\"a\",\"scope\":{\"include\":[{\"relation\":\"b\","
                    + "\"scope\":{\"where\":{\"or\":[{\"x\":1},{\"y\":{\"between\":[1]}}]}}}]}}}");
            assertThat(e.path()).isEqualTo("include.scope.include[0].scope.where.or[1].y.between");
        }

        @Test
        void includeNestingDeeperThanMaxDepth() {
            String scope = "{}";
            for (int i = 0; i < FilterCodec.MAX_DEPTH + 1; i++) {
                scope = "{\"include\":{\"relation\":\"r\",\"scope\":" + scope + "}}";
            }
            FilterException e = parseError(scope);
            assertThat(e.getMessage()).contains("nested deeper than " + FilterCodec.MAX_DEPTH);
            assertThat(e.path()).startsWith("include.scope.include");
        }
        @Test
        void nonObjectScopePathHasNoTrailingDot() {
            FilterException e = parseError("{\"include\":[{\"relation\":\"a\",\"scope\":5}]}");
            assertThat(e.path()).isEqualTo("include[0].scope");
        }

        @Test
        void nonObjectScopeIsRejected() {
            FilterException e = parseError("{\"include\":[{\"relation\":\"a\",\"scope\":[]}]}");
            assertThat(e.path()).startsWith("include[0].scope");
            assertThat(e.getMessage()).contains("a filter must be a JSON object, got array");
        }
    }

    @Test
    void validNamesAreImmutable() {
        FilterException e = parseError("{\"nope\":1}");
        assertThat(e.validNames()).isUnmodifiable();
        assertThat(new FilterException("p", "x").validNames()).isEmpty();
        assertThat(new FilterException("p", "x").getMessage()).isEqualTo("Invalid filter at 'p': x");
        assertThat(new FilterException("p", "x", List.of("a", "b")).getMessage()).isEqualTo("Invalid filter at 'p': x (valid: a, b)");
    }
}
