package org.forcereturns.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.storage.Storage;
import org.forcereturns.testing.Duck;
import org.forcereturns.testing.JarProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report as a reader sees it: the packaged jar publishes the bundled sample, the report is written on that
 * warehouse and loaded in a real headless Chromium; the numbers in the rendered DOM must equal the Parquet tables
 * read by DuckDB, and the page must load with no console message (no script error, no blocked network request).
 * Chromium is required: without it this test fails, it does not skip.
 */
class ReportBrowserIT {

    private static final String YEAR = "2023/24";
    /** Cells without a figure: suppressed in the return, or withheld as small (null). */
    private static final String SUPPRESSED = "sum(suppressed_cells) + count(*) FILTER (WHERE offences IS NULL)";
    private static final Pattern CONSOLE = Pattern.compile("(?i)CONSOLE|Uncaught|Refused to|Content Security Policy");

    @TempDir
    static Path dir;
    static Path warehouse;
    static String chromium;
    static Browser page;

    record Browser(int status, String dom, String stderr) {
        List<String> consoleLines() {
            return stderr.lines().filter(l -> CONSOLE.matcher(l).find()).toList();
        }
    }

    @BeforeAll
    static void publishTheSampleWriteTheReportAndLoadIt() throws Exception {
        chromium = findChromium().orElseGet(() -> fail("Chromium is not installed: ReportBrowserIT needs a real browser. "
                + "Install it with `apt-get update && apt-get install -y chromium`, or point -Dchromium=PATH at one."));
        warehouse = dir.resolve("warehouse");
        Path log = dir.resolve("run.log");
        JarProcess job = JarProcess.start(Path.of("").toAbsolutePath(), log, "run", "--job", "jobs/sample.yml",
                "--warehouse", warehouse.toString(), "--run-date", "2026-11-29",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("repo"));
        int status = job.waitFor(600);
        assertThat(status).as(job.output()).isEqualTo(ExitStatus.QUARANTINED);

        Storage storage = Storage.local();
        org.apache.hadoop.fs.Path root = storage.resolve(warehouse.toString());
        HtmlReport.write(storage, root, ReportData.read(storage, root));

        page = load(warehouse.resolve("report.html"), "--dump-dom");
    }

