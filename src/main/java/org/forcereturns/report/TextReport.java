package org.forcereturns.report;

import org.forcereturns.logging.Printable;
import static org.forcereturns.report.Html.count;
import static org.forcereturns.report.Html.decimal;
import static org.forcereturns.report.Html.percent;

import java.util.List;
import java.util.Locale;

/**
 * The plain-text run report ({@code report --format text}): the headline and data-quality figures of the HTML
 * page, for a terminal or an e-mail. Raw values are made safe for a terminal (no control characters).
 */
public final class TextReport {

    static final int TOP_UNMAPPED = HtmlReport.TOP_UNMAPPED;

    private TextReport() {
    }

    public static String render(ReportData data) {
        StringBuilder t = new StringBuilder();
        t.append(HtmlReport.TITLE).append('\n').append("Run report of the published tables in ")
                .append(safe(data.warehouse()));
        if (data.runId() != null) {
            t.append(" (run ").append(safe(data.runId())).append(')');
        }
        t.append('\n');

        if (data.years().isEmpty()) {
            t.append("\nNo financial year has been published yet: the warehouse holds no offences.\n");
        }
        for (ReportData.Year y : data.years()) {
            t.append("\nFinancial year ").append(safe(y.financialYear()))
                    .append(y.yearComplete() ? "" : " (not over on the run date: figures so far)").append('\n');
            line(t, "Offences", count(y.offences()), "");
            line(t, "Offences per day", decimal(y.offencesPerDay()), count(y.daysCovered()) + " days"
                    + (y.yearComplete() ? "" : " reported so far"));
            line(t, "Platform recorded", count(y.platformRecordedOffences()), percent(y.platformRecordedShare())
                    + " of offences");
            line(t, "Forces reporting", count(y.forcesReporting()), "");
            line(t, "Forces reporting platform", count(y.forcesReportingPlatform()), "");
            List<ReportData.PlatformRow> platforms = data.platformsIn(y.financialYear());
            if (!platforms.isEmpty()) {
                t.append("  Top platforms (share of platform-recorded offences):\n");
                platforms.stream().limit(5).forEach(p -> line(t, "  " + safe(p.platform()), count(p.offences()),
                        percent(p.share())));
            }
            List<ReportData.OwnerRow> owners = data.ownersIn(y.financialYear());
            if (!owners.isEmpty()) {
                t.append("  Top owners:\n");
                owners.stream().limit(3).forEach(o -> line(t, "  " + (o.owner() == null ? "Owner not known"
                        : safe(o.owner())), count(o.offences()), percent(o.share())));
            }
        }

        t.append("\nData quality\n");
        List<ReportData.FileRow> quarantined = data.filesWithStatus("QUARANTINED");
        t.append("  Files: ").append(count(data.files().size())).append(" delivered, ")
                .append(count(data.filesWithStatus("LOADED").size())).append(" loaded, ")
                .append(count(quarantined.size())).append(" quarantined, ")
                .append(count(data.filesWithStatus("DUPLICATE").size())).append(" duplicate\n");
        for (ReportData.FileRow f : quarantined) {
            t.append("    quarantined ").append(safe(f.sourceFile())).append(": ")
                    .append(f.quarantineReason() == null ? "reason not given" : safe(f.quarantineReason())).append('\n');
        }
        List<ReportData.FileRow> ignoring = data.filesWithIgnoredColumns();
        t.append("  Files with ignored columns: ").append(count(ignoring.size())).append('\n');
        for (ReportData.FileRow f : ignoring) {
            t.append("    ").append(safe(f.sourceFile())).append(": ")
                    .append(safe(String.join(", ", f.ignoredColumnNames()))).append('\n');
        }
        t.append("  Rejected rows: ").append(count(data.rejectedRowCount())).append('\n');
        for (ReportData.ReasonCount r : data.rejectedRows()) {
            line(t, "  " + safe(r.reason()), count(r.rows()), "");
        }
        t.append("  Cells replaced in part by a later return: ").append(count(data.partlyReplaced().size())).append('\n');
        for (ReportData.PartlyReplacedRow c : data.partlyReplaced()) {
            t.append("    ").append(safe(c.forceName())).append(' ').append(safe(c.financialYear())).append(' ')
                    .append(c.quarter() == null ? "whole year" : "Q" + c.quarter()).append(' ')
                    .append(safe(c.offenceCode())).append(": ").append(count(c.offences()))
                    .append(" offences dropped from ").append(safe(c.sourceFile())).append(" (")
                    .append(safe(c.monthsRestated())).append(" re-stated by ").append(safe(c.restatedBy()))
                    .append(")\n");
        }
        t.append("  Unrecognised platform texts: ").append(count(data.unmapped().size())).append('\n');
        for (ReportData.UnmappedRow u : data.unmapped().subList(0, Math.min(TOP_UNMAPPED, data.unmapped().size()))) {
            t.append(String.format(Locale.ROOT, "    %-28s %9s rows  nearest: %s%n",
                    '"' + safe(Html.shorten(u.rawValue(), 26)) + '"', count(u.occurrences()),
                    u.suggestedPlatform() == null ? "none close" : safe(u.suggestedPlatform())));
        }
        return t.toString();
    }

    private static void line(StringBuilder t, String label, String value, String note) {
        t.append(String.format(Locale.ROOT, "  %-28s %9s%s%n", label, value, note.isEmpty() ? "" : "  " + note));
    }

    /** A raw value printable on a terminal: control characters (escape sequences, line breaks) become '?'. */
    static String safe(String s) {
        return s == null ? "" : Printable.escape(s);
    }
}
