package org.forcereturns.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.Platform;

/** Platform texts that matched no canonical platform, with how often they were seen: the alias to-do list. */
public final class UnmappedPlatforms {

    private final Map<String, Entry> byRaw = new LinkedHashMap<>();

    /** Call in delivery order, so the first file recorded for a value is the first to deliver it. */
    public void add(CleanOffence row, String sourceFile) {
        add(OffenceTally.of(row), sourceFile);
    }

    public void add(OffenceTally tally, String sourceFile) {
        if (tally.unmappedRaw() == null) {
            return;
        }
        Entry e = byRaw.computeIfAbsent(tally.unmappedRaw(), raw -> new Entry(raw, sourceFile));
        e.occurrences += tally.rows();
        e.offences += tally.offences();
    }

    /** Most frequent first. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(byRaw.values());
        out.sort((a, b) -> a.occurrences != b.occurrences ? Long.compare(b.occurrences, a.occurrences)
                : a.rawValue.compareTo(b.rawValue));
        return out;
    }

    public static final class Entry {
        private final String rawValue;
        private final String firstSourceFile;
        private long occurrences;
        private long offences;

        Entry(String rawValue, String firstSourceFile) {
            this.rawValue = rawValue;
            this.firstSourceFile = firstSourceFile;
        }

        public String rawValue() {
            return rawValue;
        }

        public String firstSourceFile() {
            return firstSourceFile;
        }

        public long occurrences() {
            return occurrences;
        }

        public long offences() {
            return offences;
        }
    }
}
