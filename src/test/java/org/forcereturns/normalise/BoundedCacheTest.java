package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void computesEachKeyOnceWhileThereIsRoom() {
        AtomicInteger calls = new AtomicInteger();
        BoundedCache<String, Integer> cache = new BoundedCache<>(2, key -> {
            calls.incrementAndGet();
            return key.length();
        });
        assertThat(cache.get("ab")).isEqualTo(2);
        assertThat(cache.get("ab")).isEqualTo(2);
        assertThat(calls).hasValue(1);
    }

    @Test
    void stopsGrowingWhenFullButStillAnswers() {
        AtomicInteger calls = new AtomicInteger();
        BoundedCache<String, Integer> cache = new BoundedCache<>(2, key -> {
            calls.incrementAndGet();
            return key.length();
        });
        cache.get("a");
        cache.get("bb");
        assertThat(cache.get("ccc")).isEqualTo(3);
        assertThat(cache.get("ccc")).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(calls).hasValue(4);
    }
}
