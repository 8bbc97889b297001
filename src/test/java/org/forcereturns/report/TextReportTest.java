package org.forcereturns.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void givesTheHeadlineAndQualityFiguresOfEveryYear() {
        String text = TextReport.render(Fixtures.twoYears());

        assertThat(text).contains("Financial year 2022/23").contains("Financial year 2023/24")
                .containsPattern("Offences +38,685\n")
                .containsPattern("Offences per day +105\\.7  366 days\n")
                .containsPattern("Platform recorded +7,338  19\\.0% of offences\n")
                .containsPattern("Forces reporting +43\n")
                .containsPattern("Forces reporting platform +20\n")
                .containsPattern("Snapchat +3,648  49\\.7%")
                .contains("Files: 3 delivered, 1 loaded, 1 quarantined, 1 duplicate")
                .contains("Rejected rows: 17").containsPattern("BAD_DATE +12\n")
                .contains("Unrecognised platform texts: 2")
                .containsPattern("\"<script>alert\\(1\\)</script>\" +1,234 rows  nearest: Snapchat");
    }

    @Test
    void listsPartlyReplacedCellsAndMarksAYearNotOver() {
        String text = TextReport.render(Fixtures.yearNotOver());

        assertThat(text).contains("Financial year 2024/25 (not over on the run date: figures so far)")
                .containsPattern("Offences per day +1\\.0  153 days reported so far\n")
                .contains("Cells replaced in part by a later return: 1")
                .contains("Kent 2023/24 Q1 86/2: 30 offences dropped from 2024-05-01_kent_q.csv "
                        + "(2023-05 re-stated by 2024-06-01_kent_may.csv)");
    }

    @Test
    void rawValuesCannotDriveTheTerminal() {
        ReportData hostile = new ReportData("w", null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new ReportData.FileRow("a\u001b[2Jb\nc.csv", "QUARANTINED", "UNREADABLE", null, 0, 0, 0, 0)),
                List.of(), List.of(new ReportData.UnmappedRow("x\u001b]0;pwned\u0007\r\u202e", 1, 1, "f", null)),
                List.of());
        String text = TextReport.render(hostile);

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r").doesNotContain("\u202e")
                .contains("quarantined a\\u001B[2Jb\\nc.csv: UNREADABLE")
                .contains("\"x\\u001B]0;pwned\\u0007\\r\\u202E\"");
        assertThat(text).contains("No financial year has been published yet");
    }

    @Test
    void filesWithIgnoredColumnsAreListed() {
        assertThat(TextReport.render(Fixtures.twoYears())).contains("Files with ignored columns: 1\n"
                + "    2024-04-22_kent.csv: BCU, <script>alert(1)</script>\n");
        ReportData hostile = new ReportData("w", null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new ReportData.FileRow("a.csv", "LOADED", null, null, 0, 0, 0, 0, 0, "x\u001b[2J|y")),
                List.of(), List.of(), List.of());
        assertThat(TextReport.render(hostile)).contains("    a.csv: x\\u001B[2J, y\n");
    }
}
