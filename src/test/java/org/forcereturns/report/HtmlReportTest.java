package org.forcereturns.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.forcereturns.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void aHostileRawValueIsShownAsTextNeverAsMarkup() {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("alert(1)</script>");
        // shown, escaped, as the unmapped value, the force's name and the quarantined file's name
        assertThat(html).contains("<code title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</code>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;.csv")
                .contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>");
        // quotes in values cannot break out of an attribute
        assertThat(html).contains("a&quot;b&#39;&amp;c.csv");
    }

    @Test
    void theEscaperCoversEveryHtmlMetaCharacterAndControlCharacters() {
        assertThat(Html.esc("<a href=\"x\" onclick='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.esc("a\u0000b\u001bc\td")).isEqualTo("a\ufffdb\ufffdc\td");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.shorten("abcdef", 4)).isEqualTo("abc\u2026");
        assertThat(Html.shorten("ab", 4)).isEqualTo("ab");
    }

    @Test
    void numbersHaveThousandsSeparatorsOneDecimalAndPercentages() {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(cell(html, "2023/24", "offences")).isEqualTo("38,685");
        assertThat(cell(html, "2023/24", "offences_per_day")).isEqualTo("105.7");
        assertThat(cell(html, "2023/24", "platform_recorded_offences")).isEqualTo("7,338");
        assertThat(cell(html, "2023/24", "platform_recorded_share")).isEqualTo("19.0%");
        assertThat(cell(html, "2023/24", "forces_reporting")).isEqualTo("43");
        assertThat(cell(html, "2023/24", "forces_reporting_platform")).isEqualTo("20");
        assertThat(cell(html, "2022/23", "offences")).isEqualTo("6,494");
        assertThat(cell(html, "2022/23", "offences_per_day")).isEqualTo("17.8");
        assertThat(html).contains("3,648 (49.7%)").contains("1,834 (25.0%)").contains("Owner not known");
        assertThat(Html.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Html.decimal(1234.56)).isEqualTo("1,234.6");
        assertThat(Html.percent(null)).isEqualTo("n/a");
    }

    @Test
    void theLatestYearIsChartedAndEveryYearIsInTheTrend() throws Exception {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(html).contains("<h2 id=\"platforms-h\">Offences by platform, 2023/24</h2>")
                .contains("<h2 id=\"owners-h\">Offences by platform owner, 2023/24</h2>")
                .contains("<h2 id=\"forces-h\">Offences by police force, 2023/24</h2>")
                .contains("2022/23 Q1").contains("2023/24 Q2")
                .contains("1,406 offences (from 2 forces) were returned for the whole year");
        // platform, owner, force, trend and rejected-rows charts, each well-formed XML with a title
        assertThat(SvgChartsTest.svgs(html)).hasSize(5).allSatisfy(svg -> {
            assertThat(SvgChartsTest.parse(svg).getElementsByTagName("title").getLength()).isPositive();
        });
        // every chart has its table fallback
        assertThat(html).contains("id=\"platform-table\"", "id=\"owner-table\"", "id=\"force-table\"",
                "id=\"quarter-table\"", "id=\"reject-table\"");
    }

    @Test
    void theDataQualitySectionCountsFilesReasonsAndUnmappedValues() {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(html).contains("<span class=\"big\" data-metric=\"files_delivered\">3</span>")
                .contains("data-metric=\"files_loaded\">1<").contains("data-metric=\"files_quarantined\">1<")
                .contains("data-metric=\"files_duplicate\">1<").contains("data-metric=\"rows_rejected\">17<")
                .contains("UNREADABLE").contains("empty file or text that cannot be decoded")
                .contains("<td class=\"n\" data-reason=\"BAD_DATE\">12</td>")
                .contains("<td class=\"n\">1,234</td>").contains("<td>Snapchat</td>").contains("none close");
    }

    @Test
    void thePageIsSelfContained() {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en-GB\">")
                .contains("Content-Security-Policy").contains("default-src 'none'").contains("<style>");
        String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutSvgNamespace).doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link").doesNotContain("src=").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void anEmptyWarehouseGivesAPageThatSaysSo() throws Exception {
        String html = HtmlReport.render(Fixtures.empty());

        assertThat(html).contains("No financial year has been published yet").contains("No data.")
                .contains("data-metric=\"files_delivered\">0<").contains("No row was rejected")
                .contains("Every platform text matched a known platform").doesNotContain("NaN").endsWith("</html>\n");
        assertThat(SvgChartsTest.svgs(html)).isEmpty();
    }

    @Test
    void aYearWithNoPlatformRecordedSaysSoInsteadOfAnEmptyChart() {
        ReportData one = new ReportData("w", null,
                java.util.List.of(new ReportData.Year("2024/25", 0, 365, 0, 0, null, 0, 0, 0, true, 365)),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
        String html = HtmlReport.render(one);
        assertThat(html).contains("No offence in 2024/25 had the platform recorded")
                .contains("No force reported offences in 2024/25");
        assertThat(cell(html, "2024/25", "platform_recorded_share")).isEqualTo("n/a");
    }

    /** 2022/23 (7 forces) and 2023/24 (43 forces) joined by one line read as a sixfold rise. */
    @Test
    void theTrendIsNotOneLineAcrossAChangeInTheForcesReporting() throws Exception {
        String svg = SvgChartsTest.svgs(HtmlReport.render(Fixtures.twoYears())).stream()
                .filter(s -> s.contains("id=\"chart-trend\"")).findFirst().orElseThrow();
        var doc = SvgChartsTest.parse(svg);

        // 2022/23 Q1 alone (a point), then 2023/24 Q1-Q2: one line of two points, never one of three
        assertThat(doc.getElementsByTagName("polyline").getLength()).isOne();
        assertThat(((org.w3c.dom.Element) doc.getElementsByTagName("polyline").item(0)).getAttribute("points")
                .split(" ")).hasSize(2);
        assertThat(svg).contains(">7 forces reporting</text>").contains(">43 forces reporting</text>")
                .contains("class=\"break\"");
    }

    /** With --min-cell-size, a withheld count is "suppressed" (or makes a sum "at least"), never 0. */
    @Test
    void suppressedCountsAreShownAsSuppressedInTheChartsAndTablesNeverAsZero() throws Exception {
        ReportData base = Fixtures.twoYears();
        ReportData suppressed = new ReportData(base.warehouse(), base.runId(), base.years(), base.platforms(),
                base.owners(),
                List.of(new ReportData.ForceRow("2023/24", "E1", "Essex", 12, 5, 1),
                        new ReportData.ForceRow("2023/24", "E2", "Kent", 0, 0, 2)),
                List.of(new ReportData.QuarterRow("2023/24", 1, 12, 5, Fixtures.forces(2), 2),
                        new ReportData.QuarterRow("2023/24", 2, 0, 0, Fixtures.forces(2), 1),
                        new ReportData.QuarterRow("2023/24", 3, 7, 0, Fixtures.forces(2), 0)),
                base.files(), base.rejectedRows(), base.unmapped(), base.partlyReplaced());

        String html = HtmlReport.render(suppressed);

        String forces = SvgChartsTest.svgs(html).stream().filter(s -> s.contains("id=\"chart-forces\"")).findFirst()
                .orElseThrow();
        assertThat(forces).contains("class=\"row suppressed\"").contains(">suppressed (2 cells suppressed)</text>")
                .contains(">at least 12 (1 cell suppressed)</text>").doesNotContain(">0</text>");
        String trend = SvgChartsTest.svgs(html).stream().filter(s -> s.contains("id=\"chart-trend\"")).findFirst()
                .orElseThrow();
        assertThat(SvgChartsTest.parse(trend).getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(trend).contains("class=\"point suppressed\"").contains("class=\"point lower-bound\"");
        assertThat(html).contains("<td class=\"n\">suppressed (2 cells suppressed)</td>")
                .contains("<td class=\"n\">at least 12 (2 cells suppressed)</td>");
    }

    @Test
    void aYearNotOverSaysSoAndGivesTheDaysItsRateCovers() {
        String html = HtmlReport.render(Fixtures.yearNotOver());

        assertThat(html).contains("offences in 2024/25 so far (year not over)").contains("a day (153 days reported so far)")
                .contains("<th scope=\"row\">2024/25 (not over)</th>");
        assertThat(cell(html, "2024/25", "offences_per_day")).isEqualTo("1.0");
    }

    @Test
    void everyPartlyReplacedCellIsListedWithItsForcePeriodAndOffences() {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(html).contains("<h3>Cells replaced in part by a later return</h3>")
                .contains("<tr><th scope=\"row\"><code>2024-05-01_kent_q.csv</code></th><td>Kent</td><td>2023/24 Q1</td>"
                        + "<td>86/2</td><td class=\"n\">30</td><td>2023-05</td><td><code>2024-06-01_kent_may.csv</code></td></tr>");
        assertThat(HtmlReport.render(Fixtures.empty())).contains("None: no later return re-stated only some months");
    }

    @Test
    void writePutsReportHtmlInTheWarehouseRoot(@TempDir Path dir) throws Exception {
        Storage storage = Storage.local();
        HtmlReport.write(storage, storage.resolve(dir.toString()), Fixtures.twoYears());
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(HtmlReport.render(Fixtures.twoYears()));
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.html");
        }
    }

    /** The text of the headline table cell for a year and metric. */
    static String cell(String html, String year, String metric) {
        var m = Pattern.compile("<td class=\"n\" data-year=\"" + Pattern.quote(Html.esc(year)) + "\" data-metric=\""
                + metric + "\">([^<]*)</td>").matcher(html);
        assertThat(m.find()).as(year + " " + metric).isTrue();
        return m.group(1);
    }

    @Test
    void filesWithIgnoredColumnsAreListedWithTheirColumnNamesAsText() {
        String html = HtmlReport.render(Fixtures.twoYears());

        assertThat(html).contains("<h3>Columns ignored</h3>").contains("<table class=\"data\" id=\"ignored-columns\">")
                .contains("<tr><th scope=\"row\"><code>2024-04-22_kent.csv</code></th><td><code>BCU</code>, "
                        + "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code></td></tr>");
        assertThat(HtmlReport.render(Fixtures.empty())).contains("None: every column of every file was recognised.");
    }
}
