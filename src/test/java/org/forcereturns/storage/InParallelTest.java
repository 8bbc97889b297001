package org.forcereturns.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The planner's hashing and publishing rely on results in item order and on the first failure, in order. */
class InParallelTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void resultsComeBackInTheItemsOrder() throws IOException {
        // Later items finish first: the order is the items', not the finishing order.
        assertThat(InParallel.map(ITEMS, "test", i -> {
            busy(200 - i);
            return i * 2;
        })).isEqualTo(ITEMS.stream().map(i -> i * 2).toList());
    }

    @Test
    void theFirstFailureInItemOrderIsThrownAsItWas() {
        assertThatThrownBy(() -> InParallel.map(ITEMS, "test", i -> {
            busy(200 - i);
            if (i == 50 || i == 150) {
                throw new IOException("item " + i);
            }
            return i;
        })).isExactlyInstanceOf(IOException.class).hasMessage("item 50");
        assertThatThrownBy(() -> InParallel.map(ITEMS, "test", i -> {
            if (i == 7) {
                throw new IllegalStateException("item 7");
            }
            return i;
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("item 7");
    }

    private static void busy(int units) {
        long until = System.nanoTime() + units * 2_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
