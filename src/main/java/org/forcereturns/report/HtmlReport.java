package org.forcereturns.report;

import static org.forcereturns.report.Html.count;
import static org.forcereturns.report.Html.decimal;
import static org.forcereturns.report.Html.esc;
import static org.forcereturns.report.Html.percent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/**
 * The run report: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched) for readers who
 * do not write SQL. Every value from the data is escaped; a Content-Security-Policy forbids scripts and any
 * network access even if something slipped through.
 */
public final class HtmlReport {

    /** The report's file name in the warehouse root. */
    public static final String FILE_NAME = "report.html";

    static final int TOP_UNMAPPED = 15;

    static final String TITLE = "Child sexual abuse image offences recorded by police in England and Wales";

    private static final String[] QUARTER_MONTHS = {"", "Apr\u2013Jun", "Jul\u2013Sep", "Oct\u2013Dec", "Jan\u2013Mar"};

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("UNKNOWN_FORCE", "force not recognised"),
            Map.entry("BAD_DATE", "recorded date unreadable"),
            Map.entry("DATE_OUT_OF_RANGE", "recorded date before April 2002 or after the run date"),
            Map.entry("BAD_PERIOD", "financial year or quarter unreadable"),
            Map.entry("BAD_OFFENCE_CODE", "offence code unreadable"),
            Map.entry("BAD_COUNT", "count not a whole number of offences"),
            Map.entry("MISSING_VALUE", "a required value is empty"),
            Map.entry("MALFORMED_ROW", "wrong number of fields or not valid CSV"),
            Map.entry("DUPLICATE_IN_FILE", "same crime reference twice in one file"),
            Map.entry("MISSING_COLUMNS", "no recognisable header: a required column is missing"),
            Map.entry("UNREADABLE", "empty file or text that cannot be decoded"),
            Map.entry("TOO_MANY_REJECTS", "more than the allowed share of rows rejected"));

    private HtmlReport() {
    }

    /** Writes {@code <warehouse>/report.html}; readers see the old report or the new one, never half. */
    public static void write(Storage storage, Path warehouse, ReportData data) throws IOException {
        storage.writeString(new Path(warehouse, FILE_NAME), render(data));
    }

    public static String render(ReportData data) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:; script-src 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(TITLE)).append(": run report</title>\n<style>").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(TITLE)).append("</h1><p class=\"sub\">Run report of the published tables");
        if (data.runId() != null) {
            h.append(" &middot; run <code>").append(esc(data.runId())).append("</code>");
        }
        h.append(" &middot; warehouse <code>").append(esc(data.warehouse())).append("</code></p>\n");
        h.append("<nav aria-label=\"Contents\"><a href=\"#headlines\">Headline figures</a> <a href=\"#platforms\">")
                .append("Platforms</a> <a href=\"#owners\">Owners</a> <a href=\"#forces\">Forces</a> ")
                .append("<a href=\"#trend\">Quarterly trend</a> <a href=\"#quality\">Data quality</a></nav></header>\n");
        h.append("<main>\n");
        headlines(h, data);
        String latest = data.latestYear().orElse(null);
        platforms(h, data, latest);
        owners(h, data, latest);
        forces(h, data, latest);
        trend(h, data);
        quality(h, data);
        h.append("</main>\n<footer><p>Figures are read back from the published Parquet tables (")
                .append("<code>national_summary</code>, <code>offences_by_platform</code>, <code>offences_by_owner</code>, ")
                .append("<code>offences_by_force</code>, <code>file_inventory</code>, <code>quarantine</code>, ")
                .append("<code>unmapped_platforms</code>, <code>partly_replaced_cells</code>). Offences are CSA image offences (Home Office codes in the ")
                .append("job's scope) recorded by the 43 territorial police forces; suppressed cells add nothing to any ")
                .append("total.</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void headlines(StringBuilder h, ReportData data) {
        h.append("<section id=\"headlines\" aria-labelledby=\"headlines-h\"><h2 id=\"headlines-h\">Headline figures</h2>\n");
        if (data.years().isEmpty()) {
            h.append("<p class=\"empty\">No financial year has been published yet: the warehouse holds no offences.</p>")
                    .append("</section>\n");
            return;
        }
        ReportData.Year y = data.years().get(data.years().size() - 1);
        h.append("<div class=\"cards\" aria-label=\"").append(esc(y.financialYear())).append(" at a glance\">");
        card(h, y.financialYear(), "offences", count(y.offences()), "offences in " + y.financialYear()
                + (y.yearComplete() ? "" : " so far (year not over)"));
        card(h, y.financialYear(), "offences_per_day", decimal(y.offencesPerDay()),
                "a day (" + count(y.daysCovered()) + " days" + (y.yearComplete() ? "" : " reported so far") + ")");
        card(h, y.financialYear(), "platform_recorded_offences", count(y.platformRecordedOffences()),
                "with the platform recorded (" + percent(y.platformRecordedShare()) + ")");
        card(h, y.financialYear(), "forces_reporting", count(y.forcesReporting()), "forces reporting");
        card(h, y.financialYear(), "forces_reporting_platform", count(y.forcesReportingPlatform()),
                "forces recording the platform");
        h.append("</div>\n");
        h.append("<table class=\"data\" id=\"headline-table\"><caption>Headline figures by financial year (April to March)")
                .append("</caption>\n<thead><tr><th scope=\"col\">Financial year</th><th scope=\"col\">Offences</th>")
                .append("<th scope=\"col\">Offences per day</th><th scope=\"col\">Platform recorded</th>")
                .append("<th scope=\"col\">Platform recorded share</th><th scope=\"col\">Forces reporting</th>")
                .append("<th scope=\"col\">Forces reporting platform</th><th scope=\"col\">Suppressed cells</th></tr></thead>\n<tbody>");
        for (ReportData.Year r : data.years()) {
            String year = r.financialYear();
            h.append("<tr><th scope=\"row\">").append(esc(year)).append(r.yearComplete() ? "" : " (not over)")
                    .append("</th>");
            cell(h, year, "offences", count(r.offences()));
            cell(h, year, "offences_per_day", decimal(r.offencesPerDay()));
            cell(h, year, "platform_recorded_offences", count(r.platformRecordedOffences()));
            cell(h, year, "platform_recorded_share", percent(r.platformRecordedShare()));
            cell(h, year, "forces_reporting", count(r.forcesReporting()));
            cell(h, year, "forces_reporting_platform", count(r.forcesReportingPlatform()));
            cell(h, year, "suppressed_cells", count(r.suppressedCells()));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">Offences per day divides by the days in the financial year ")
                .append("(366 in a year that holds 29 February); for a year not over on the run date, by the days from ")
                .append("1 April to the end of the latest month reported. The platform recorded share is of all offences; ")
                .append("most forces do not record the platform.</p>\n</section>\n");
    }

    private static void card(StringBuilder h, String year, String metric, String value, String label) {
        h.append("<div class=\"card\"><span class=\"big\" data-year=\"").append(esc(year)).append("\" data-metric=\"")
                .append(esc(metric)).append("\">").append(esc(value)).append("</span><span class=\"label\">")
                .append(esc(label)).append("</span></div>");
    }

    private static void cell(StringBuilder h, String year, String metric, String value) {
        h.append("<td class=\"n\" data-year=\"").append(esc(year)).append("\" data-metric=\"").append(esc(metric))
                .append("\">").append(esc(value)).append("</td>");
    }

    private static void platforms(StringBuilder h, ReportData data, String year) {
        h.append("<section id=\"platforms\" aria-labelledby=\"platforms-h\"><h2 id=\"platforms-h\">Offences by platform");
        if (year == null) {
            h.append("</h2><p class=\"empty\">No data.</p></section>\n");
            return;
        }
        h.append(", ").append(esc(year)).append("</h2>\n");
        List<ReportData.PlatformRow> rows = data.platformsIn(year);
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">No offence in ").append(esc(year)).append(" had the platform recorded.</p></section>\n");
            return;
        }
        h.append("<p class=\"note\">Share is of the offences with any platform recorded. An offence naming two ")
                .append("platforms counts for each, so the shares can add up to more than 100%. ")
                .append("\u201cUnrecognised\u201d is a platform text that matched no known platform.</p>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (ReportData.PlatformRow p : rows) {
            bars.add(new SvgCharts.Bar(p.platform(), p.offences(), count(p.offences()) + " (" + percent(p.share()) + ")"));
        }
        h.append("<figure>").append(SvgCharts.horizontalBars("chart-platforms", "Offences by platform, " + year,
                "Horizontal bars, one per platform, longest for the most offences; the table below gives the figures.",
                bars, null)).append("</figure>\n");
        h.append("<details><summary>Table: offences by platform, ").append(esc(year)).append("</summary>")
                .append("<table class=\"data\" id=\"platform-table\"><thead><tr><th scope=\"col\">Platform</th>")
                .append("<th scope=\"col\">Owner</th><th scope=\"col\">Category</th><th scope=\"col\">Offences</th>")
                .append("<th scope=\"col\">Share</th></tr></thead><tbody>");
        for (ReportData.PlatformRow p : rows) {
            h.append("<tr><th scope=\"row\">").append(esc(p.platform())).append("</th><td>").append(esc(orDash(p.owner())))
                    .append("</td><td>").append(esc(orDash(p.category()))).append("</td><td class=\"n\">")
                    .append(count(p.offences())).append("</td><td class=\"n\">").append(percent(p.share()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></details>\n</section>\n");
    }

    private static void owners(StringBuilder h, ReportData data, String year) {
        h.append("<section id=\"owners\" aria-labelledby=\"owners-h\"><h2 id=\"owners-h\">Offences by platform owner");
        if (year == null) {
            h.append("</h2><p class=\"empty\">No data.</p></section>\n");
            return;
        }
        h.append(", ").append(esc(year)).append("</h2>\n");
        List<ReportData.OwnerRow> rows = data.ownersIn(year);
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">No offence in ").append(esc(year)).append(" had the platform recorded.</p></section>\n");
            return;
        }
        h.append("<p class=\"note\">An offence counts once for each owner it names (Meta: Facebook, Instagram, ")
                .append("Messenger, WhatsApp, Threads). Share is of the offences with any platform recorded.</p>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (ReportData.OwnerRow o : rows) {
            bars.add(new SvgCharts.Bar(owner(o.owner()), o.offences(), count(o.offences()) + " (" + percent(o.share()) + ")"));
        }
        h.append("<figure>").append(SvgCharts.horizontalBars("chart-owners", "Offences by platform owner, " + year,
                "Horizontal bars, one per owner, longest for the most offences; the table below gives the figures.",
                bars, null)).append("</figure>\n");
        h.append("<details><summary>Table: offences by owner, ").append(esc(year)).append("</summary>")
                .append("<table class=\"data\" id=\"owner-table\"><thead><tr><th scope=\"col\">Owner</th>")
                .append("<th scope=\"col\">Offences</th><th scope=\"col\">Share</th></tr></thead><tbody>");
        for (ReportData.OwnerRow o : rows) {
            h.append("<tr><th scope=\"row\">").append(esc(owner(o.owner()))).append("</th><td class=\"n\">")
                    .append(count(o.offences())).append("</td><td class=\"n\">").append(percent(o.share()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></details>\n</section>\n");
    }

    private static void forces(StringBuilder h, ReportData data, String year) {
        h.append("<section id=\"forces\" aria-labelledby=\"forces-h\"><h2 id=\"forces-h\">Offences by police force");
        if (year == null) {
            h.append("</h2><p class=\"empty\">No data.</p></section>\n");
            return;
        }
        h.append(", ").append(esc(year)).append("</h2>\n");
        List<ReportData.ForceRow> rows = data.forcesIn(year);
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">No force reported offences in ").append(esc(year)).append(".</p></section>\n");
            return;
        }
        h.append("<p class=\"note\">").append(count(rows.size())).append(" force").append(rows.size() == 1 ? "" : "s")
                .append(" reported. The darker part of each bar is the offences with the platform recorded.</p>\n");
        if (rows.stream().anyMatch(f -> f.suppressedCells() > 0)) {
            h.append("<p class=\"note\">A force whose counts were all suppressed (too small to publish, or ")
                    .append("suppressed in its return) shows \u201csuppressed\u201d, not a bar; one with some counts ")
                    .append("suppressed shows \u201cat least\u201d the counts published.</p>\n");
        }
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (ReportData.ForceRow f : rows) {
            bars.add(f.whollySuppressed() ? SvgCharts.Bar.suppressed(f.forceName(), forceCount(f))
                    : new SvgCharts.Bar(f.forceName(), f.offences(), (double) f.platformRecordedOffences(),
                    forceCount(f)));
        }
        h.append("<figure>").append(SvgCharts.horizontalBars("chart-forces", "Offences by police force, " + year,
                "Horizontal bars, one per force, most offences first; the darker part is the offences with the platform "
                        + "recorded. The table below gives the figures.", bars, "platform recorded"))
                .append("</figure>\n");
        h.append("<details><summary>Table: offences by force, ").append(esc(year)).append("</summary>")
                .append("<table class=\"data\" id=\"force-table\"><thead><tr><th scope=\"col\">Force</th>")
                .append("<th scope=\"col\">Code</th><th scope=\"col\">Offences</th>")
                .append("<th scope=\"col\">Platform recorded</th></tr></thead><tbody>");
        for (ReportData.ForceRow f : rows) {
            h.append("<tr><th scope=\"row\">").append(esc(f.forceName())).append("</th><td>").append(esc(f.forceCode()))
                    .append("</td><td class=\"n\">").append(esc(forceCount(f))).append("</td><td class=\"n\">")
                    .append(f.suppressedCells() > 0 ? "at least " : "").append(count(f.platformRecordedOffences()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></details>\n</section>\n");
    }

    /** A count that some suppressed cells leave unknown: "suppressed", "at least N", or N. */
    private static String withSuppressed(long offences, long suppressedCells) {
        if (suppressedCells == 0) {
            return count(offences);
        }
        String cells = cells(suppressedCells) + " suppressed";
        return offences == 0 ? "suppressed (" + cells + ")" : "at least " + count(offences) + " (" + cells + ")";
    }

    private static String cells(long n) {
        return count(n) + (n == 1 ? " cell" : " cells");
    }

    private static String forceCount(ReportData.ForceRow f) {
        return withSuppressed(f.offences(), f.suppressedCells());
    }

    private static void trend(StringBuilder h, ReportData data) {
        h.append("<section id=\"trend\" aria-labelledby=\"trend-h\"><h2 id=\"trend-h\">Offences quarter by quarter</h2>\n");
        List<ReportData.QuarterRow> quarters = data.quarters().stream().filter(q -> q.quarter() != null).toList();
        List<ReportData.QuarterRow> wholeYears = data.quarters().stream().filter(q -> q.quarter() == null).toList();
        if (quarters.isEmpty() && wholeYears.isEmpty()) {
            h.append("<p class=\"empty\">No data.</p></section>\n");
            return;
        }
        List<SvgCharts.Point> points = new ArrayList<>();
        List<List<ReportData.QuarterRow>> runs = data.trendRuns();
        for (int run = 0; run < runs.size(); run++) {
            for (ReportData.QuarterRow q : runs.get(run)) {
                String forces = forces(q.forcesReporting());
                points.add(new SvgCharts.Point(q.financialYear() + " Q" + q.quarter(),
                        q.whollySuppressed() ? null : (double) q.offences(),
                        (q.whollySuppressed() ? "suppressed" : (q.suppressedCells() > 0 ? "at least " : "")
                                + count(q.offences()) + " offences") + " (" + QUARTER_MONTHS[q.quarter()] + ") from "
                                + forces + (q.suppressedCells() == 0 ? "" : "; " + cells(q.suppressedCells()) + " suppressed"),
                        q.suppressedCells() > 0 && !q.whollySuppressed(), run,
                        forces + " reporting"));
            }
        }
        h.append("<p class=\"note\">Quarters of the financial year: Q1 April\u2013June, Q2 July\u2013September, ")
                .append("Q3 October\u2013December, Q4 January\u2013March. Only quarters with data are shown. ")
                .append("The line is broken wherever the set of forces reporting changes (or a quarter is missing), ")
                .append("and each part is labelled with the number of forces it covers: quarters with more forces ")
                .append("reporting are higher because of that, not necessarily because of more offences.");
        if (quarters.stream().anyMatch(q -> q.suppressedCells() > 0)) {
            h.append(" A hollow point is a lower bound (some force counts were suppressed); \u201csuppressed\u201d ")
                    .append("marks a quarter whose counts were all suppressed.");
        }
        h.append("</p>\n");
        h.append("<figure>").append(SvgCharts.line("chart-trend", "Offences by quarter, all financial years",
                "Offences of each quarter, oldest first, one line per run of quarters with the same forces reporting; "
                        + "the table below gives the figures.", points))
                .append("</figure>\n");
        for (ReportData.QuarterRow w : wholeYears) {
            h.append("<p class=\"note\">").append(esc(w.financialYear())).append(": ").append(count(w.offences()))
                    .append(" offences (from ").append(forces(w.forcesReporting()))
                    .append(") were returned for the whole year without a quarter and are not in the chart.</p>\n");
        }
        h.append("<details><summary>Table: offences by quarter</summary><table class=\"data\" id=\"quarter-table\">")
                .append("<thead><tr><th scope=\"col\">Financial year</th><th scope=\"col\">Quarter</th>")
                .append("<th scope=\"col\">Offences</th><th scope=\"col\">Platform recorded</th>")
                .append("<th scope=\"col\">Forces reporting</th></tr></thead><tbody>");
        for (ReportData.QuarterRow q : data.quarters()) {
            h.append("<tr><th scope=\"row\">").append(esc(q.financialYear())).append("</th><td>")
                    .append(q.quarter() == null ? "whole year" : "Q" + q.quarter() + " (" + QUARTER_MONTHS[q.quarter()] + ")")
                    .append("</td><td class=\"n\">").append(esc(withSuppressed(q.offences(), q.suppressedCells())))
                    .append("</td><td class=\"n\">").append(q.suppressedCells() > 0 ? "at least " : "")
                    .append(count(q.platformRecordedOffences())).append("</td><td class=\"n\">")
                    .append(count(q.forcesReporting())).append("</td></tr>");
        }
        h.append("</tbody></table></details>\n</section>\n");
    }

    /** Columns no field is read from, per file: a count column under an unforeseen name shows up here. */
    private static void ignoredColumns(StringBuilder h, List<ReportData.FileRow> files) {
        h.append("<h3>Columns ignored</h3>\n");
        if (files.isEmpty()) {
            h.append("<p class=\"empty\">None: every column of every file was recognised.</p>\n");
            return;
        }
        h.append("<p class=\"note\">Columns whose names match no field of the contract are not read. Check that none ")
                .append("of them holds a count or a value that should have been.</p>\n")
                .append("<table class=\"data\" id=\"ignored-columns\"><thead><tr><th scope=\"col\">File</th>")
                .append("<th scope=\"col\">Columns ignored</th></tr></thead><tbody>");
        for (ReportData.FileRow f : files) {
            h.append("<tr><th scope=\"row\"><code>").append(esc(f.sourceFile())).append("</code></th><td>");
            List<String> names = f.ignoredColumnNames();
            for (int i = 0; i < names.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<code>").append(esc(names.get(i))).append("</code>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static String forces(int n) {
        return count(n) + (n == 1 ? " force" : " forces");
    }

    private static void quality(StringBuilder h, ReportData data) {
        h.append("<section id=\"quality\" aria-labelledby=\"quality-h\"><h2 id=\"quality-h\">Data quality</h2>\n");
        List<ReportData.FileRow> loaded = data.filesWithStatus("LOADED");
        List<ReportData.FileRow> quarantined = data.filesWithStatus("QUARANTINED");
        List<ReportData.FileRow> duplicates = data.filesWithStatus("DUPLICATE");
        h.append("<div class=\"cards\">");
        qualityCard(h, "files_delivered", data.files().size(), "files delivered");
        qualityCard(h, "files_loaded", loaded.size(), "loaded");
        qualityCard(h, "files_quarantined", quarantined.size(), "quarantined (none of their rows count)");
        qualityCard(h, "files_duplicate", duplicates.size(), "duplicates (same bytes delivered again)");
        qualityCard(h, "rows_rejected", data.rejectedRowCount(), "rows rejected");
        h.append("</div>\n");

        h.append("<h3>Quarantined files</h3>\n");
        if (quarantined.isEmpty()) {
            h.append("<p class=\"empty\">None.</p>\n");
        } else {
            h.append("<table class=\"data\" id=\"quarantined-files\"><thead><tr><th scope=\"col\">File</th>")
                    .append("<th scope=\"col\">Reason</th><th scope=\"col\">What it means</th>")
                    .append("<th scope=\"col\">Rows read</th><th scope=\"col\">Rows rejected</th></tr></thead><tbody>");
            for (ReportData.FileRow f : quarantined) {
                h.append("<tr><th scope=\"row\"><code>").append(esc(f.sourceFile())).append("</code></th><td>")
                        .append(esc(orDash(f.quarantineReason()))).append("</td><td>")
                        .append(esc(REASONS.getOrDefault(String.valueOf(f.quarantineReason()), ""))).append("</td><td class=\"n\">")
                        .append(count(f.rowsRead())).append("</td><td class=\"n\">").append(count(f.rowsRejected()))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        if (!duplicates.isEmpty()) {
            h.append("<h3>Duplicate deliveries</h3>\n<table class=\"data\" id=\"duplicate-files\"><thead><tr>")
                    .append("<th scope=\"col\">File</th><th scope=\"col\">Same bytes as</th></tr></thead><tbody>");
            for (ReportData.FileRow f : duplicates) {
                h.append("<tr><th scope=\"row\"><code>").append(esc(f.sourceFile())).append("</code></th><td><code>")
                        .append(esc(orDash(f.duplicateOf()))).append("</code></td></tr>");
            }
            h.append("</tbody></table>\n");
        }

        ignoredColumns(h, data.filesWithIgnoredColumns());

        h.append("<h3>Rejected rows by reason</h3>\n");
        if (data.rejectedRows().isEmpty()) {
            h.append("<p class=\"empty\">No row was rejected.</p>\n");
        } else {
            h.append("<p class=\"note\">Rows of loaded and quarantined files alike; every one is in the ")
                    .append("<code>quarantine</code> table with its file, line and raw text.</p>\n");
            List<SvgCharts.Bar> bars = new ArrayList<>();
            for (ReportData.ReasonCount r : data.rejectedRows()) {
                bars.add(new SvgCharts.Bar(r.reason(), r.rows(), count(r.rows())));
            }
            h.append("<figure>").append(SvgCharts.horizontalBars("chart-rejects", "Rejected rows by reason",
                    "Horizontal bars, one per reason, most rejected rows first; the table below gives the figures.",
                    bars, null)).append("</figure>\n");
            h.append("<table class=\"data\" id=\"reject-table\"><thead><tr><th scope=\"col\">Reason</th>")
                    .append("<th scope=\"col\">What it means</th><th scope=\"col\">Rows</th></tr></thead><tbody>");
            for (ReportData.ReasonCount r : data.rejectedRows()) {
                h.append("<tr><th scope=\"row\">").append(esc(r.reason())).append("</th><td>")
                        .append(esc(REASONS.getOrDefault(r.reason(), ""))).append("</td><td class=\"n\" data-reason=\"")
                        .append(esc(r.reason())).append("\">").append(count(r.rows())).append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }

        partlyReplaced(h, data);

        h.append("<h3>Platform names not recognised</h3>\n");
        if (data.unmapped().isEmpty()) {
            h.append("<p class=\"empty\">Every platform text matched a known platform.</p>\n");
        } else {
            int shown = Math.min(TOP_UNMAPPED, data.unmapped().size());
            h.append("<p class=\"note\">").append(count(data.unmapped().size()))
                    .append(" distinct text").append(data.unmapped().size() == 1 ? "" : "s")
                    .append(" matched no platform; they count as \u201cUnrecognised\u201d. The ").append(count(shown))
                    .append(" most frequent, with the nearest known platform (a candidate alias to review):</p>\n");
            h.append("<table class=\"data\" id=\"unmapped-table\"><thead><tr><th scope=\"col\">Text as delivered</th>")
                    .append("<th scope=\"col\">Rows</th><th scope=\"col\">Offences</th>")
                    .append("<th scope=\"col\">Suggested platform</th><th scope=\"col\">First seen in</th></tr></thead><tbody>");
            for (ReportData.UnmappedRow u : data.unmapped().subList(0, shown)) {
                h.append("<tr><th scope=\"row\"><code title=\"").append(esc(Html.shorten(u.rawValue(), 300))).append("\">")
                        .append(esc(Html.shorten(u.rawValue(), 60))).append("</code></th><td class=\"n\">")
                        .append(count(u.occurrences())).append("</td><td class=\"n\">").append(count(u.offences()))
                        .append("</td><td>").append(esc(u.suggestedPlatform() == null ? "none close" : u.suggestedPlatform()))
                        .append("</td><td><code>").append(esc(u.firstSourceFile())).append("</code></td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    /** Section 5: every quarterly or yearly cell a later return re-stated only in part, with what it counted. */
    private static void partlyReplaced(StringBuilder h, ReportData data) {
        h.append("<h3>Cells replaced in part by a later return</h3>\n");
        if (data.partlyReplaced().isEmpty()) {
            h.append("<p class=\"empty\">None: no later return re-stated only some months of a quarterly or yearly ")
                    .append("count.</p>\n");
            return;
        }
        h.append("<p class=\"note\">A quarterly or yearly count can only be replaced whole. These were dropped because a ")
                .append("later return from the force re-stated some of their months: the offences of their other ")
                .append("months are now published by no return. Ask the force for the whole period.</p>\n");
        h.append("<table class=\"data\" id=\"partly-replaced\"><thead><tr><th scope=\"col\">File</th>")
                .append("<th scope=\"col\">Force</th><th scope=\"col\">Period</th><th scope=\"col\">Offence code</th>")
                .append("<th scope=\"col\">Offences dropped</th><th scope=\"col\">Months re-stated</th>")
                .append("<th scope=\"col\">Re-stated by</th></tr></thead><tbody>");
        for (ReportData.PartlyReplacedRow c : data.partlyReplaced()) {
            h.append("<tr><th scope=\"row\"><code>").append(esc(c.sourceFile())).append("</code></th><td>")
                    .append(esc(c.forceName())).append("</td><td>").append(esc(c.financialYear())).append(' ')
                    .append(c.quarter() == null ? "whole year" : "Q" + c.quarter()).append("</td><td>")
                    .append(esc(c.offenceCode())).append("</td><td class=\"n\">").append(count(c.offences()))
                    .append("</td><td>").append(esc(c.monthsRestated())).append("</td><td><code>")
                    .append(esc(c.restatedBy())).append("</code></td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static void qualityCard(StringBuilder h, String metric, long value, String label) {
        h.append("<div class=\"card\"><span class=\"big\" data-metric=\"").append(metric).append("\">").append(count(value))
                .append("</span><span class=\"label\">").append(esc(label)).append("</span></div>");
    }

    private static String owner(String owner) {
        return owner == null ? "Owner not known" : owner;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "\u2013" : s;
    }

    private static final String CSS = """
            :root{--ink:#0b0c0c;--muted:#505a5f;--line:#b1b4b6;--bar:#5694ca;--part:#003078;--accent:#1d70b8;--bg:#f3f2f1}
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);line-height:1.45;background:#fff}
            header{background:var(--ink);color:#fff;padding:1.2rem 2rem 0.8rem}
            header h1{margin:0 0 .3rem;font-size:1.6rem}
            header .sub{margin:0 0 .6rem;color:#dfe1e2;font-size:.9rem;overflow-wrap:anywhere}
            header code{color:#fff}
            nav a{color:#fff;margin-right:1rem;font-size:.95rem}
            main{max-width:62rem;margin:0 auto;padding:0 2rem 2rem}
            section{border-bottom:1px solid var(--line);padding:1rem 0 1.5rem}
            h2{font-size:1.35rem;margin:.8rem 0 .6rem}
            h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
            .cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:.6rem 0 1rem}
            .card{background:var(--bg);border-left:5px solid var(--accent);padding:.6rem .9rem;min-width:10.5rem;flex:1}
            .card .big{display:block;font-size:1.8rem;font-weight:700;font-variant-numeric:tabular-nums}
            .card .label{display:block;color:var(--muted);font-size:.9rem}
            table.data{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem;font-size:.92rem}
            table.data caption{text-align:left;font-weight:600;padding:.2rem 0}
            table.data th,table.data td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
            table.data thead th{border-bottom:2px solid var(--ink)}
            table.data td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            table.data code{overflow-wrap:break-word}
            figure{margin:.5rem 0}
            svg.chart{max-width:100%;height:auto;font-size:13px;font-family:inherit}
            svg .bar{fill:var(--bar)} svg .part{fill:var(--part)}
            svg text{fill:var(--ink)} svg .value{fill:var(--muted)} svg .axis{fill:var(--muted);font-size:12px}
            svg .grid{stroke:#dfe1e2;stroke-width:1} svg .trend{fill:none;stroke:var(--accent);stroke-width:2.5}
            svg .point circle{fill:#fff;stroke:var(--accent);stroke-width:2}
            svg .point.lower-bound circle{stroke-dasharray:2 2;fill:none}
            svg .break{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}
            svg .line-label{fill:var(--muted);font-size:12px}
            svg text.suppressed{fill:var(--muted);font-style:italic;font-size:12px}
            svg .row:hover .bar{fill:var(--accent)}
            .note{color:var(--muted);font-size:.92rem;max-width:48rem}
            .empty{font-style:italic;color:var(--muted)}
            details{margin:.3rem 0}
            summary{cursor:pointer;color:var(--accent)}
            footer{max-width:62rem;margin:0 auto;padding:1rem 2rem 3rem;color:var(--muted);font-size:.85rem}
            """;
}
