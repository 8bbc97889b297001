package org.forcereturns.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forcereturns.testing.Canonical.KENT;
import static org.forcereturns.testing.Canonical.SNAPCHAT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.storage.Storage;
import org.forcereturns.testing.Duck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery's year files together hold at most a budget of buffered rows in memory: past it, the largest is
 * written out as a row group (a part of its own, joined into the year's file at the end). The rows, in order, are
 * the same whatever the budget.
 */
class CleanOffenceFilesMemoryTest {

    private static final Configuration CONF = Storage.local().configuration();

    @TempDir
    Path dir;

    /** 30,000 rows spread evenly over three financial years, the years taking turns every 10 rows. */
    private void write(String folder, long budget) throws IOException {
        try (CleanOffenceFiles files = new CleanOffenceFiles(
                year -> Storage.local().resolve(dir.resolve(folder + "/" + year + ".parquet").toString()),
                "2024-05-01_kent.csv", "ab".repeat(32), CONF, budget)) {
            for (int i = 0; i < 30_000; i++) {
                LocalDate date = LocalDate.of(2020 + (i / 10) % 3, 5, 1 + i % 28);
                files.write(new CleanOffence(KENT, "K/" + i, date, FinancialPeriod.ofDate(date), OffenceCode.of("86/2"),
                        i % 3 == 0 ? List.of(SNAPCHAT) : List.of(), i % 3 == 0 ? "snap" : null, 1L, false, i + 2));
            }
        }
    }

    private List<Map<String, Object>> rows(Duck duck, String folder, int year) throws SQLException {
        return duck.rows("SELECT * EXCLUDE (file_row_number) FROM read_parquet('" + dir.resolve(folder + "/" + year
                + ".parquet") + "', file_row_number = true) ORDER BY file_row_number");
    }

    private long rowGroups(Duck duck, String folder, int year) throws SQLException {
        return duck.scalarLong("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('"
                + dir.resolve(folder + "/" + year + ".parquet") + "')");
    }

    @Test
    void pastTheBudgetTheLargestYearIsWrittenOutAndNoRowChanges() throws Exception {
        write("capped", 1);
        write("default", CleanOffenceFiles.MAX_BUFFERED_BYTES);
        try (Duck duck = new Duck(dir)) {
            long cappedGroups = 0;
            for (int year : List.of(2020, 2021, 2022)) {
                List<Map<String, Object>> capped = rows(duck, "capped", year);
                assertThat(capped).hasSize(10_000).isEqualTo(rows(duck, "default", year));
                assertThat(rowGroups(duck, "default", year)).isEqualTo(1);
                cappedGroups += rowGroups(duck, "capped", year);
            }
            // A check every 4,096 rows writes out one year each time: 7 checks, 7 row groups, plus each year's last.
            assertThat(cappedGroups).isEqualTo(7 + 3);
        }
        // The parts written out early are joined into their year's file and leave nothing behind.
        try (Stream<Path> files = Files.list(dir.resolve("capped"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("2020.parquet", "2021.parquet", "2022.parquet");
        }
    }
}
