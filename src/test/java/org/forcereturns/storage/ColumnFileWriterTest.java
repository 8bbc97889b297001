package org.forcereturns.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.api.Binary;
import org.forcereturns.testing.Duck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column-by-column writer must write what parquet-avro writes for the same rows: the same values, as DuckDB and
 * parquet's own reader read them, and the same statistics and page indexes, including for columns written as
 * constant and for a constant column that stops being one part-way through a row group.
 */
class ColumnFileWriterTest {

    private static final Configuration CONF = Storage.local().configuration();
    private static final TableSchema TABLE = TableSchema.table("t")
            .string("source", false)
            .string("force", false)
            .string("ref", true).unique()
            .string("platform", true)
            .int32("quarter", true)
            .int64("line", false)
            .bool("flag", false)
            .build();
    private static final Set<String> CONSTANT = Set.of("source", "force");
    private static final List<String> PLATFORMS = List.of("Snapchat", "Instagram", "WhatsApp", "Email");

    @TempDir
    Path dir;

    /** One row's values, in the table's column order; null for a null. */
    private record Row(String source, String force, String ref, String platform, Integer quarter, long line,
                       boolean flag) {
    }

    /** Rows of one source; the force is "Kent" until {@code forceChangesAt}, then alternates with "Gwent". */
    private static List<Row> rows(int n, int forceChangesAt, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String force = i < forceChangesAt || i % 2 == 0 ? "Kent" : "Gwent";
            String platform = random.nextInt(5) == 0 ? null : PLATFORMS.get(random.nextInt(PLATFORMS.size()));
            Integer quarter = random.nextInt(7) == 0 ? null : 1 + random.nextInt(4);
            rows.add(new Row("2024-05-01_kent.csv", force, random.nextInt(9) == 0 ? null : "K/" + i, platform,
                    quarter, 2 + i, random.nextBoolean()));
        }
        return rows;
    }

    private org.apache.hadoop.fs.Path path(String name) {
        return Storage.local().resolve(dir.resolve(name).toString());
    }

    private void writeColumns(String name, List<Row> rows, long rowGroupBytes) throws IOException {
        try (ColumnFileWriter out = new ColumnFileWriter(HadoopOutputFile.fromPath(path(name), CONF), TABLE, CONF,
                CONSTANT, Map.of("k", "v"), rowGroupBytes)) {
            // One Binary for the source, as the real writer gives; every force value is a new instance.
            Binary source = text(rows.get(0).source());
            for (Row r : rows) {
                add(out, r, source);
            }
        }
    }

    private static void add(ColumnFileWriter out, Row r, Binary source) throws IOException {
        out.column("source").add(source);
        out.column("force").add(text(r.force()));
        out.column("ref").add(r.ref() == null ? null : text(r.ref()));
        out.column("platform").add(r.platform() == null ? null : text(r.platform()));
        if (r.quarter() == null) {
            out.column("quarter").addNull();
        } else {
            out.column("quarter").add(r.quarter().intValue());
        }
        out.column("line").add(r.line());
        out.column("flag").add(r.flag());
        out.endRow();
    }

    private void writeAvro(String name, List<Row> rows) throws IOException {
        try (ParquetTableWriter out = new ParquetTableWriter(TABLE, path(name), CONF, Map.of())) {
            for (Row r : rows) {
                GenericData.Record record = TABLE.newRecord();
                record.put("source", r.source());
                record.put("force", r.force());
                record.put("ref", r.ref());
                record.put("platform", r.platform());
                record.put("quarter", r.quarter());
                record.put("line", r.line());
                record.put("flag", r.flag());
                out.write(record);
            }
        }
    }

    private static Binary text(String s) {
        return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Every row as DuckDB reads it, in file order. */
    private List<String> duckRows(String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Duck duck = new Duck(dir)) {
            for (Map<String, Object> row : duck.rows("SELECT COLUMNS(* EXCLUDE (file_row_number))::VARCHAR FROM "
                    + "read_parquet('" + dir.resolve(name) + "', file_row_number = true) ORDER BY file_row_number")) {
                out.add(String.join("|", row.values().stream().map(String::valueOf).toList()));
            }
        }
        return out;
    }

    private static List<String> expected(List<Row> rows) {
        return rows.stream().map(r -> String.join("|", r.source(), r.force(), String.valueOf(r.ref()),
                String.valueOf(r.platform()), String.valueOf(r.quarter()), String.valueOf(r.line()),
                String.valueOf(r.flag()))).toList();
    }

    private ParquetFileReader open(String name) throws IOException {
        return ParquetFileReader.open(HadoopInputFile.fromPath(path(name), CONF));
    }

    @Test
    void sameRowsStatisticsAndPageIndexesAsParquetAvro() throws Exception {
        // 50,000 rows: the constant source spans several pages; the force stops being constant at row 30,000.
        List<Row> rows = rows(50_000, 30_000, 1);
        writeColumns("columns.parquet", rows, ColumnFileWriter.ROW_GROUP_BYTES);
        writeAvro("avro.parquet", rows);

        assertThat(duckRows("columns.parquet")).isEqualTo(expected(rows)).isEqualTo(duckRows("avro.parquet"));
        try (ParquetFileReader ours = open("columns.parquet"); ParquetFileReader theirs = open("avro.parquet")) {
            assertThat(ours.getFooter().getFileMetaData().getSchema()).isEqualTo(TABLE.parquet());
            assertThat(ours.getFooter().getFileMetaData().getKeyValueMetaData()).containsEntry("k", "v");
            assertThat(ours.getRowGroups()).hasSize(1);
            BlockMetaData block = ours.getRowGroups().get(0);
            BlockMetaData reference = theirs.getRowGroups().get(0);
            assertThat(block.getRowCount()).isEqualTo(50_000);
            for (int c = 0; c < block.getColumns().size(); c++) {
                ColumnChunkMetaData chunk = block.getColumns().get(c);
                ColumnChunkMetaData expected = reference.getColumns().get(c);
                String column = chunk.getPath().toDotString();
                assertThat(chunk.getValueCount()).as(column).isEqualTo(expected.getValueCount());
                assertThat(chunk.getStatistics()).as(column).isEqualTo(expected.getStatistics());
                assertThat(chunk.getEncodings()).as(column).isEqualTo(expected.getEncodings());
                assertThat(chunk.getCodec()).as(column).isEqualTo(expected.getCodec());

                // Page indexes: every page's row range and bounds, within the chunk's statistics.
                OffsetIndex offsets = ours.readOffsetIndex(chunk);
                ColumnIndex index = ours.readColumnIndex(chunk);
                assertThat(offsets).as(column).isNotNull();
                assertThat(index).as(column).isNotNull();
                assertThat(offsets.getFirstRowIndex(0)).isZero();
                assertThat(offsets.getLastRowIndex(offsets.getPageCount() - 1, block.getRowCount()))
                        .as(column).isEqualTo(block.getRowCount() - 1);
                assertThat(index.getMinValues()).as(column).hasSize(offsets.getPageCount());
                Statistics<?> stats = chunk.getStatistics();
                for (int p = 0; p < offsets.getPageCount(); p++) {
                    if (!index.getNullPages().get(p)) {
                        assertThat(compare(stats, index.getMinValues().get(p), stats.getMinBytes()))
                                .as(column + " page " + p).isGreaterThanOrEqualTo(0);
                        assertThat(compare(stats, index.getMaxValues().get(p), stats.getMaxBytes()))
                                .as(column + " page " + p).isLessThanOrEqualTo(0);
                    }
                }
            }
            // The constant column spans pages of at most the page row limit, as parquet-java's own would.
            OffsetIndex source = ours.readOffsetIndex(block.getColumns().get(0));
            assertThat(source.getPageCount()).isEqualTo(3);
            // The force's first page holds only Kent; its last page, past row 30,000, Gwent and Kent.
            ColumnIndex force = ours.readColumnIndex(block.getColumns().get(1));
            int last = force.getMinValues().size() - 1;
            assertThat(List.of(utf8(force.getMinValues().get(0).array()), utf8(force.getMaxValues().get(0).array()),
                    utf8(force.getMinValues().get(last).array()), utf8(force.getMaxValues().get(last).array())))
                    .containsExactly("Kent", "Kent", "Gwent", "Kent");
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Compares a page bound with a chunk bound, both in Parquet's plain encoding, by the column's own order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Statistics stats, java.nio.ByteBuffer page, byte[] chunk) {
        Statistics a = Statistics.getBuilderForReading(stats.type()).withMin(bytes(page)).withMax(bytes(page)).build();
        Statistics b = Statistics.getBuilderForReading(stats.type()).withMin(chunk).withMax(chunk).build();
        return stats.comparator().compare(a.genericGetMin(), b.genericGetMin());
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void eachRowGroupStartsConstantAgain() throws Exception {
        // A row group per 1,000 rows; the force changes only in the second.
        List<Row> rows = rows(3_500, Integer.MAX_VALUE, 2);
        for (int i = 1_000; i < 2_000; i += 3) {
            Row r = rows.get(i);
            rows.set(i, new Row(r.source(), "Gwent", r.ref(), r.platform(), r.quarter(), r.line(), r.flag()));
        }
        writeColumns("groups.parquet", rows, 1);

        assertThat(duckRows("groups.parquet")).isEqualTo(expected(rows));
        try (Duck duck = new Duck(dir)) {
            assertThat(duck.rows("SELECT row_group_id, row_group_num_rows AS n, stats_min_value AS lo, "
                    + "stats_max_value AS hi FROM parquet_metadata('" + dir.resolve("groups.parquet")
                    + "') WHERE path_in_schema = 'force' ORDER BY row_group_id"))
                    .containsExactly(
                            Map.of("row_group_id", 0L, "n", 1_000L, "lo", "Kent", "hi", "Kent"),
                            Map.of("row_group_id", 1L, "n", 1_000L, "lo", "Gwent", "hi", "Kent"),
                            Map.of("row_group_id", 2L, "n", 1_000L, "lo", "Kent", "hi", "Kent"),
                            Map.of("row_group_id", 3L, "n", 500L, "lo", "Kent", "hi", "Kent"));
        }
    }

    /** Any pattern of changes of the would-be constant column, any row group size: parquet-avro reads the rows. */
    @Property(tries = 40)
    void readersGetTheRowsWritten(@ForAll @IntRange(min = 1, max = 4_000) int n,
                                  @ForAll @IntRange(min = 0, max = 4_500) int forceChangesAt,
                                  @ForAll boolean smallRowGroups, @ForAll long seed) throws IOException {
        Path file = Files.createTempFile("columns", ".parquet");
        try {
            List<Row> rows = rows(n, forceChangesAt, seed);
            try (ColumnFileWriter out = new ColumnFileWriter(
                    HadoopOutputFile.fromPath(Storage.local().resolve(file.toString()), CONF), TABLE, CONF, CONSTANT,
                    Map.of(), smallRowGroups ? 1 : ColumnFileWriter.ROW_GROUP_BYTES)) {
                for (Row r : rows) {
                    add(out, r, text(r.source()));
                }
            }
            List<String> read = new ArrayList<>();
            try (ParquetReader<GenericRecord> in = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(Storage.local().resolve(file.toString()), CONF)).build()) {
                for (GenericRecord r = in.read(); r != null; r = in.read()) {
                    read.add(String.join("|", String.valueOf(r.get("source")), String.valueOf(r.get("force")),
                            String.valueOf(r.get("ref")), String.valueOf(r.get("platform")),
                            String.valueOf(r.get("quarter")), String.valueOf(r.get("line")),
                            String.valueOf(r.get("flag"))));
                }
            }
            assertThat(read).isEqualTo(expected(rows));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anAbortedFileIsLeftWithoutAFooterSoNoReaderTakesIt() throws IOException {
        ColumnFileWriter out = new ColumnFileWriter(HadoopOutputFile.fromPath(path("aborted.parquet"), CONF), TABLE,
                CONF, CONSTANT, Map.of(), ColumnFileWriter.ROW_GROUP_BYTES);
        add(out, rows(1, 0, 3).get(0), text("a.csv"));
        out.column("source").add(text("a.csv"));
        out.abort();
        out.close();
        assertThatThrownBy(() -> open("aborted.parquet")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aConstantColumnMustBeRequiredAndGetAValue() throws IOException, SQLException {
        assertThatThrownBy(() -> new ColumnFileWriter(HadoopOutputFile.fromPath(path("optional.parquet"), CONF),
                TABLE, CONF, Set.of("platform"), Map.of(), ColumnFileWriter.ROW_GROUP_BYTES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform");
        try (ColumnFileWriter out = new ColumnFileWriter(HadoopOutputFile.fromPath(path("null.parquet"), CONF),
                TABLE, CONF, CONSTANT, Map.of(), ColumnFileWriter.ROW_GROUP_BYTES)) {
            assertThatThrownBy(() -> out.column("source").add((Binary) null))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("required");
            out.column("source").add(text("a.csv"));
            out.column("force").add(text("Kent"));
            out.column("ref").add(null);
            out.column("platform").add(null);
            out.column("quarter").addNull();
            out.column("line").add(1L);
            out.column("flag").add(true);
            out.endRow();
        }
        assertThat(duckRows("null.parquet")).containsExactly("a.csv|Kent|null|null|null|1|true");
    }
}
