package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forcereturns.ingest.Returns.csv;
import static org.forcereturns.ingest.Returns.ingest;
import static org.forcereturns.ingest.Returns.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.FileStatus;
import org.forcereturns.domain.Layout;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;
import org.forcereturns.ingest.Returns.Ingested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract sections 3, 5 and 6 for one whole file. Run date 2024-06-30. */
class ReturnIngesterTest {

    private static final String KENT = "E23000032";
    private static final String ESSEX = "E23000028";

    /** rows read = accepted + rejected + skipped, and the sink saw exactly the accepted rows and rejects. */
    private static void assertBalanced(Ingested in) {
        FileOutcome o = in.outcome();
        assertThat(o.rowsRead()).isEqualTo(o.rowsAccepted() + o.rowsRejected() + o.rowsSkipped());
        assertThat(o.rejectsByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(o.rowsRejected());
        assertThat(o.skipsByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(o.rowsSkipped());
        assertThat(in.accepted()).hasSize((int) o.rowsAccepted());
        long fileLevel = in.rejects().stream().filter(r -> r.reason().isFileLevel()).count();
        assertThat(in.rejects()).hasSize((int) o.rowsRejected() + (int) fileLevel);
        assertThat(fileLevel).isEqualTo(o.quarantine() == null ? 0 : 1);
    }

    // ------------------------------------------------------------------ MISSING_COLUMNS

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # header                                            | value of the file-level reject
            Crime Reference,Date Recorded,Offence Code,Platform  | missing force
            Force,Crime Reference,Date Recorded,Platform         | missing offence_code
            Force,Quarter,Offence Code,Count                     | missing a period (recorded_date, month or financial_year)
            Notes,Platform                                       | missing force, offence_code, a period (recorded_date, month or financial_year)
            """)
    void fileWithoutARequiredColumnIsQuarantinedWhole(String header, String value) {
        String text = csv(header, "Kent,CR1,2024-05-02,86/2", "Kent,CR2,2024-05-03,86/2");
        Ingested in = ingest(text);

        FileOutcome o = in.outcome();
        assertThat(o.status()).isEqualTo(FileStatus.QUARANTINED);
        assertThat(o.quarantine()).isEqualTo(RejectReason.MISSING_COLUMNS);
        assertThat(o.layout()).isNull();
        assertThat(List.of(o.rowsRead(), o.rowsAccepted(), o.rowsRejected(), o.rowsSkipped()))
                .containsExactly(0L, 0L, 0L, 0L);
        assertThat(o.coveredMonths()).isEmpty();
        assertThat(in.accepted()).isEmpty();
        assertThat(in.rejects()).containsExactly(
                new Reject("test.csv", 1, RejectReason.MISSING_COLUMNS, null, value, header));
    }

    @Test
    void fileOfBlankLinesHasNoHeader() {
        Ingested in = ingest("\n\n   \n,,,\n");
        assertThat(in.outcome().quarantine()).isEqualTo(RejectReason.MISSING_COLUMNS);
        assertThat(in.outcome().rowsRead()).isZero();
        assertThat(in.rejects()).containsExactly(
                new Reject("test.csv", 0, RejectReason.MISSING_COLUMNS, null, "no header line", ""));
    }

    @Test
    void headerOnlyFileIsLoadedWithNothingInIt() {
        Ingested in = ingest(csv(Returns.RECORD));
        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        assertThat(in.outcome().layout()).isEqualTo(Layout.RECORD);
        assertThat(in.outcome().rowsRead()).isZero();
        assertThat(in.outcome().coveredMonths()).isEmpty();
        assertBalanced(in);
    }

    // ------------------------------------------------------------------ preamble (contract section 2)

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # preamble, lines joined by ~                                    | preamble_lines | header line
            Excel's sep line                                                  | sep=;                                                  | 1 | 2
            a title, a blank line and a note                                  | Kent returns 2024~~Provisional, not for publication   | 2 | 4
            a title with more commas than the header has semicolons           | Kent, Surrey, Sussex, Essex, Herts and Beds returns   | 1 | 2
            a line naming some fields but not all                             | Force;Crime Reference;Platform                        | 1 | 2
            separator-only and blank lines are not preamble                   | ;;;;~~,,,                                              | 0 | 4
            nine lines above the header, the tenth non-blank line             | 1~2~3~4~5~6~7~8~9                                      | 9 | 10
            """)
    void linesAboveTheHeaderArePreambleSkippedAndCounted(String rule, String preamble, long preambleLines,
                                                          long headerLine) {
        List<String> lines = new ArrayList<>(List.of(preamble.split("~", -1)));
        lines.add("Force;Crime Reference;Date Recorded;Offence Code;Platform");
        lines.add("Kent;CR1;2024-05-02;86/2;Snapchat");
        lines.add("Kent;CR2;2024-05-03;86/2;");
        Ingested in = ingest(csv(lines.toArray(String[]::new)));

        FileOutcome o = in.outcome();
        assertThat(o.status()).as(rule).isEqualTo(FileStatus.LOADED);
        assertThat(o.preambleLines()).as(rule).isEqualTo(preambleLines);
        assertThat(o.rowsRead()).as(rule + ": preamble lines are not rows").isEqualTo(2);
        assertThat(in.accepted()).as(rule + ": physical line numbers").extracting(CleanOffence::sourceLine)
                .containsExactly(headerLine + 1, headerLine + 2);
        assertThat(in.accepted().get(0).platformRaw()).isEqualTo("Snapchat");
        assertBalanced(in);
    }

    @Test
    void aHeaderBelowTheFirstTenNonBlankLinesIsNotLookedForAndTheNearestLineIsBlamed() {
        List<String> lines = new ArrayList<>();
        lines.add("Kent returns");
        lines.add("Force,Crime Reference,Date Recorded,Platform"); // line 2: names all but the offence code
        for (int i = 3; i <= 10; i++) {
            lines.add(i % 2 == 0 ? "" : "note " + i); // non-blank lines 3 to 6; blank lines do not count
        }
        for (int i = 0; i < 4; i++) {
            lines.add("note"); // non-blank lines 7 to 10
        }
        lines.add(Returns.RECORD); // the 11th non-blank line
        lines.add("Kent,CR1,2024-05-02,86/2,Snapchat");
        Ingested in = ingest(csv(lines.toArray(String[]::new)));

        assertThat(in.outcome().quarantine()).isEqualTo(RejectReason.MISSING_COLUMNS);
        assertThat(in.outcome().preambleLines()).isZero();
        assertThat(in.outcome().ignoredColumns()).isNull();
        assertThat(in.rejects()).containsExactly(new Reject("test.csv", 2, RejectReason.MISSING_COLUMNS, null,
                "missing offence_code", "Force,Crime Reference,Date Recorded,Platform"));

        lines.remove(lines.size() - 3); // now the header is the 10th non-blank line
        assertThat(ingest(csv(lines.toArray(String[]::new))).outcome().status()).isEqualTo(FileStatus.LOADED);
    }

    @Test
    void aPreambleNoteThatOpensAQuoteAndNeverClosesItDoesNotSwallowTheHeader() {
        Ingested in = ingest(csv("\"Provisional: do not publish", Returns.RECORD, "Kent,CR1,2024-05-02,86/2,\"Snap",
                "chat \"", "Kent,CR2,2024-05-03,86/2,Instagram"));

        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        assertThat(in.outcome().preambleLines()).isEqualTo(1);
        assertThat(in.accepted()).extracting(CleanOffence::sourceLine).containsExactly(3L, 5L);
        assertThat(in.accepted()).extracting(CleanOffence::platformRaw).containsExactly("Snap\nchat", "Instagram");
        assertBalanced(in);
    }

    @Test
    void aFileWithAHeaderOnItsFirstLineHasNoPreamble() {
        Ingested in = ingest(csv(Returns.RECORD, "Kent,CR1,2024-05-02,86/2,Snapchat"));
        assertThat(in.outcome().preambleLines()).isZero();
        assertThat(in.accepted()).extracting(CleanOffence::sourceLine).containsExactly(2L);
    }

    // ------------------------------------------------------------------ ignored columns (contract section 2)

    @Test
    void columnsMatchingNoAliasAreListedAsWrittenInHeaderOrder() {
        Ingested in = ingest(csv("BCU,Force,Crime Reference,Date Recorded,Offence Code,No. Victims,Platform, Force ,",
                "North,Kent,CR1,2024-05-02,86/2,2,Snapchat,Essex,"));
        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        // A second column for a field already taken is ignored too; a blank name is not listed.
        assertThat(in.outcome().ignoredColumns()).containsExactly("BCU", "No. Victims", "Force");
        assertThat(in.accepted().get(0).force().code()).isEqualTo(KENT);

        assertThat(ingest(csv(Returns.RECORD, "Kent,CR1,2024-05-02,86/2,Snapchat")).outcome().ignoredColumns())
                .as("nothing ignored").isEmpty();
    }

    // ------------------------------------------------------------------ rows read, blank lines

    @Test
    void everyRowIsAcceptedRejectedOrSkippedAndBlankLinesAreNotRows() {
        Ingested in = ingest(csv(
                "Force,Crime Reference,Date Recorded,Offence Code,Platform", // 1
                "",                                                          // 2 blank
                "Kent,CR1,2024-05-02,86/2,Snapchat",                         // 3 accepted
                ",,,,",                                                      // 4 all empty: blank
                "Total,,,86/2,",                                             // 5 totals
                "   ",                                                       // 6 blank
                "Kent,CR2,2024-05-02,86/11,",                                // 7 out-of-scope code
                "British Transport Police,CR3,2024-05-02,86/2,",             // 8 out-of-scope force
                "Narnia,CR4,2024-05-02,86/2,",                               // 9 rejected
                "Kent,CR5,2024-05-03,86/10,",                                // 10 accepted
                "Essex,CR6,2024-04-01,86/15,Instagram",                      // 11 accepted
                "Kent,CR1,2024-05-04,86/2,",                                 // 12 duplicate
                "Kent,CR7,2024-05-04,86/2",                                  // 13 malformed
                "Kent,CR8,2024-05-04,86/2,",                                 // 14 accepted
                "Kent,CR9,2024-05-05,86/2,",                                 // 15 accepted
                "Kent,CR10,2024-05-05,86/2,",                                // 16 accepted
                "Kent,,2024-05-05,86/2,",                                    // 17 accepted
                "Kent,,2024-05-05,86/2,",                                    // 18 accepted: no reference
                ""), rules(0.5));

        FileOutcome o = in.outcome();
        assertThat(o.status()).isEqualTo(FileStatus.LOADED);
        assertThat(o.rowsRead()).isEqualTo(14);
        assertThat(o.rowsAccepted()).isEqualTo(8);
        assertThat(o.rowsRejected()).isEqualTo(3);
        assertThat(o.rowsSkipped()).isEqualTo(3);
        assertThat(o.rejectsByReason()).isEqualTo(Map.of(RejectReason.UNKNOWN_FORCE, 1L,
                RejectReason.DUPLICATE_IN_FILE, 1L, RejectReason.MALFORMED_ROW, 1L));
        assertThat(o.skipsByReason()).isEqualTo(Map.of(SkipReason.TOTALS_ROW, 1L,
                SkipReason.OUT_OF_SCOPE_OFFENCE, 1L, SkipReason.OUT_OF_SCOPE_FORCE, 1L));
        assertThat(in.rejects()).extracting(Reject::line).containsExactly(9L, 12L, 13L);
        assertThat(in.accepted()).extracting(CleanOffence::sourceLine)
                .containsExactly(3L, 10L, 11L, 14L, 15L, 16L, 17L, 18L);
        assertBalanced(in);
    }

    // ------------------------------------------------------------------ DUPLICATE_IN_FILE

    @Test
    void secondRowWithTheSameCrimeReferenceIsRejected() {
        Ingested in = ingest(csv(Returns.RECORD,
                "Kent,CR1,2024-05-02,86/2,Snapchat",
                "Kent,CR1,2024-05-09,86/10,Instagram",
                "Kent,CR1,2024-05-10,86/2,",
                "Kent,CR2,2024-05-02,86/2,",
                "Kent,CR3,2024-05-02,86/2,",
                "Kent,CR4,2024-05-02,86/2,",
                "Kent,CR5,2024-05-02,86/2,",
                "Kent,CR6,2024-05-02,86/2,",
                "Kent,CR7,2024-05-02,86/2,",
                "Kent,CR8,2024-05-02,86/2,",
                "Kent,CR9,2024-05-02,86/2,",
                "Kent,CR10,2024-05-02,86/2,",
                "Kent,CR11,2024-05-02,86/2,",
                "Kent,CR12,2024-05-02,86/2,",
                "Kent,CR13,2024-05-02,86/2,",
                "Kent,CR14,2024-05-02,86/2,",
                "Kent,CR15,2024-05-02,86/2,",
                "Kent,CR16,2024-05-02,86/2,",
                "Kent,CR17,2024-05-02,86/2,",
                "Kent,CR18,2024-05-02,86/2,"));
        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        assertThat(in.rejects()).containsExactly(
                new Reject("test.csv", 3, RejectReason.DUPLICATE_IN_FILE, "Crime Reference", "CR1",
                        "Kent,CR1,2024-05-09,86/10,Instagram"),
                new Reject("test.csv", 4, RejectReason.DUPLICATE_IN_FILE, "Crime Reference", "CR1",
                        "Kent,CR1,2024-05-10,86/2,"));
        assertThat(in.accepted()).first().satisfies(first -> {
            assertThat(first.sourceLine()).isEqualTo(2);
            assertThat(first.crimeReference()).isEqualTo("CR1");
        });
        assertThat(in.outcome().rowsAccepted()).isEqualTo(18);
        assertBalanced(in);
    }

    @Test
    void firstAcceptedOccurrenceWinsAndSkippedOrRejectedRowsClaimNoReference() {
        Ingested in = ingest(csv(Returns.RECORD,
                "Kent,CR1,31/02/2024,86/2,",    // 2 rejected BAD_DATE: does not claim CR1
                "Kent,CR1,2024-05-02,86/11,",   // 3 skipped out of scope: does not claim CR1
                "Kent,CR1,2024-05-02,86/2,",    // 4 accepted: the first accepted CR1
                "Kent,CR1,2024-05-03,86/2,"),   // 5 duplicate of line 4
                rules(1.0));
        assertThat(in.accepted()).extracting(CleanOffence::sourceLine).containsExactly(4L);
        assertThat(in.rejects()).extracting(Reject::line, Reject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, RejectReason.BAD_DATE),
                org.assertj.core.groups.Tuple.tuple(5L, RejectReason.DUPLICATE_IN_FILE));
        assertThat(in.outcome().rowsSkipped()).isEqualTo(1);
        assertBalanced(in);
    }

