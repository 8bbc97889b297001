package org.forcereturns.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.EMAIL;
import static org.forcereturns.testing.Canonical.INSTAGRAM;
import static org.forcereturns.testing.Canonical.KENT;
import static org.forcereturns.testing.Canonical.OTHER;
import static org.forcereturns.testing.Canonical.SNAPCHAT;
import static org.forcereturns.testing.Canonical.WHATSAPP;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.storage.Storage;
import org.forcereturns.testing.Duck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest writes accepted rows to clean_offences Parquet through ParquetWriter without Avro records; read back by DuckDB, the
 * files must hold exactly the values the contract gives each column, in a file parquet-avro readers accept.
 */
class CleanOffenceWriteSupportTest {

    private static final String SHA = "5e".repeat(32);
    private static final String SOURCE = "2024-05-01_mixed.csv";
    private static final Force DYFED = new Force("W15000003", "Dyfed-Powys Heddlu Dyfed-Powys ñ");
    private static final OffenceCode CODE = OffenceCode.of("86/2");

    @TempDir
    static Path dir;
    private static final Configuration CONF = Storage.local().configuration();

    private static CleanOffence record(String ref, LocalDate date, List<Platform> platforms, String raw, long line) {
        return new CleanOffence(KENT, ref, date, FinancialPeriod.ofDate(date), CODE, platforms, raw, 1L, false, line);
    }

    private static CleanOffence count(FinancialPeriod period, String code, List<Platform> platforms, String raw,
                                      Long offences, long line) {
        return new CleanOffence(DYFED, null, null, period, OffenceCode.of(code), platforms, raw, offences,
                offences == null, line);
    }

    @BeforeAll
    static void writeRows() throws IOException {
        FinancialYear fy2023 = new FinancialYear(2023);
        List<CleanOffence> rows = List.of(
                record("K/23/1", LocalDate.of(2023, 5, 2), List.of(SNAPCHAT), "snapchat", 2),
                record("K/23/2", LocalDate.of(2023, 5, 31), List.of(INSTAGRAM, WHATSAPP, SNAPCHAT),
                        "Insta / WhatsApp + Snap", 3),
                record("K/23/3", LocalDate.of(2024, 3, 31), List.of(), "Not recorded", 4),
                // a later year's row between this year's: each year goes to its own file
                record("K/09/1", LocalDate.of(2009, 1, 15), List.of(OTHER, SNAPCHAT, SNAPCHAT), "other, snap", 5),
                count(FinancialPeriod.ofQuarter(fy2023, 2), "86/10", List.of(), null, 7L, 6),
                count(FinancialPeriod.ofYear(fy2023), "86/15", List.of(EMAIL), "e-mail", null, 7),
                count(FinancialPeriod.ofMonth(YearMonth.of(2024, 1)), "86/2", List.of(Platform.UNRECOGNISED),
                        "Brieftaube 🐦", 0L, 8),
                count(FinancialPeriod.ofQuarter(fy2023, 4), "86/2", List.of(Platform.UNRECOGNISED, OTHER), "pigeon",
                        12L, 9_000_000_000L));
        try (CleanOffenceFiles files = new CleanOffenceFiles(CleanOffenceWriteSupportTest::file, SOURCE, SHA, CONF)) {
            for (CleanOffence row : rows) {
                files.write(row);
            }
        }
    }

    private static org.apache.hadoop.fs.Path file(int yearStart) {
        return Storage.local().resolve(dir.resolve("rows/" + yearStart + ".parquet").toString());
    }

    private static String read(int yearStart) {
        return "read_parquet('" + dir.resolve("rows/" + yearStart + ".parquet") + "', file_row_number = true)";
    }

