package org.forcereturns.normalise;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.forcereturns.domain.Force;

/**
 * The territorial forces of England and Wales and every way a return may name one.
 * Matching ignores case, punctuation, {@code &}/{@code and}, a leading {@code The} and the
 * suffixes {@code Police}, {@code Constabulary}, {@code Police Service}; the ONS code is accepted.
 * A Welsh force's two names joined by {@code /} match in either order.
 */
public final class ForceDirectory {

    static final String BTP = "British Transport Police";

    private static final List<String> TOTALS = List.of(
            "Total", "Totals", "Grand Total", "All forces", "England and Wales", "England & Wales");
    private static final Set<String> TOTALS_KEYS = TOTALS.stream()
            .map(t -> String.join("", words(t))).collect(Collectors.toUnmodifiableSet());
    private static final List<String> OUT_OF_SCOPE = List.of(BTP, "BTP", "British Transport");
    private static final List<List<String>> SUFFIXES = List.of(
            List.of("police", "service"), List.of("police"), List.of("constabulary"));

    private final List<Force> forces;
    private final Map<String, Force> byCode;
    private final Map<String, ForceLookup> byKey;
    private final BoundedCache<String, ForceLookup> cache;

    private ForceDirectory(List<Force> forces, Map<String, ForceLookup> byKey) {
        this.forces = List.copyOf(forces);
        Map<String, Force> codes = new HashMap<>();
        forces.forEach(f -> codes.put(f.code().toUpperCase(Locale.ROOT), f));
        this.byCode = Map.copyOf(codes);
        this.byKey = Map.copyOf(byKey);
        this.cache = new BoundedCache<>(BoundedCache.DEFAULT_CAPACITY, this::match);
    }

    /**
     * Reads {@code forces.csv}: force_code, force_name, full_name, police_uk_slug, country,
     * known_variants ({@code |}-separated). Throws IllegalArgumentException when two forces can
     * be named alike, naming the line.
     */
    public static ForceDirectory load(Reader forcesCsv) {
        List<Force> forces = new ArrayList<>();
        Map<String, ForceLookup> byKey = new HashMap<>();
        ForceLookup btp = new ForceLookup.OutOfScope(BTP);
        OUT_OF_SCOPE.forEach(o -> byKey.put(key(o), btp));
        for (ReferenceCsv.Row row : ReferenceCsv.read(forcesCsv, "forces.csv", "force_code", "force_name")) {
            Force force = new Force(row.required("force_code"), row.required("force_name"));
            forces.add(force);
            ForceLookup found = new ForceLookup.Found(force);
            List<String> names = new ArrayList<>(List.of(force.code(), force.name(), row.get("full_name"), row.get("police_uk_slug")));
            Collections.addAll(names, row.get("known_variants").split("\\|"));
            for (String name : names) {
                String key = key(name);
                if (key.isEmpty()) {
                    continue;
                }
                ForceLookup previous = byKey.putIfAbsent(key, found);
                if (previous != null && !previous.equals(found)) {
                    throw row.fail("name '" + name.trim() + "' of " + force.name() + " is already taken by " + previous);
                }
            }
        }
        if (forces.isEmpty()) {
            throw new IllegalArgumentException("forces.csv: no forces");
        }
        return new ForceDirectory(forces, byKey);
    }

    /** The 43 forces of the bundled reference data, {@code /reference/forces.csv}. */
    public static ForceDirectory bundled() {
        return Bundled.INSTANCE;
    }

    public ForceLookup lookup(String raw) {
        if (raw == null || raw.isBlank()) {
            return ForceLookup.MISSING;
        }
        return cache.get(raw);
    }

    /** Every force, in reference-file order. */
    public List<Force> all() {
        return forces;
    }

    public Optional<Force> byCode(String onsCode) {
        return onsCode == null ? Optional.empty() : Optional.ofNullable(byCode.get(onsCode.trim().toUpperCase(Locale.ROOT)));
    }

    private ForceLookup match(String raw) {
        List<String> words = words(raw);
        // Totals are matched before suffixes go, so "Total Police" is no totals row.
        if (TOTALS_KEYS.contains(String.join("", words))) {
            return ForceLookup.TOTALS_ROW;
        }
        String key = key(words);
        ForceLookup found = key.isEmpty() ? ForceLookup.UNKNOWN : byKey.getOrDefault(key, ForceLookup.UNKNOWN);
        return found.equals(ForceLookup.UNKNOWN) ? bilingual(raw) : found;
    }

    /**
     * Welsh forces write both names, in either order ({@code Heddlu Gwent / Gwent Police}): a value whose
     * {@code /}-separated halves each name the same force is that force. Halves naming two forces stay unknown.
     */
    private ForceLookup bilingual(String raw) {
        String[] halves = raw.split("/");
        ForceLookup same = null;
        for (String half : halves) {
            String key = key(half);
            ForceLookup named = key.isEmpty() ? null : byKey.get(key);
            if (!(named instanceof ForceLookup.Found) || (same != null && !same.equals(named))) {
                return ForceLookup.UNKNOWN;
            }
            same = named;
        }
        return halves.length > 1 ? same : ForceLookup.UNKNOWN;
    }

    static String key(String name) {
        return key(words(name));
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>(TextFold.words(name));
        words.removeIf("and"::equals);
        return words;
    }

    /** Folded words, minus {@code and}, a leading {@code the} and one force suffix, joined. */
    private static String key(List<String> words) {
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        for (List<String> suffix : SUFFIXES) {
            int start = words.size() - suffix.size();
            if (start > 0 && words.subList(start, words.size()).equals(suffix)) {
                words.subList(start, words.size()).clear();
                break;
            }
        }
        return String.join("", words);
    }

    private static final class Bundled {
        static final ForceDirectory INSTANCE = ReferenceCsv.fromClasspath("/reference/forces.csv", ForceDirectory::load);
    }
}
