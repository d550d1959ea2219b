package dev.ignis.conformance;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.conformance.model.HzLink;
import dev.ignis.conformance.model.HzNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Includes with a per-parent {@code limit}/{@code skip} ("the first N children of each node"): each parent gets exactly
 * the rows {@code skip < position <= skip + limit} of its related rows in the scope's order (NULLs last ascending,
 * first descending, the id as the last key), with the scope's where, fields and nested includes, in one statement per
 * relation and level, whichever form the driver reads the window in. The expected rows are computed here from the
 * seeded rows.
 */
public interface PerParentIncludeContract extends HostileInputFixture {

    /** Children per parent: none, one, a few, more than any window asked for below. */
    int[] CHILDREN = {0, 1, 3, 7, 12};

    private List<HzNode> seedFamilies() {
        hostile().links().deleteAll(Where.empty(), dev.ignis.api.repository.WriteOptions.forced());
        hostile().nodes().deleteAll(Where.empty(), dev.ignis.api.repository.WriteOptions.forced());
        List<HzNode> rows = new ArrayList<>();
        for (int p = 0; p < CHILDREN.length; p++) {
            rows.add(new HzNode("pp" + p, "parent " + p).rank(p));
            for (int c = 0; c < CHILDREN[p]; c++) {
                // ranks repeat (ties fall back to the id) and some are NULL; every other child is flagged
                Integer rank = c % 4 == 3 ? null : (c * 7) % 5;
                rows.add(new HzNode("pp" + p + "-c" + String.format("%02d", c), "child " + p + "." + c).parentId("pp" + p)
                        .rank(rank).flag(c % 2 == 0));
            }
        }
        hostile().nodes().createAll(rows);
        return rows;
    }

    /** Rank descending with NULLs first, or ascending with NULLs last; then the id. */
    private static Comparator<HzNode> byRank(boolean descending) {
        Comparator<Integer> ranks = descending ? Comparator.nullsFirst(Comparator.<Integer>reverseOrder()) : Comparator.nullsLast(Comparator.<Integer>naturalOrder());
        return Comparator.comparing(HzNode::getRank, ranks).thenComparing(HzNode::getId);
    }

    /** Each parent's expected child ids: its children matching {@code where}, sorted, the window cut. */
    private static Map<String, List<String>> expected(List<HzNode> seeded, Predicate<HzNode> where, Comparator<HzNode> order, int skip, int limit) {
        return seeded.stream().filter(n -> n.getParentId() == null).collect(Collectors.toMap(HzNode::getId,
                parent -> seeded.stream().filter(n -> parent.getId().equals(n.getParentId())).filter(where).sorted(order)
                        .skip(skip).limit(limit).map(HzNode::getId).toList()));
    }

    private static Map<String, List<String>> children(List<HzNode> parents) {
        return parents.stream().collect(Collectors.toMap(HzNode::getId, p -> p.getChildren().stream().map(HzNode::getId).toList()));
    }

    private List<HzNode> parents(Include include) {
        return hostile().nodes().find(Filter.where(Where.like("id", "pp_")).order("id").include(include));
    }

    @Test
    default void eachParentGetsTheFirstRowsOfItsOwnChildrenInOneStatement() {
        List<HzNode> seeded = seedFamilies();
        long before = hostile().statements();
        List<HzNode> parents = parents(Include.of("children", Filter.empty().order("rank DESC").limit(3)));
        assertThat(hostile().statements() - before).as("root + one per-parent statement").isEqualTo(2);
        assertThat(children(parents)).isEqualTo(expected(seeded, n -> true, byRank(true), 0, 3));
    }

    @Test
    default void skipWhereAndAscendingOrderCutTheWindowAfterFiltering() {
        List<HzNode> seeded = seedFamilies();
        List<HzNode> parents = parents(Include.of("children", Filter.where("flag", true).order("rank ASC").skip(1).limit(2)));
        assertThat(children(parents)).isEqualTo(expected(seeded, n -> Boolean.TRUE.equals(n.getFlag()), byRank(false), 1, 2));
        List<HzNode> skipOnly = parents(Include.of("children", Filter.empty().order("rank ASC").skip(5)));
        assertThat(children(skipOnly)).isEqualTo(expected(seeded, n -> true, byRank(false), 5, Integer.MAX_VALUE));
        List<HzNode> none = parents(Include.of("children", Filter.empty().limit(0)));
        assertThat(children(none).values()).allSatisfy(ids -> assertThat(ids).isEmpty());
    }

    @Test
    default void fieldsAndNestedWindowsApplyToTheWindowedRows() {
        List<HzNode> seeded = seedFamilies();
        // grandchildren below the first child in pp4's window
        String windowed = expected(seeded, n -> true, byRank(true), 0, 2).get("pp4").get(0);
        List<HzNode> grandchildren = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            grandchildren.add(new HzNode(windowed + "-g" + g, "grandchild " + g).parentId(windowed).rank(g));
        }
        hostile().nodes().createAll(grandchildren);
        seeded.addAll(grandchildren);
        long before = hostile().statements();
        List<HzNode> parents = parents(Include.of("children", Filter.empty().order("rank DESC").limit(2).fields("id", "parentId", "rank")
                .include(Include.of("children", Filter.empty().order("rank DESC").skip(1).limit(2)))));
        assertThat(hostile().statements() - before).as("root + one statement per level").isEqualTo(3);
        assertThat(children(parents)).isEqualTo(expected(seeded, n -> true, byRank(true), 0, 2));
        HzNode pp4 = parents.stream().filter(p -> p.getId().equals("pp4")).findFirst().orElseThrow();
        assertThat(pp4.getChildren()).allSatisfy(child -> assertThat(child.getLabel()).as("label is not among the fields").isNull());
        HzNode first = pp4.getChildren().stream().filter(c -> c.getId().equals(windowed)).findFirst().orElseThrow();
        assertThat(first.getChildren()).extracting(HzNode::getId).containsExactlyElementsOf(
                grandchildren.stream().sorted(byRank(true)).skip(1).limit(2).map(HzNode::getId).toList());
    }

    @Test
    default void manyThroughWithAWindowKeepsEachParentsFirstTargets() {
        List<HzNode> seeded = seedFamilies();
        List<HzLink> links = new ArrayList<>();
        List<HzNode> targets = seeded.stream().filter(n -> n.getParentId() != null).toList();
        for (int p = 0; p < CHILDREN.length; p++) {
            for (int t = 0; t < p * 3 && t < targets.size(); t++) {
                links.add(new HzLink("pl" + p + "-" + t, "pp" + p, targets.get((t * 5 + p) % targets.size()).getId()));
            }
        }
        hostile().links().createAll(links);
        List<HzNode> parents = parents(Include.of("linked", Filter.empty().order("rank DESC").skip(1).limit(3)));
        Map<String, HzNode> byId = seeded.stream().collect(Collectors.toMap(HzNode::getId, n -> n));
        for (HzNode parent : parents) {
            List<String> expected = links.stream().filter(l -> l.getFromId().equals(parent.getId())).map(l -> byId.get(l.getToId()))
                    .sorted(byRank(true)).skip(1).limit(3).map(HzNode::getId).toList();
            assertThat(parent.getLinked()).as(parent.getId()).extracting(HzNode::getId).containsExactlyElementsOf(expected);
        }
    }
}
