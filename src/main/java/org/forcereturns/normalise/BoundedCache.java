package org.forcereturns.normalise;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Memoises a pure function of a raw cell value. Distinct raw values in a column are few, so the
 * cache simply stops growing when full rather than evicting: a file full of junk then costs a
 * recomputation per row instead of unbounded memory.
 */
final class BoundedCache<K, V> {

    static final int DEFAULT_CAPACITY = 10_000;

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final Function<K, V> compute;
    private final int capacity;

    BoundedCache(int capacity, Function<K, V> compute) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        this.capacity = capacity;
        this.compute = Objects.requireNonNull(compute);
    }

    V get(K key) {
        V value = entries.get(key);
        if (value != null) {
            return value;
        }
        // Computed outside any lock: the function is pure, so a race only wastes a little work.
        value = compute.apply(key);
        if (entries.size() < capacity) {
            V raced = entries.putIfAbsent(key, value);
            if (raced != null) {
                return raced;
            }
        }
        return value;
    }

    int size() {
        return entries.size();
    }
}