    @Test
    void loadsWithoutAnyConsoleMessage() throws Exception {
        assertThat(page.status()).as(page.stderr()).isZero();
        assertThat(page.dom()).contains("<h1>Child sexual abuse image offences recorded by police in England and Wales</h1>");
        assertThat(page.consoleLines()).as("console output of the report").isEmpty();

        // The check above can see errors: a page with a script error and a blocked request shows both.
        Path control = dir.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                + "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
                + "<script>console.error('control-error'); undefinedFunction();</script>"
                + "<img src=\"https://example.invalid/x.png\" alt=\"\"></body></html>");
        List<String> lines = load(control, "--dump-dom").consoleLines();
        assertThat(String.join("\n", lines)).contains("control-error").contains("Uncaught").contains("example.invalid");
    }

    @Test
    void theRenderedPageHoldsNoScriptAndEveryChartHasATitle() {
        String dom = page.dom();
        assertThat(dom.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        assertThat(count(dom, "<svg")).isEqualTo(5);
        assertThat(count(dom, "role=\"img\"")).isEqualTo(5);
        assertThat(dom).contains("<title id=\"chart-platforms-title\">Offences by platform, 2023/24</title>");
    }

    @Test
    void theHeadlineNumbersEqualTheNationalSummary() throws Exception {
        assertThat(cell("td", YEAR, "offences")).isEqualTo("38,685");
        assertThat(cell("span", YEAR, "offences")).isEqualTo("38,685");
        assertThat(cell("td", YEAR, "offences_per_day")).isEqualTo("105.7");
        assertThat(cell("td", YEAR, "platform_recorded_offences")).isEqualTo("7,338");
        assertThat(cell("td", YEAR, "forces_reporting")).isEqualTo("43");
        assertThat(cell("td", YEAR, "forces_reporting_platform")).isEqualTo("20");
        try (Duck duck = new Duck(warehouse)) {
            List<Map<String, Object>> years = duck.rows("SELECT * FROM {national_summary} ORDER BY financial_year");
            assertThat(years).hasSize(2);
            for (Map<String, Object> y : years) {
                String year = (String) y.get("financial_year");
                assertThat(cell("td", year, "offences")).isEqualTo(grouped((Long) y.get("offences")));
                assertThat(cell("td", year, "offences_per_day"))
                        .isEqualTo(String.format(Locale.UK, "%,.1f", (Double) y.get("offences_per_day")));
                assertThat(cell("td", year, "platform_recorded_offences"))
                        .isEqualTo(grouped((Long) y.get("platform_recorded_offences")));
                assertThat(cell("td", year, "platform_recorded_share"))
                        .isEqualTo(String.format(Locale.UK, "%.1f%%", 100 * (Double) y.get("platform_recorded_share")));
                assertThat(cell("td", year, "forces_reporting")).isEqualTo(y.get("forces_reporting").toString());
                assertThat(cell("td", year, "forces_reporting_platform"))
                        .isEqualTo(y.get("forces_reporting_platform").toString());
            }
        }
    }

    @Test
    void thePlatformOwnerAndForceChartsShowTheLatestYearsTables() throws Exception {
        String dom = page.dom();
        assertThat(dom).contains("<title>Snapchat: 3,648 (49.7%)</title>").contains("<title>Meta: 1,834 (25.0%)</title>");
        try (Duck duck = new Duck(warehouse)) {
            for (Map<String, Object> p : duck.rows("SELECT platform, offences, share_of_platform_recorded AS s "
                    + "FROM {offences_by_platform} WHERE financial_year = '" + YEAR + "'")) {
                assertThat(dom).contains("<title>" + p.get("platform") + ": " + grouped((Long) p.get("offences")) + " ("
                        + String.format(Locale.UK, "%.1f%%", 100 * (Double) p.get("s")) + ")</title>");
            }
            List<Map<String, Object>> forces = duck.rows("SELECT force_name, coalesce(sum(offences), 0) AS n, "
                    + SUPPRESSED + " AS s FROM {offences_by_force} WHERE financial_year = '" + YEAR + "' GROUP BY force_name");
            assertThat(forces).hasSize(43);
            String forceChart = between(dom, "<svg", "id=\"chart-forces\"", "</svg>");
            for (Map<String, Object> f : forces) {
                long n = ((Number) f.get("n")).longValue();
                long s = ((Number) f.get("s")).longValue();
                // a sum over suppressed cells is a lower bound, never the force's figure
                String shown = s == 0 ? grouped(n) : (n == 0 ? "suppressed" : "at least " + grouped(n)) + " ("
                        + grouped(s) + (s == 1 ? " cell" : " cells") + " suppressed)";
                assertThat(forceChart).contains("<title>" + f.get("force_name").toString().replace("&", "&amp;") + ": "
                        + shown + "</title>");
            }
        }
    }

    @Test
    void theQuarterlyTrendCoversEveryYearsQuarters() throws Exception {
        String trend = between(page.dom(), "<svg", "id=\"chart-trend\"", "</svg>");
        try (Duck duck = new Duck(warehouse)) {
            List<Map<String, Object>> quarters = duck.rows("SELECT financial_year, financial_quarter, sum(offences) AS n, "
                    + SUPPRESSED + " AS s FROM {offences_by_force} WHERE financial_quarter IS NOT NULL GROUP BY 1, 2 "
                    + "ORDER BY 1, 2");
            assertThat(quarters).hasSize(8);
            assertThat(count(trend, "<circle")).isEqualTo(quarters.size());
            for (Map<String, Object> q : quarters) {
                assertThat(trend).contains("<title>" + q.get("financial_year") + " Q" + q.get("financial_quarter") + ": "
                        + (((Number) q.get("s")).longValue() > 0 ? "at least " : "")
                        + grouped(((Number) q.get("n")).longValue()) + " offences");
            }
            // 2022/23 (6 forces by quarter) and 2023/24 (37) are two lines, not one rising sixfold
            assertThat(count(trend, "<polyline")).isEqualTo(2);
            assertThat(trend).contains(">6 forces reporting</text>").contains(">37 forces reporting</text>");
        }
    }

    @Test
    void theDataQualityFiguresEqualTheInventoryAndQuarantineTables() throws Exception {
        String dom = page.dom();
        try (Duck duck = new Duck(warehouse)) {
            Map<String, Long> status = duck.longsByKey("SELECT status, count(*) FROM {file_inventory} GROUP BY 1");
            assertThat(metric(dom, "files_delivered")).isEqualTo(grouped(status.values().stream().mapToLong(n -> n).sum()));
            assertThat(metric(dom, "files_loaded")).isEqualTo(grouped(status.get("LOADED")));
            assertThat(metric(dom, "files_quarantined")).isEqualTo("3").isEqualTo(grouped(status.get("QUARANTINED")));
            assertThat(metric(dom, "files_duplicate")).isEqualTo(grouped(status.get("DUPLICATE")));
            for (Map<String, Object> f : duck.rows("SELECT source_file, quarantine_reason FROM {file_inventory} "
                    + "WHERE status = 'QUARANTINED'")) {
                assertThat(dom).containsPattern(Pattern.quote("<code>" + f.get("source_file") + "</code></th><td>"
                        + f.get("quarantine_reason") + "</td>"));
            }
            Map<String, Long> reasons = duck.longsByKey("SELECT reason, count(*) FROM {quarantine} WHERE reason NOT IN "
                    + "('UNREADABLE', 'MISSING_COLUMNS', 'TOO_MANY_REJECTS') GROUP BY 1");
            assertThat(reasons).isNotEmpty();
            assertThat(metric(dom, "rows_rejected")).isEqualTo(grouped(reasons.values().stream().mapToLong(n -> n).sum()));
            reasons.forEach((reason, n) -> assertThat(dom)
                    .contains("<td class=\"n\" data-reason=\"" + reason + "\">" + grouped(n) + "</td>"));
            for (Map<String, Object> u : duck.rows("SELECT raw_value, occurrences FROM {unmapped_platforms}")) {
                assertThat(dom).contains(">" + u.get("raw_value") + "</code></th><td class=\"n\">"
                        + grouped((Long) u.get("occurrences")) + "</td>");
            }
        }
    }

    @Test
    void aScreenshotOfThePageIsKeptForPeopleToLookAt() throws Exception {
        Path out = Path.of("target", "report-it");
        Files.createDirectories(out);
        Path png = out.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Browser shot = load(warehouse.resolve("report.html"), "--screenshot=" + png, "--window-size=1280,3000",
                "--hide-scrollbars");
        assertThat(shot.status()).as(shot.stderr()).isZero();
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).as("a rendered page, not a blank one").isGreaterThan(50_000);
        Files.copy(warehouse.resolve("report.html"), out.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String cell(String tag, String year, String metric) {
        Matcher m = Pattern.compile("<" + tag + " class=\"[^\"]*\" data-year=\"" + Pattern.quote(year)
                + "\" data-metric=\"" + metric + "\">([^<]*)</" + tag + ">").matcher(page.dom());
        assertThat(m.find()).as("<%s> for %s %s in the rendered page", tag, year, metric).isTrue();
        return m.group(1);
    }

    private static String metric(String dom, String metric) {
        Matcher m = Pattern.compile("data-metric=\"" + metric + "\">([^<]*)<").matcher(dom);
        assertThat(m.find()).as(metric).isTrue();
        return m.group(1);
    }

    /** The element starting at the last {@code open} before {@code marker}, up to the next {@code close}. */
    private static String between(String text, String open, String marker, String close) {
        int at = text.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int start = text.lastIndexOf(open, at);
        return text.substring(start, text.indexOf(close, at) + close.length());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String grouped(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** Runs headless Chromium on a local file with its own profile; nothing is fetched from the network. */
    private static Browser load(Path file, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        Path stdout = Files.createTempFile(dir, "chromium-", ".out");
        Path stderr = Files.createTempFile(dir, "chromium-", ".err");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(action));
        command.add(file.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + command);
        }
        return new Browser(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Optional<String> findChromium() {
        String configured = System.getProperty("chromium", System.getenv("CHROMIUM"));
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? Optional.of(configured) : Optional.empty();
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dirName.isEmpty() ? "." : dirName, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
