package org.forcereturns.normalise;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** English month names, case-insensitive: three-letter, full, and {@code Sept}. */
final class MonthNames {

    private static final Map<String, Integer> NUMBERS;

    static {
        String[] full = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"};
        Map<String, Integer> numbers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < full.length; i++) {
            numbers.put(full[i], i + 1);
            numbers.put(full[i].substring(0, 3), i + 1);
        }
        numbers.put("Sept", 9);
        NUMBERS = Collections.unmodifiableMap(numbers);
    }

    private MonthNames() {
    }

    /** 1..12, or 0 when {@code name} is no month. */
    static int number(String name) {
        Integer number = NUMBERS.get(name);
        return number == null ? 0 : number;
    }
}
