package org.forcereturns.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forcereturns.testing.Canonical.GWENT;
import static org.forcereturns.testing.Canonical.KENT;
import static org.forcereturns.testing.Canonical.SNAPCHAT;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.testing.Duck;
import org.forcereturns.warehouse.CleanOffenceFiles;
import org.forcereturns.warehouse.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing copies the row groups of each delivered file's clean_offences rows into the table byte for byte.
 * DuckDB and parquet's own reader, not our writer, say what the joined file holds.
 */
class ParquetConcatenationTest {

    private static final Configuration CONF = Storage.local().configuration();

    @TempDir
    Path dir;

    private org.apache.hadoop.fs.Path path(String name) {
        return Storage.local().resolve(dir.resolve(name).toString());
    }

    /** A delivered file's 2023/24 rows: {@code rows} rows of varied layouts, lines from {@code firstLine}. */
    private org.apache.hadoop.fs.Path delivered(String name, int firstLine, int rows) throws IOException {
        try (CleanOffenceFiles files = new CleanOffenceFiles(year -> path(name), name + ".csv", name.repeat(8), CONF)) {
            for (int i = 0; i < rows; i++) {
                long line = firstLine + i;
                YearMonth month = YearMonth.of(2023, 4).plusMonths(i % 12);
                LocalDate date = month.atDay(1 + i % 28);
                files.write(switch (i % 3) {
                    case 0 -> new CleanOffence(KENT, "K" + line, date, FinancialPeriod.ofDate(date),
                            OffenceCode.of("86/2"), List.of(SNAPCHAT), "Snapchat", 1L, false, line);
                    case 1 -> new CleanOffence(GWENT, null, null, FinancialPeriod.ofMonth(month), OffenceCode.of("86/10"),
                            List.of(Platform.UNRECOGNISED), "pigeon " + i, (long) i, false, line);
                    default -> new CleanOffence(GWENT, null, null,
                            FinancialPeriod.ofQuarter(new FinancialYear(2023), 1 + i % 4), OffenceCode.of("86/15"),
                            List.of(), null, null, true, line);
                });
            }
        }
        return path(name);
    }

    /** What appendKept writes: a clean_offences file written through parquet-avro. */
    private org.apache.hadoop.fs.Path writtenByParquetAvro(String name) throws IOException {
        try (ParquetTableWriter writer = new ParquetTableWriter(Tables.CLEAN_OFFENCES, path(name), CONF, Map.of())) {
            GenericData.Record r = Tables.CLEAN_OFFENCES.newRecord();
            r.put("force_code", "E23000028");
            r.put("force_name", "Essex");
            r.put("crime_reference", "E1");
            r.put("recorded_date", (int) LocalDate.of(2023, 6, 1).toEpochDay());
            r.put("financial_year", "2023/24");
            r.put("financial_quarter", 1);
            r.put("month", "2023-06");
            r.put("offence_code", "86/2");
            r.put("platform_count", 0);
            r.put("offences", 1L);
            r.put("suppressed", false);
            r.put("source_file", name + ".csv");
            r.put("source_line", 2L);
            r.put("source_sha256", "e".repeat(64));
            writer.write(r);
        }
        return path(name);
    }

    private static org.apache.hadoop.fs.Path concatenate(org.apache.hadoop.fs.Path out, Map<String, String> footer,
                                                         org.apache.hadoop.fs.Path... inputs) throws IOException {
        try (ParquetConcatenation c = new ParquetConcatenation(out, Tables.CLEAN_OFFENCES.parquet(), CONF, footer)) {
            long rows = 0;
            for (org.apache.hadoop.fs.Path input : inputs) {
                rows += c.append(input);
            }
            assertThat(c.rows()).isEqualTo(rows);
        }
        return out;
    }

    private static String local(org.apache.hadoop.fs.Path file) {
        return file.toUri().getPath();
    }

    private static List<Map<String, Object>> rows(Duck duck, org.apache.hadoop.fs.Path file) throws SQLException {
        return duck.rows("SELECT * EXCLUDE (file_row_number) FROM read_parquet('" + local(file)
                + "', file_row_number = true) ORDER BY file_row_number");
    }