    @Test
    void countLayoutHasNoDuplicateCheck() {
        Ingested in = ingest(csv("Force,Crime Reference,Month,Offence Code,Count",
                "Kent,CR1,2024-05,86/2,3",
                "Kent,CR1,2024-05,86/2,3"));
        assertThat(in.outcome().layout()).isEqualTo(Layout.COUNT);
        assertThat(in.outcome().rowsAccepted()).isEqualTo(2);
        assertThat(in.rejects()).isEmpty();
        assertBalanced(in);
    }

    @Test
    void twoMonthlyCountRowsForTheSameCellAreBothKept() {
        Ingested in = ingest(csv(Returns.MONTHLY,
                "Kent,2024-05,86/2,Snapchat,3",
                "Kent,2024-05,86/2,Snapchat,3"));
        assertThat(in.outcome().rowsAccepted()).isEqualTo(2);
        assertBalanced(in);
    }

    // ------------------------------------------------------------------ TOO_MANY_REJECTS

    /** {@code rows} data rows of which the first {@code bad} have an unknown force. */
    private static String fileWithRejects(int rows, int bad) {
        List<String> lines = new ArrayList<>();
        lines.add(Returns.MONTHLY);
        for (int i = 0; i < rows; i++) {
            lines.add((i < bad ? "Narnia" : "Kent") + ",2024-05,86/2,,1");
        }
        return csv(lines.toArray(String[]::new));
    }

