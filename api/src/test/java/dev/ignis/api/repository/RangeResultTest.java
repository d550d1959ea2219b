package dev.ignis.api.repository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeResultTest {

    @Test
    void normalPageUsesInclusiveEnd() {
        assertThat(new RangeResult.Range(0, 10, 120).toContentRange("records")).isEqualTo("records 0-9/120");
    }

    @Test
    void emptyPage() {
        assertThat(new RangeResult.Range(0, 0, 0).toContentRange("records")).isEqualTo("records */0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20|30|25|items|items 20-29/25",
            "5|6|6|records|records 5-5/6",
            "40|40|35|records|records */35",
            "10|10|100|rows|rows */100",
            "100|150|1000000|users|users 100-149/1000000",
    })
    void contentRange(long start, long end, long total, String unit, String expected) {
        assertThat(new RangeResult.Range(start, end, total).toContentRange(unit)).isEqualTo(expected);
    }

    @Test
    void dataIsAnImmutableCopy() {
        List<String> rows = new ArrayList<>(List.of("a", "b"));
        RangeResult<String> r = new RangeResult<>(rows, new RangeResult.Range(0, 2, 2));
        rows.add("c");
        assertThat(r.data()).containsExactly("a", "b");
        assertThatThrownBy(() -> r.data().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.range().end() - r.range().start()).isEqualTo(r.data().size());
    }

    @Test
    void nullRowsAreRejected() {
        assertThatThrownBy(() -> new RangeResult<>(Arrays.asList("a", null), new RangeResult.Range(0, 2, 2)))
                .isInstanceOf(NullPointerException.class);
    }
}
