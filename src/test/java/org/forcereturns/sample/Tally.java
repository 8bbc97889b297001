package org.forcereturns.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.forcereturns.domain.FinancialYear;

/** Published figures by financial year: offences and platform-recorded offences per force, offences per platform. */
final class Tally {

    /** offences and platform-recorded offences of one force in one year. */
    record ForceFigures(long offences, long platformRecorded) {
    }

    private final SortedMap<FinancialYear, SortedMap<String, ForceFigures>> forces = new TreeMap<>();
    private final SortedMap<FinancialYear, SortedMap<String, Long>> platforms = new TreeMap<>();

    /** Counts {@code offences} offences of one force; a mention naming several platforms counts once for each. */
    void add(FinancialYear year, String forceCode, long offences, Mention mention) {
        boolean recorded = mention != null;
        forces.computeIfAbsent(year, y -> new TreeMap<>()).merge(forceCode,
                new ForceFigures(offences, recorded ? offences : 0),
                (a, b) -> new ForceFigures(a.offences() + b.offences(), a.platformRecorded() + b.platformRecorded()));
        if (recorded) {
            for (String platform : new LinkedHashSet<>(mention.platforms())) {
                platforms.computeIfAbsent(year, y -> new TreeMap<>()).merge(platform, offences, Long::sum);
            }
        }
    }

    SortedMap<FinancialYear, SortedMap<String, ForceFigures>> forces() {
        return forces;
    }

    SortedMap<FinancialYear, SortedMap<String, Long>> platforms() {
        return platforms;
    }

    long total(FinancialYear year) {
        return forces.getOrDefault(year, new TreeMap<>()).values().stream().mapToLong(ForceFigures::offences).sum();
    }

    long platformRecorded(FinancialYear year) {
        return forces.getOrDefault(year, new TreeMap<>()).values().stream().mapToLong(ForceFigures::platformRecorded).sum();
    }

    /** Human-readable differences from another tally; empty when both publish the same figures. */
    List<String> differencesFrom(Tally other) {
        List<String> out = new ArrayList<>();
        diff("force", forces, other.forces, out);
        diff("platform", platforms, other.platforms, out);
        return out;
    }

    private static <V> void diff(String what, SortedMap<FinancialYear, ? extends SortedMap<String, V>> mine,
            SortedMap<FinancialYear, ? extends SortedMap<String, V>> theirs, List<String> out) {
        Set<FinancialYear> years = new java.util.TreeSet<>(mine.keySet());
        years.addAll(theirs.keySet());
        for (FinancialYear year : years) {
            Map<String, V> a = mine.containsKey(year) ? mine.get(year) : Map.of();
            Map<String, V> b = theirs.containsKey(year) ? theirs.get(year) : Map.of();
            Set<String> keys = new java.util.TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String key : keys) {
                if (!java.util.Objects.equals(a.get(key), b.get(key))) {
                    out.add(what + " " + key + " in " + year + ": " + a.get(key) + " vs " + b.get(key));
                }
            }
        }
    }
}
