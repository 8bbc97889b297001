package org.forcereturns.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.forcereturns.testing.Duck;
import org.forcereturns.testing.InboxWriter;
import org.forcereturns.warehouse.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema files in {@code schemas/} are the analysts' contract: every written table must have exactly the
 * documented columns, in order, with the documented Parquet types and nullability. Read back by DuckDB.
 */
class SchemaFilesTest {

    @TempDir
    static Path dir;
    static Path warehouse;

    @BeforeAll
    static void publishEveryTable() {
        InboxWriter inbox = new InboxWriter(dir.resolve("inbox"));
        inbox.file("2024-05-01_kent.csv", "Force,Crime Ref,Date Recorded,HO Offence Code,Platform",
                "Kent,K1,2023-04-03,86/2,Snapchat", "Kent,K2,2023-04-04,86/2,a chat site", "Kent,K3,yesterday,86/2,");
        inbox.file("2024-05-02_gwent.csv", "PFA,Month,HO Code,Number of Offences", "Gwent,2023-05,86/2,7",
                "Gwent,2022-05,86/2,4");
        warehouse = dir.resolve("wh");
        Cli.Result r = new Cli(dir).run("run", "--inbox", inbox.root().toString(), "--warehouse", warehouse.toString(),
                "--run-date", "2024-12-31", "--reject-threshold", "0.5");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitStatus.SUCCESS);
    }

    static List<String> tables() {
        return Tables.PUBLISHED.stream().map(t -> t.name()).toList();
    }

    @ParameterizedTest
    @MethodSource("tables")
    void writtenTableMatchesItsSchemaFile(String table) throws Exception {
        List<String> documented = documentedColumns(Path.of("schemas", table + ".md"));
        Path file;
        try (var files = Files.walk(warehouse.resolve(table))) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        List<String> written = new ArrayList<>();
        try (Duck duck = new Duck(warehouse)) {
            for (Map<String, Object> c : duck.rows("SELECT name, type, logical_type, repetition_type FROM parquet_schema('"
                    + file + "') WHERE type IS NOT NULL")) {
                String logical = String.valueOf(c.get("logical_type"));
                written.add(c.get("name") + " | " + ("BYTE_ARRAY".equals(c.get("type")) ? "BINARY" : c.get("type")) + " | "
                        + (logical.startsWith("StringType") ? "STRING" : logical.startsWith("DateType") ? "DATE" : "(none)")
                        + " | " + ("OPTIONAL".equals(c.get("repetition_type")) ? "yes" : "no"));
            }
            Map<String, Object> meta = new java.util.HashMap<>();
            for (Map<String, Object> kv : duck.rows("SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('"
                    + file + "')")) {
                meta.put((String) kv.get("k"), kv.get("v"));
            }
            assertThat(meta).containsKeys("force_returns.run_id", "force_returns.software_version",
                    "force_returns.schema_version");
            assertThat(meta.get("force_returns.schema_version")).isEqualTo(Tables.SCHEMA_VERSION);
        }
        assertThat(written).as("columns of %s against schemas/%s.md", table, table).isEqualTo(documented);
    }

    @org.junit.jupiter.api.Test
    void columnsCarryStatisticsAndFilesAreCompressed() throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            String file = warehouse.resolve("national_summary/part-00000.parquet").toString();
            assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                    .containsExactly(java.util.Map.of("compression", "ZSTD"));
            assertThat(duck.scalarLong("SELECT count(*) FROM parquet_metadata('" + file + "') "
                    + "WHERE path_in_schema = 'offences' AND stats_min IS NOT NULL AND stats_max IS NOT NULL"))
                    .isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    void aQueryForOneFinancialYearReadsNoOtherYearsFiles() throws Exception {
        // Spoil the 2023/24 partition: a query that only needs 2022/23 must not even open it.
        Path other = warehouse.resolve("clean_offences/financial_year_start=2023/part-00000.parquet");
        assertThat(other).exists();
        byte[] original = Files.readAllBytes(other);
        Files.writeString(other, "not parquet");
        try (Duck duck = new Duck(warehouse)) {
            assertThat(duck.scalarLong("SELECT sum(offences) FROM {clean_offences} WHERE financial_year_start = 2022"))
                    .isEqualTo(4);
        } finally {
            Files.write(other, original);
        }
    }

    /** Rows of the first Markdown table: `column` | physical | logical | nullable. */
    private static List<String> documentedColumns(Path schemaFile) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(schemaFile)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                out.add(cells[1].trim().replace("`", "") + " | " + cells[2].trim() + " | " + cells[3].trim() + " | "
                        + cells[4].trim());
            }
        }
        assertThat(out).as("columns documented in " + schemaFile).isNotEmpty();
        return out;
    }
}
