package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.conformance.model.HzNode;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The filter semantics that Ignis clients rely on and that databases differ on by default: backslash escapes in
 * {@code like} patterns, {@code is}/{@code isn} with values, nulls inside {@code inq}/{@code nin}, and the maps
 * {@code Engine#toMap} makes of rows for JSON answers. Same answers on every driver.
 */
public interface FilterSemanticsContract extends HostileInputFixture {

    // ---- like escapes

    /** Names with the characters a like pattern treats specially, the engine's escape character, and multi-byte text. */
    private void seedPatterns() {
        persons().createAll(List.of(
                Person.of("l1", "50%off"), Person.of("l2", "50 percent"), Person.of("l3", "Under_Score"),
                Person.of("l4", "UnderXScore"), Person.of("l5", "back\\slash"), Person.of("l6", "back/slash"),
                Person.of("l7", "wow!"), Person.of("l8", "wow!!"), Person.of("l9", "emoji😀x"), Person.of("l10", "漢字x"),
                Person.of("l11", "under_score")));
    }

    private List<String> where(String whereJson) {
        return Samples.sortedCodes(persons().find(Filter.parse("{\"where\":" + whereJson + "}")));
    }

    /** A JSON string literal of a like pattern written as Java text. */
    private static String json(String pattern) {
        return "\"" + pattern.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    default void backslashEscapesPercentAndUnderscoreInLike() {
        seedPatterns();

        assertThat(where("{\"name\":{\"like\":" + json("50\\%%") + "}}")).containsExactly("l1");
        assertThat(where("{\"name\":{\"like\":" + json("50%") + "}}")).containsExactly("l1", "l2");
        assertThat(where("{\"name\":{\"like\":" + json("Under\\_Score%") + "}}")).containsExactly("l3");
        assertThat(where("{\"name\":{\"like\":" + json("Under_Score") + "}}")).containsExactly("l3", "l4");
        assertThat(where("{\"name\":{\"nlike\":" + json("%\\_%") + "}}")).as("nlike with an escaped underscore")
                .containsExactly("l1", "l10", "l2", "l4", "l5", "l6", "l7", "l8", "l9");
        assertThat(where("{\"name\":{\"ilike\":" + json("under\\_score") + "}}")).containsExactly("l11", "l3");
        assertThat(where("{\"name\":{\"nilike\":" + json("%\\_score") + "}}")).doesNotContain("l3", "l11").contains("l4");
    }

    @Test
    default void aDoubledBackslashIsOneBackslashAndOtherEscapesAreTheCharacter() {
        seedPatterns();

        assertThat(where("{\"name\":{\"like\":" + json("back\\\\slash") + "}}")).containsExactly("l5");
        assertThat(where("{\"name\":{\"like\":" + json("back\\/slash") + "}}")).as("\\/ is /").containsExactly("l6");
        assertThat(where("{\"name\":{\"like\":" + json("\\5\\0%") + "}}")).containsExactly("l1", "l2");
    }

    @Test
    default void theEnginesOwnEscapeCharacterIsAnOrdinaryCharacterInPatterns() {
        seedPatterns();

        assertThat(where("{\"name\":{\"like\":" + json("wow!") + "}}")).containsExactly("l7");
        assertThat(where("{\"name\":{\"like\":" + json("wow!%") + "}}")).containsExactly("l7", "l8");
        assertThat(where("{\"name\":{\"like\":" + json("wow!!") + "}}")).containsExactly("l8");
        assertThat(where("{\"name\":{\"ilike\":" + json("WOW!_") + "}}")).containsExactly("l8");
    }

    @Test
    default void aTrailingLoneBackslashIsAFilterError() {
        seedPatterns();

        for (String op : List.of("like", "nlike", "ilike", "nilike")) {
            assertThatThrownBy(() -> where("{\"name\":{\"" + op + "\":" + json("back\\") + "}}"))
                    .isInstanceOf(FilterException.class)
                    .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("where.name." + op))
                    .hasMessageContaining("backslash");
        }
    }

    @Test
    default void underscoreMatchesOneCharacterNotOneByte() {
        seedPatterns();

        if (database().kind() == DatabaseTarget.Kind.H2) {
            // H2 compares UTF-16 units: a character outside the Basic Multilingual Plane is two (a documented difference).
            assertThat(where("{\"name\":{\"like\":" + json("emoji__x") + "}}")).containsExactly("l9");
        } else {
            assertThat(where("{\"name\":{\"like\":" + json("emoji_x") + "}}")).as("an emoji is one character").containsExactly("l9");
            assertThat(where("{\"name\":{\"ilike\":" + json("EMOJI_X") + "}}")).containsExactly("l9");
        }
        assertThat(where("{\"name\":{\"like\":" + json("__x") + "}}")).as("CJK characters are one each").containsExactly("l10");
    }

    // ---- is / isn with values, nulls in lists

    @Test
    default void isAndIsnWithAValueAreEqAndNeq() {
        seedPeople();

        assertThat(where("{\"name\":{\"is\":\"Alice\"}}")).containsExactly("p1");
        assertThat(where("{\"age\":{\"is\":30}}")).containsExactly("p1");
        assertThat(where("{\"age\":{\"isn\":30}}")).as("as neq: NULL ages do not match").containsExactly("p2", "p4", "p5", "p6");
        assertThat(where("{\"status\":{\"isn\":\"PENDING\"}}")).containsExactly("p1", "p3", "p4");
        assertThat(where("{\"active\":{\"is\":true}}")).as("booleans keep IS TRUE").containsExactly("p1", "p3", "p5");
        assertThat(where("{\"active\":{\"isn\":true}}")).as("IS NOT TRUE includes NULL").containsExactly("p2", "p4", "p6");
    }

    @Test
    default void aNullInsideInqMatchesNothingWhileTheOtherValuesMatch() {
        seedPeople();

        assertThat(where("{\"age\":{\"inq\":[null,30,41]}}")).containsExactly("p1", "p4");
        assertThat(where("{\"age\":[30,null]}")).containsExactly("p1");
        assertThat(where("{\"age\":{\"inq\":[null]}}")).as("not even the NULL ages").isEmpty();
        assertThat(where("{\"name\":{\"inq\":[\"Bob\",null]}}")).containsExactly("p3");
    }

    @Test
    default void aNullInsideNinIsIgnoredAndNullValuesNeverMatchNin() {
        seedPeople();

        assertThat(where("{\"age\":{\"nin\":[null,30,41]}}")).containsExactly("p2", "p5", "p6");
        assertThat(where("{\"age\":{\"nin\":[null]}}")).as("every non-NULL age").containsExactly("p1", "p2", "p4", "p5", "p6");
        assertThat(where("{\"name\":{\"nin\":[null,\"Bob\"]}}")).containsExactly("p1", "p2", "p4", "p5", "p6");
    }

    // ---- rows as maps

    @Test
    default void toMapKeepsSelectedNullsAndLeavesOutUnselectedAndHiddenProperties() {
        hostile().seed();
        Filter filter = Filter.parse("{\"where\":{\"id\":\"n3\"},\"fields\":[\"id\",\"label\",\"weight\"]}");
        HzNode n3 = hostile().nodes().find(filter).get(0);

        Map<String, Object> map = hostile().engine().toMap(n3, filter);

        assertThat(map).containsOnlyKeys("id", "label", "weight").containsEntry("weight", null).containsEntry("label", "child B");
        Map<String, Object> all = hostile().engine().toMap(n3, Filter.empty());
        assertThat(all).containsEntry("weight", null).containsEntry("flag", null).containsKeys("seenAt", "day", "rank", "meta")
                .doesNotContainKey("token").doesNotContainKeys("parent", "children", "aux", "linked");
    }

    @Test
    default void toMapGivesAnIncludedToOneWithoutARowAsNullAndAToManyAsAList() {
        hostile().seed();
        Filter filter = Filter.parse("{\"where\":{\"id\":{\"inq\":[\"n1\",\"n5\",\"n8\"]}},\"order\":\"id\","
                + "\"include\":[\"parent\",{\"relation\":\"children\",\"scope\":{\"fields\":[\"id\",\"rank\"]}}]}");
        List<HzNode> rows = hostile().nodes().find(filter);
        List<Map<String, Object>> maps = rows.stream().map(row -> hostile().engine().toMap(row, filter)).toList();

        assertThat(maps).extracting(m -> m.get("id")).containsExactly("n1", "n5", "n8");
        assertThat(maps.get(0)).containsEntry("parent", null).doesNotContainKeys("aux", "linked");
        assertThat((List<?>) maps.get(0).get("children")).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) ((List<?>) maps.get(0).get("children")).get(0);
        assertThat(child).as("the include's scope selects the child's fields").containsOnlyKeys("id", "rank");
        assertThat(maps.get(1).get("children")).as("a to-many without rows is an empty list").isEqualTo(List.of());
        assertThat(maps.get(1).get("parent")).isInstanceOf(Map.class);
        assertThat(maps.get(2)).as("a dangling key is a to-one without a row").containsEntry("parent", null);
    }
}