    /** Per column chunk, in file order: the row group's rows, the column, its compressed bytes and statistics. */
    private static List<List<Object>> chunks(Duck duck, org.apache.hadoop.fs.Path file) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> c : duck.rows("SELECT row_group_num_rows, path_in_schema, num_values, compression, "
                + "total_compressed_size, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('"
                + local(file) + "') ORDER BY row_group_id, column_id")) {
            out.add(new ArrayList<>(c.values()));
        }
        return out;
    }

    @Test
    void theJoinedFileHoldsEveryRowGroupOfItsInputsInOrder() throws Exception {
        org.apache.hadoop.fs.Path a = delivered("a", 2, 7);
        org.apache.hadoop.fs.Path b = delivered("b", 100, 12);
        org.apache.hadoop.fs.Path kept = writtenByParquetAvro("kept");
        // An input of two row groups: a concatenation appended again.
        org.apache.hadoop.fs.Path ab = concatenate(path("ab"), Map.of(), a, b);
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put("force_returns.run_id", "run-7");
        footer.put("parquet.avro.schema", Tables.CLEAN_OFFENCES.avro().toString());
        org.apache.hadoop.fs.Path out = concatenate(path("out.parquet"), footer, a, b, kept, ab);

        try (Duck duck = new Duck(dir)) {
            List<Map<String, Object>> expected = new ArrayList<>();
            List<List<Object>> expectedChunks = new ArrayList<>();
            long groups = 0;
            for (org.apache.hadoop.fs.Path input : List.of(a, b, kept, ab)) {
                expected.addAll(rows(duck, input));
                expectedChunks.addAll(chunks(duck, input));
                groups += duck.scalarLong("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + local(input) + "')");
            }
            assertThat(expected).hasSize(7 + 12 + 1 + 19);
            assertThat(rows(duck, out)).containsExactlyElementsOf(expected);

            assertThat(groups).isEqualTo(5);
            assertThat(duck.scalarLong("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + local(out) + "')"))
                    .isEqualTo(groups);
            assertThat(chunks(duck, out)).containsExactlyElementsOf(expectedChunks);
            assertThat(duck.scalarLong("SELECT count(*) FROM parquet_metadata('" + local(out) + "') WHERE path_in_schema "
                    + "IN ('force_code', 'source_line', 'offences') AND (stats_min_value IS NULL OR stats_max_value IS NULL)"))
                    .isZero();

            Map<String, String> kv = new HashMap<>();
            for (Map<String, Object> row : duck.rows("SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('"
                    + local(out) + "')")) {
                kv.put((String) row.get("k"), (String) row.get("v"));
            }
            assertThat(kv).containsAllEntriesOf(footer);
        }
        assertIndexesCopied(List.of(a, b, kept, a, b), out);
    }

    /** Column and offset indexes of each output chunk are those of its input chunk, the offsets moved along. */
    private static void assertIndexesCopied(List<org.apache.hadoop.fs.Path> groupSources, org.apache.hadoop.fs.Path out)
            throws IOException {
        try (ParquetFileReader joined = ParquetFileReader.open(HadoopInputFile.fromPath(out, CONF))) {
            List<BlockMetaData> blocks = joined.getFooter().getBlocks();
            assertThat(blocks).hasSize(groupSources.size());
            for (int g = 0; g < blocks.size(); g++) {
                try (ParquetFileReader source = ParquetFileReader.open(HadoopInputFile.fromPath(groupSources.get(g), CONF))) {
                    List<ColumnChunkMetaData> theirs = source.getFooter().getBlocks().get(0).getColumns();
                    List<ColumnChunkMetaData> ours = blocks.get(g).getColumns();
                    assertThat(ours).hasSameSizeAs(theirs);
                    for (int c = 0; c < ours.size(); c++) {
                        assertSameIndexes(joined, ours.get(c), source, theirs.get(c));
                    }
                }
            }
        }
    }

    private static void assertSameIndexes(ParquetFileReader joined, ColumnChunkMetaData ours, ParquetFileReader source,
                                          ColumnChunkMetaData theirs) throws IOException {
        ColumnIndex index = joined.readColumnIndex(ours);
        ColumnIndex original = source.readColumnIndex(theirs);
        assertThat(original).as("column index of %s in the input", theirs.getPath()).isNotNull();
        assertThat(index).as("column index of %s", ours.getPath()).isNotNull();
        assertThat(index.getMinValues()).isEqualTo(original.getMinValues());
        assertThat(index.getMaxValues()).isEqualTo(original.getMaxValues());
        assertThat(index.getNullCounts()).isEqualTo(original.getNullCounts());
        assertThat(index.getNullPages()).isEqualTo(original.getNullPages());
        assertThat(index.getBoundaryOrder()).isEqualTo(original.getBoundaryOrder());

        OffsetIndex offsets = joined.readOffsetIndex(ours);
        OffsetIndex originalOffsets = source.readOffsetIndex(theirs);
        assertThat(offsets).as("offset index of %s", ours.getPath()).isNotNull();
        assertThat(offsets.getPageCount()).isEqualTo(originalOffsets.getPageCount());
        for (int p = 0; p < offsets.getPageCount(); p++) {
            assertThat(offsets.getOffset(p) - ours.getStartingPos())
                    .isEqualTo(originalOffsets.getOffset(p) - theirs.getStartingPos());
            assertThat(offsets.getCompressedPageSize(p)).isEqualTo(originalOffsets.getCompressedPageSize(p));
            assertThat(offsets.getFirstRowIndex(p)).isEqualTo(originalOffsets.getFirstRowIndex(p));
        }
    }

    @Test
    void aFileOfAnotherTableIsRefusedByName() throws IOException {
        org.apache.hadoop.fs.Path quarantine = path("quarantine.parquet");
        try (ParquetTableWriter writer = new ParquetTableWriter(Tables.QUARANTINE, quarantine, CONF, Map.of())) {
            GenericData.Record r = Tables.QUARANTINE.newRecord();
            r.put("run_id", "run-1");
            r.put("source_file", "x.csv");
            r.put("line", 2L);
            r.put("reason", "bad_date");
            writer.write(r);
        }
        org.apache.hadoop.fs.Path a = delivered("a", 2, 3);

        try (ParquetConcatenation c = new ParquetConcatenation(path("out.parquet"), Tables.CLEAN_OFFENCES.parquet(), CONF,
                Map.of())) {
            c.append(a);
            assertThatThrownBy(() -> c.append(quarantine))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(quarantine.toString());
            assertThat(c.rows()).isEqualTo(3);
        }
    }
}
