package org.forcereturns.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallCellSuppressionTest {

    @ParameterizedTest(name = "min {0}: {1} -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            0,  0,  0
            0,  1,  1
            1,  1,  1
            5,  0,  0
            5,  1,  null
            5,  4,  null
            5,  5,  5
            5,  6,  6
            10, 9,  null
            10, 10, 10
            """)
    void smallNonZeroCountsBecomeNull(long min, long count, Long published) {
        assertThat(new SmallCellSuppression(min).apply(count)).isEqualTo(published);
    }

    @Test
    void aNegativeMinimumIsRefused() {
        assertThatThrownBy(() -> new SmallCellSuppression(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