    /** Every column as DuckDB reads it, as text ("null" for a null), in file order. */
    private static List<String> rows(int yearStart) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Duck duck = new Duck(dir)) {
            for (Map<String, Object> row : duck.rows("SELECT COLUMNS(* EXCLUDE (file_row_number))::VARCHAR FROM "
                    + read(yearStart) + " ORDER BY file_row_number")) {
                assertThat(List.copyOf(row.keySet())).isEqualTo(columns());
                out.add(String.join(" | ", row.values().stream().map(String::valueOf).toList()));
            }
        }
        return out;
    }

    private static List<String> columns() {
        return Tables.CLEAN_OFFENCES.avro().getFields().stream().map(f -> f.name()).toList();
    }

    private static List<String> expected(String table) {
        return table.lines().map(line -> String.join(" | ", Arrays.stream(line.split("\\|")).map(String::trim).toList()))
                .toList();
    }

    @Test
    void eachColumnHoldsTheContractsValue() throws SQLException {
        assertThat(rows(2023)).containsExactlyElementsOf(expected("""
                E23000032 | Kent | K/23/1 | 2023-05-02 | 2023/24 | 1 | 2023-05 | 86/2 | Snapchat | snapchat | Snap Inc. | private messaging | 1 | 1 | false | 2024-05-01_mixed.csv | 2 | %1$s
                E23000032 | Kent | K/23/2 | 2023-05-31 | 2023/24 | 1 | 2023-05 | 86/2 | Instagram / WhatsApp / Snapchat | Insta / WhatsApp + Snap | Meta / Snap Inc. | social media / private messaging | 3 | 1 | false | 2024-05-01_mixed.csv | 3 | %1$s
                E23000032 | Kent | K/23/3 | 2024-03-31 | 2023/24 | 4 | 2024-03 | 86/2 | null | Not recorded | null | null | 0 | 1 | false | 2024-05-01_mixed.csv | 4 | %1$s
                W15000003 | Dyfed-Powys Heddlu Dyfed-Powys ñ | null | null | 2023/24 | 2 | null | 86/10 | null | null | null | null | 0 | 7 | false | 2024-05-01_mixed.csv | 6 | %1$s
                W15000003 | Dyfed-Powys Heddlu Dyfed-Powys ñ | null | null | 2023/24 | null | null | 86/15 | Email | e-mail | null | email | 1 | null | true | 2024-05-01_mixed.csv | 7 | %1$s
                W15000003 | Dyfed-Powys Heddlu Dyfed-Powys ñ | null | null | 2023/24 | 4 | 2024-01 | 86/2 | Unrecognised | Brieftaube 🐦 | null | null | 1 | 0 | false | 2024-05-01_mixed.csv | 8 | %1$s
                W15000003 | Dyfed-Powys Heddlu Dyfed-Powys ñ | null | null | 2023/24 | 4 | null | 86/2 | Unrecognised / Other | pigeon | null | null | 2 | 12 | false | 2024-05-01_mixed.csv | 9000000000 | %1$s"""
                .formatted(SHA)));
        // The zero-padded label of a year ending in 09; a repeated platform is listed once but counted as named.
        assertThat(rows(2008)).containsExactlyElementsOf(expected("""
                E23000032 | Kent | K/09/1 | 2009-01-15 | 2008/09 | 4 | 2009-01 | 86/2 | Other / Snapchat | other, snap | Snap Inc. | private messaging | 3 | 1 | false | 2024-05-01_mixed.csv | 5 | %1$s"""
                .formatted(SHA)));
    }

    @Test
    void filesDeclareTheTablesParquetSchemaAndAvroSchema() throws Exception {
        for (int year : List.of(2008, 2023)) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file(year), CONF))) {
                assertThat(reader.getFooter().getFileMetaData().getSchema()).isEqualTo(Tables.CLEAN_OFFENCES.parquet());
            }
            try (Duck duck = new Duck(dir)) {
                Map<String, String> footer = new HashMap<>();
                for (Map<String, Object> kv : duck.rows("SELECT decode(key) AS k, decode(value) AS v FROM "
                        + "parquet_kv_metadata('" + dir.resolve("rows/" + year + ".parquet") + "')")) {
                    footer.put((String) kv.get("k"), (String) kv.get("v"));
                }
                assertThat(footer).containsEntry("parquet.avro.schema", Tables.CLEAN_OFFENCES.avro().toString());
                assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata('"
                        + dir.resolve("rows/" + year + ".parquet") + "')")).containsExactly(Map.of("compression", "ZSTD"));
            }
        }
    }

    @Test
    void aRowThatFailsPartWayLeavesNoFileAReaderWouldTake() throws IOException {
        org.apache.hadoop.fs.Path file = Storage.local().resolve(dir.resolve("failed/2023.parquet").toString());
        CleanOffenceFiles files = new CleanOffenceFiles(year -> file, SOURCE, SHA, CONF);
        files.write(record("K/23/1", LocalDate.of(2023, 5, 2), List.of(SNAPCHAT), "snapchat", 2));
        // No offence code: the force, reference, date and period are written before the row fails.
        CleanOffence broken = new CleanOffence(KENT, "K/23/2", LocalDate.of(2023, 5, 3),
                FinancialPeriod.ofDate(LocalDate.of(2023, 5, 3)), null, List.of(), null, 1L, false, 3);
        assertThatThrownBy(() -> files.write(broken)).isInstanceOf(NullPointerException.class);
        files.close();
        assertThatThrownBy(() -> ParquetFileReader.open(HadoopInputFile.fromPath(file, CONF)).close())
                .isInstanceOf(RuntimeException.class).hasMessageContaining("not a Parquet file");
    }
}
