package org.forcereturns.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;
import org.forcereturns.ingest.FileOutcome;
import org.forcereturns.ingest.Layout;

/**
 * The outcome of ingesting one distinct content (by SHA-256), and the run that ingested it.
 *
 * @param sourceFile the delivery whose path the content's rows and rejects carry: the first delivery of these
 *                   bytes in delivery order when it was ingested; null in a ledger written before this was kept
 */
public record IngestedFile(String sha256, String sourceFile, String runId, FileOutcome outcome) {

    /** Whether the content's rows carry this delivery's path, so they need not be read again for it. */
    public boolean ingestedAs(String deliveryPath) {
        return deliveryPath.equals(sourceFile);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("sha256", sha256);
        p.setProperty("source_file", sourceFile);
        p.setProperty("run_id", runId);
        if (outcome.layout() != null) {
            p.setProperty("layout", outcome.layout().name());
        }
        p.setProperty("rows_read", Long.toString(outcome.rowsRead()));
        p.setProperty("rows_accepted", Long.toString(outcome.rowsAccepted()));
        p.setProperty("rows_rejected", Long.toString(outcome.rowsRejected()));
        p.setProperty("rows_skipped", Long.toString(outcome.rowsSkipped()));
        if (outcome.quarantine() != null) {
            p.setProperty("quarantine", outcome.quarantine().name());
        }
        outcome.rejectsByReason().forEach((k, v) -> p.setProperty("rejects." + k.name(), Long.toString(v)));
        outcome.skipsByReason().forEach((k, v) -> p.setProperty("skips." + k.name(), Long.toString(v)));
        outcome.coveredMonths().forEach((force, months) -> p.setProperty("covered." + force,
                String.join(",", months.stream().map(YearMonth::toString).toList())));
        p.setProperty("preamble_lines", Long.toString(outcome.preambleLines()));
        if (outcome.ignoredColumns() != null) {
            // One key per column, so a name holding any character survives; the count says "known, maybe none".
            List<String> ignored = outcome.ignoredColumns();
            p.setProperty("ignored_columns", Integer.toString(ignored.size()));
            for (int i = 0; i < ignored.size(); i++) {
                p.setProperty("ignored_columns." + i, ignored.get(i));
            }
        }
        return p;
    }

    /** {@code yyyy-MM} as written by {@link YearMonth#toString()}; parsed by hand, it is read for every file on every run. */
    private static YearMonth month(String text) {
        int dash = text.lastIndexOf('-');
        if (dash == 4 && text.length() == 7 && Character.isDigit(text.charAt(0))) {
            return YearMonth.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10));
        }
        return YearMonth.parse(text);
    }

    static IngestedFile fromProperties(Properties p) {
        Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
        Map<SkipReason, Long> skips = new EnumMap<>(SkipReason.class);
        SortedMap<String, SortedSet<YearMonth>> covered = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (key.startsWith("rejects.")) {
                rejects.put(RejectReason.valueOf(key.substring(8)), Long.parseLong(value));
            } else if (key.startsWith("skips.")) {
                skips.put(SkipReason.valueOf(key.substring(6)), Long.parseLong(value));
            } else if (key.startsWith("covered.")) {
                SortedSet<YearMonth> months = new TreeSet<>();
                for (String m : value.split(",")) {
                    if (!m.isEmpty()) {
                        months.add(month(m));
                    }
                }
                covered.put(key.substring(8), months);
            }
        }
        // Outcomes recorded before preamble lines and ignored columns were: 0 (such files had none) and not known.
        long preamble = Long.parseLong(p.getProperty("preamble_lines", "0"));
        List<String> ignored = null;
        String ignoredCount = p.getProperty("ignored_columns");
        if (ignoredCount != null) {
            ignored = new ArrayList<>();
            for (int i = 0, n = Integer.parseInt(ignoredCount); i < n; i++) {
                ignored.add(p.getProperty("ignored_columns." + i));
            }
        }
        String layout = p.getProperty("layout");
        String quarantine = p.getProperty("quarantine");
        FileOutcome outcome = new FileOutcome(layout == null ? null : Layout.valueOf(layout),
                Long.parseLong(p.getProperty("rows_read")), Long.parseLong(p.getProperty("rows_accepted")),
                Long.parseLong(p.getProperty("rows_rejected")), Long.parseLong(p.getProperty("rows_skipped")),
                rejects, skips, quarantine == null ? null : RejectReason.valueOf(quarantine), covered, preamble,
                ignored);
        return new IngestedFile(p.getProperty("sha256"), p.getProperty("source_file"), p.getProperty("run_id"),
                outcome);
    }
}
