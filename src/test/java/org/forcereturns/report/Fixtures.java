package org.forcereturns.report;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Hand-made report data: two years, a hostile raw value in every text column that can carry one. */
final class Fixtures {

    static final String EVIL = "<script>alert(1)</script>";

    private Fixtures() {
    }

    static ReportData twoYears() {
        return new ReportData("file:/data/warehouse", "r20261129T120000-abcd",
                List.of(new ReportData.Year("2022/23", 6_494, 365, 17.79, 1_349, 0.2077, 7, 4, 0, true, 365),
                        new ReportData.Year("2023/24", 38_685, 366, 105.696, 7_338, 0.18968, 43, 20, 19, true, 366)),
                List.of(new ReportData.PlatformRow("2022/23", "Snapchat", "Snap Inc.", "private messaging", 601, 0.4455),
                        new ReportData.PlatformRow("2023/24", "Snapchat", "Snap Inc.", "private messaging", 3_648, 0.49714),
                        new ReportData.PlatformRow("2023/24", "Instagram", "Meta", "social media", 840, 0.11447),
                        new ReportData.PlatformRow("2023/24", "Unrecognised", null, null, 31, 0.0042)),
                List.of(new ReportData.OwnerRow("2023/24", "Snap Inc.", 3_648, 0.49714),
                        new ReportData.OwnerRow("2023/24", "Meta", 1_834, 0.24993),
                        new ReportData.OwnerRow("2023/24", null, 826, 0.1126)),
                List.of(new ReportData.ForceRow("2023/24", "E23000001", "Metropolitan Police", 5_210, 0, 0),
                        new ReportData.ForceRow("2023/24", "E23000011", "South Yorkshire", 1_249, 600, 0),
                        new ReportData.ForceRow("2023/24", "X", EVIL, 1, 1, 0)),
                List.of(new ReportData.QuarterRow("2022/23", 1, 1_300, 200, forces(7), 0),
                        new ReportData.QuarterRow("2022/23", null, 1_406, 0, forces(2), 0),
                        new ReportData.QuarterRow("2023/24", 1, 7_900, 1_800, forces(43), 0),
                        new ReportData.QuarterRow("2023/24", 2, 8_050, 1_820, forces(43), 0)),
                List.of(new ReportData.FileRow("2024-04-22_kent.csv", "LOADED", null, null, 100, 98, 2, 0, 1,
                                "BCU|" + EVIL),
                        new ReportData.FileRow(EVIL + ".csv", "QUARANTINED", "UNREADABLE", null, 0, 0, 0, 0),
                        new ReportData.FileRow("again.csv", "DUPLICATE", null, "2024-04-22_kent.csv", 0, 0, 0, 0)),
                List.of(new ReportData.ReasonCount("BAD_DATE", 12), new ReportData.ReasonCount("BAD_COUNT", 5)),
                List.of(new ReportData.UnmappedRow(EVIL, 1_234, 1_500, "2024-04-22_kent.csv", "Snapchat"),
                        new ReportData.UnmappedRow("Chat room", 24, 30, "a\"b'&c.csv", null)),
                List.of(new ReportData.PartlyReplacedRow("2024-05-01_kent_q.csv", "Kent", "2023/24", 1, "86/2", 30,
                        "2023-05", "2024-06-01_kent_may.csv")));
    }

    /** 2024/25 not over on the run date (153 days reported so far), and one partly replaced cell. */
    static ReportData yearNotOver() {
        return new ReportData("file:/data/warehouse", null,
                List.of(new ReportData.Year("2024/25", 153, 365, 1.0, 0, 0.0, 1, 0, 0, false, 153)), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), twoYears().partlyReplaced());
    }

    static ReportData empty() {
        return new ReportData("file:/empty", null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    /** The codes of the first n forces (made up, in order). */
    static SortedSet<String> forces(int n) {
        SortedSet<String> codes = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            codes.add(String.format("E230000%02d", i));
        }
        return codes;
    }
}