    @ParameterizedTest(name = "[{index}] {1} of {0} rejected, threshold {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # rows | rejected | threshold | status
            10     | 0        | 0.10      | LOADED
            10     | 1        | 0.10      | LOADED
            10     | 2        | 0.10      | QUARANTINED
            20     | 2        | 0.10      | LOADED
            20     | 3        | 0.10      | QUARANTINED
            100    | 10       | 0.10      | LOADED
            100    | 11       | 0.10      | QUARANTINED
            9      | 1        | 0.10      | QUARANTINED
            1      | 1        | 0.10      | QUARANTINED
            10     | 0        | 0.0       | LOADED
            10     | 1        | 0.0       | QUARANTINED
            8      | 2        | 0.25      | LOADED
            8      | 3        | 0.25      | QUARANTINED
            10     | 10       | 1.0       | LOADED
            100    | 29       | 0.29      | LOADED
            100    | 30       | 0.29      | QUARANTINED
            100    | 57       | 0.57      | LOADED
            180    | 63       | 0.35      | LOADED
            180    | 64       | 0.35      | QUARANTINED
            """)
    void fileIsQuarantinedOnlyWhenStrictlyMoreThanTheThresholdIsRejected(int rows, int rejected, double threshold,
                                                                        FileStatus status) {
        Ingested in = ingest(fileWithRejects(rows, rejected), rules(threshold));
        FileOutcome o = in.outcome();

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.rowsRead()).isEqualTo(rows);
        assertThat(o.rowsRejected()).isEqualTo(rejected);
        assertThat(o.rowsAccepted()).isEqualTo(rows - rejected);
        assertThat(in.rejects().stream().filter(r -> r.reason() == RejectReason.UNKNOWN_FORCE)).hasSize(rejected);
        assertBalanced(in);
        if (status == FileStatus.QUARANTINED) {
            assertThat(o.quarantine()).isEqualTo(RejectReason.TOO_MANY_REJECTS);
            assertThat(o.coveredMonths()).isEmpty();
            assertThat(in.rejects()).last().isEqualTo(new Reject("test.csv", 0, RejectReason.TOO_MANY_REJECTS, null,
                    String.format(java.util.Locale.ROOT, "%d of %d rows rejected (%.1f%%, limit %.1f%%)",
                            rejected, rows, 100.0 * rejected / rows, 100.0 * threshold), ""));
        } else {
            assertThat(o.quarantine()).isNull();
            assertThat(o.coveredMonths()).isEqualTo(rows == rejected ? Map.of()
                    : Map.of(KENT, new TreeSet<>(List.of(YearMonth.of(2024, 5)))));
        }
    }

    @Test
    void quarantinedFileStillReportsEveryRowReject() {
        Ingested in = ingest(csv(Returns.RECORD,
                "Kent,CR1,2024-05-02,86/2,",
                "Narnia,CR2,2024-05-02,86/2,",
                "Kent,CR3,2099-05-02,86/2,",
                "Kent,CR1,2024-05-03,86/2,"));
        assertThat(in.outcome().quarantine()).isEqualTo(RejectReason.TOO_MANY_REJECTS);
        assertThat(in.rejects()).extracting(Reject::line, Reject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, RejectReason.UNKNOWN_FORCE),
                org.assertj.core.groups.Tuple.tuple(4L, RejectReason.DATE_OUT_OF_RANGE),
                org.assertj.core.groups.Tuple.tuple(5L, RejectReason.DUPLICATE_IN_FILE),
                org.assertj.core.groups.Tuple.tuple(0L, RejectReason.TOO_MANY_REJECTS));
        assertThat(in.rejects().get(3).value()).isEqualTo("3 of 4 rows rejected (75.0%, limit 10.0%)");
        assertThat(in.outcome().rowsAccepted()).isEqualTo(1);
        assertThat(in.outcome().coveredMonths()).isEmpty();
        assertBalanced(in);
    }

    @Test
    void skippedRowsAreDataRowsInTheRejectShare() {
        // 1 reject in 10 rows is exactly 10%: loaded, although it is the only row that is not skipped
        Ingested in = ingest(csv(Returns.MONTHLY,
                "Narnia,2024-05,86/2,,1",
                "Total,2024-05,86/2,,9",
                "Kent,2024-05,86/11,,1", "Kent,2024-05,86/11,,1", "Kent,2024-05,86/11,,1", "Kent,2024-05,86/11,,1",
                "Kent,2024-05,86/11,,1", "Kent,2024-05,86/11,,1", "Kent,2024-05,86/11,,1", "Kent,2024-05,86/11,,1"));
        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        assertThat(in.outcome().rowsSkipped()).isEqualTo(9);
        assertThat(in.outcome().coveredMonths()).isEmpty();
        assertBalanced(in);
    }

    // ------------------------------------------------------------------ covered months

    private static SortedSet<YearMonth> months(String... months) {
        TreeSet<YearMonth> set = new TreeSet<>();
        for (String m : months) {
            set.add(YearMonth.parse(m));
        }
        return set;
    }

    @Test
    void coveredMonthsAreTheMonthsOfEachForcesAcceptedRows() {
        Ingested in = ingest(csv(Returns.RECORD,
                "Kent,CR1,2024-05-02,86/2,",
                "Kent,CR2,2024-05-20,86/2,",
                "Kent,CR3,2024-06-01,86/10,",
                "Essex,CR4,25/12/2023,86/15,",
                "Kent,CR5,2024-04-02,86/11,",      // skipped: covers nothing
                "Kent,CR1,2024-03-02,86/2,",       // duplicate: covers nothing
                "Kent,CR6,2024-01-02,8/6/2,",      // rejected: covers nothing
                "Surrey,CR7,2024-07-01,86/2,",     // out of range: covers nothing
                "Kent,CR8,2024-05-02,86/2,",
                "Kent,CR9,2024-05-02,86/2,",
                "Kent,CR10,2024-05-02,86/2,",
                "Kent,CR11,2024-05-02,86/2,",
                "Kent,CR12,2024-05-02,86/2,",
                "Kent,CR13,2024-05-02,86/2,",
                "Kent,CR14,2024-05-02,86/2,",
                "Kent,CR15,2024-05-02,86/2,",
                "Kent,CR16,2024-05-02,86/2,",
                "Kent,CR17,2024-05-02,86/2,",
                "Kent,CR18,2024-05-02,86/2,",
                "Kent,CR19,2024-05-02,86/2,",
                "Kent,CR20,2024-05-02,86/2,",
                "Kent,CR21,2024-05-02,86/2,",
                "Kent,CR22,2024-05-02,86/2,",
                "Kent,CR23,2024-05-02,86/2,",
                "Kent,CR24,2024-05-02,86/2,",
                "Kent,CR25,2024-05-02,86/2,",
                "Kent,CR26,2024-05-02,86/2,",
                "Kent,CR27,2024-05-02,86/2,",
                "Kent,CR28,2024-05-02,86/2,",
                "Kent,CR29,2024-05-02,86/2,",
                "Kent,CR30,2024-05-02,86/2,"));
        assertThat(in.outcome().status()).isEqualTo(FileStatus.LOADED);
        assertThat(in.outcome().coveredMonths()).isEqualTo(new TreeMap<>(Map.of(
                KENT, months("2024-05", "2024-06"),
                ESSEX, months("2023-12"))));
        assertThat(in.outcome().forces()).containsExactly(ESSEX, KENT);
        assertBalanced(in);
    }

    @Test
    void quarterCoversThreeMonthsAndYearTwelve() {
        Ingested in = ingest(csv(Returns.QUARTERLY,
                "Kent,2023/24,Q4,86/2,,5",
                "Essex,2022/23,,86/2,,40",
                "Essex,2023/24,1,86/2,,*"));
        assertThat(in.outcome().coveredMonths()).isEqualTo(new TreeMap<>(Map.of(
                KENT, months("2024-01", "2024-02", "2024-03"),
                ESSEX, months("2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10",
                        "2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"))));
        assertBalanced(in);
    }
}
