package org.forcereturns.normalise;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.forcereturns.domain.OffenceCode;

/**
 * Home Office offence codes to {@code <class>/<sub>} without leading zeros (contract section 4):
 * {@code 86/2}, {@code 086/02}, {@code 86 / 2}, {@code 86-2}, {@code 86.2} and {@code 08602} all
 * mean {@code 86/2}. A class may end in one letter ({@code 8N/1}), kept upper-case.
 */
public final class OffenceCodeParser {

    private static final Pattern SEPARATED = Pattern.compile(
            "(?<cls>\\d{1,3})(?<letter>[A-Za-z]?) *[/.\\-] *(?<sub>\\d{1,3})");
    // Five digits only: the padded form ccc ss. Four digits (8602) would be ambiguous.
    private static final Pattern COMPACT = Pattern.compile("(?<cls>\\d{3})(?<sub>\\d{2})");

    private static final BoundedCache<String, Optional<OffenceCode>> CACHE =
            new BoundedCache<>(BoundedCache.DEFAULT_CAPACITY, OffenceCodeParser::compute);

    private OffenceCodeParser() {
    }

    public static Optional<OffenceCode> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        // Distinct codes in a column are few; memoising saves the regex and the allocations.
        return CACHE.get(raw);
    }

    private static Optional<OffenceCode> compute(String raw) {
        String text = raw.strip();
        Matcher m = SEPARATED.matcher(text);
        if (m.matches()) {
            String letter = TextFold.upper(m.group("letter"));
            return Optional.of(new OffenceCode(withoutLeadingZeros(m.group("cls")) + letter,
                    withoutLeadingZeros(m.group("sub"))));
        }
        m = COMPACT.matcher(text);
        if (m.matches()) {
            return Optional.of(new OffenceCode(withoutLeadingZeros(m.group("cls")), withoutLeadingZeros(m.group("sub"))));
        }
        return Optional.empty();
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
