package org.forcereturns.sample;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.forcereturns.domain.RejectReason;

/**
 * What a correct pipeline makes of the inbox, worked out from the generator's own record of every row's intended
 * effect: each file's status and counts (contract section 6) and the published figures after duplicates, quarantine
 * and corrections (section 5). The generator checks the result against the truth model before writing anything.
 */
final class Publication {

    /** One row of expected-files.csv. */
    record FileRow(String sourceFile, String status, String layout, String encoding, int rowsRead, int rowsAccepted,
            int rowsRejected, int rowsSkipped, String rejectReasons, String quarantineReason) {
    }

    /** Loaded files must stay well under the 10% threshold, quarantined ones well over, whatever the denominator. */
    static final double MAX_LOADED_REJECT_SHARE = 0.08;
    static final double MIN_QUARANTINED_REJECT_SHARE = 0.15;

    private final List<FileRow> files = new ArrayList<>();
    private final Tally tally = new Tally();

    private Publication() {
    }

    /** @param returns every return file (not the ignored ones), in any order */
    static Publication of(List<ReturnRenderer.Rendered> returns) {
        Publication p = new Publication();
        List<ReturnRenderer.Rendered> ordered = new ArrayList<>(returns);
        ordered.sort(Comparator.comparing(r -> r.spec().path));
        Set<String> seen = new HashSet<>();
        Map<String, Map<YearMonth, List<Effect.Accepted>>> store = new TreeMap<>();
        for (ReturnRenderer.Rendered r : ordered) {
            FileRow row = p.classify(r, seen);
            p.files.add(row);
            if (row.status().equals("LOADED")) {
                apply(r, store);
            }
        }
        Set<Effect.Accepted> counted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        store.forEach((force, months) -> months.values().forEach(counted::addAll));
        List<Effect.Accepted> rows = new ArrayList<>(counted);
        rows.sort(Comparator.comparing((Effect.Accepted a) -> a.forceCode()).thenComparing(a -> a.period().firstMonth()));
        for (Effect.Accepted a : rows) {
            if (a.offences() > 0) {
                p.tally.add(a.period().year(), a.forceCode(), a.offences(), a.mention());
            }
        }
        return p;
    }

    private FileRow classify(ReturnRenderer.Rendered r, Set<String> seen) {
        ReturnSpec spec = r.spec();
        String path = spec.path;
        if (r.content().length == 0) {
            return new FileRow(path, "QUARANTINED", "", "", 0, 0, 0, 0, "", RejectReason.UNREADABLE.name());
        }
        boolean first = seen.add(sha256(r.content()));
        if (first == (spec.duplicateOf != null)) {
            throw new IllegalStateException(path + ": duplicate-ness differs from the plan");
        }
        if (!first) {
            return new FileRow(path, "DUPLICATE", "", "", 0, 0, 0, 0, "", "");
        }
        String layout = spec.layout().name();
        String encoding = spec.encoding.label;
        if (spec.missingColumns()) {
            return new FileRow(path, "QUARANTINED", layout, encoding, 0, 0, 0, 0, "",
                    RejectReason.MISSING_COLUMNS.name());
        }
        int accepted = 0;
        int skipped = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (Effect e : r.effects()) {
            if (e instanceof Effect.Accepted) {
                accepted++;
            } else if (e instanceof Effect.Skipped) {
                skipped++;
            } else if (e instanceof Effect.Rejected j) {
                reasons.merge(j.reason().name(), 1, Integer::sum);
            }
        }
        int read = r.effects().size();
        int rejected = read - accepted - skipped;
        String reasonText = reasons.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(";"));
        double low = rejected / (double) read;
        double high = rejected / (double) Math.max(1, read - skipped);
        String status;
        String quarantine = "";
        if (low > MIN_QUARANTINED_REJECT_SHARE) {
            status = "QUARANTINED";
            quarantine = RejectReason.TOO_MANY_REJECTS.name();
        } else if (high <= MAX_LOADED_REJECT_SHARE) {
            status = "LOADED";
        } else {
            throw new IllegalStateException(path + ": reject share " + high + " too close to the 10% threshold");
        }
        return new FileRow(path, status, layout, encoding, read, accepted, rejected, skipped, reasonText, quarantine);
    }

    /**
     * Contract section 5: a later delivery from a force replaces that force's earlier rows for every month it covers
     * (the months of its accepted rows). Refuses a plan in which a later file covers only part of an earlier
     * multi-month cell, since the contract leaves that case open.
     */
    private static void apply(ReturnRenderer.Rendered r, Map<String, Map<YearMonth, List<Effect.Accepted>>> store) {
        Map<String, List<Effect.Accepted>> byForce = new LinkedHashMap<>();
        for (Effect e : r.effects()) {
            if (e instanceof Effect.Accepted a) {
                byForce.computeIfAbsent(a.forceCode(), f -> new ArrayList<>()).add(a);
            }
        }
        byForce.forEach((force, rows) -> {
            Map<YearMonth, List<Effect.Accepted>> months = store.computeIfAbsent(force, f -> new TreeMap<>());
            Set<YearMonth> covered = new LinkedHashSet<>();
            rows.forEach(a -> covered.addAll(a.period().months()));
            Set<Effect.Accepted> replaced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            covered.forEach(m -> replaced.addAll(months.getOrDefault(m, List.of())));
            for (Effect.Accepted old : replaced) {
                if (!covered.containsAll(old.period().months())) {
                    throw new IllegalStateException(r.spec().path + " covers only part of an earlier cell "
                            + old.period() + " of " + force);
                }
            }
            covered.forEach(months::remove);
            for (Effect.Accepted a : rows) {
                a.period().months().forEach(m -> months.computeIfAbsent(m, x -> new ArrayList<>()).add(a));
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<FileRow> files() {
        return files;
    }

    Tally tally() {
        return tally;
    }
}
