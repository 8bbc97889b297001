package org.forcereturns.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB baseline of {@code bench/run.sh}: what the job does to a clean synthetic inbox, as SQL. Reads every
 * CSV of the inbox, maps force names to codes and platforms to owners and categories with the reference data,
 * keeps the in-scope offence codes, writes {@code clean_offences} partitioned by financial year and the main
 * summary tables to ZSTD Parquet. It does not validate (no rejects, no typo matching, no corrections), so it is
 * a lower bound on the time the work takes, not an equivalent program. Not a test: run by the benchmark.
 *
 * <p>Usage: {@code DuckDbBaseline <inbox> <out-dir> [threads]}.
 */
public final class DuckDbBaseline {

    private DuckDbBaseline() {
    }

    public static void main(String[] args) throws Exception {
        Path inbox = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        Files.createDirectories(out);
        Path reference = Path.of("src/main/resources/reference").toAbsolutePath();
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET preserve_insertion_order = false");
            s.execute("CREATE TEMP TABLE forces AS SELECT force_code, force_name FROM read_csv('"
                    + reference.resolve("forces.csv") + "', header = true, all_varchar = true)");
            s.execute("CREATE TEMP TABLE platforms AS SELECT platform, nullif(owner, '') AS owner, "
                    + "nullif(category, '') AS category FROM read_csv('" + reference.resolve("platforms.csv")
                    + "', header = true, all_varchar = true)");
            s.execute("""
                    CREATE TEMP VIEW clean AS
                    WITH raw AS (
                        SELECT * FROM read_csv('%s/**/*.csv', header = true, all_varchar = true, filename = true)
                    ), typed AS (
                        SELECT f.force_code, f.force_name, nullif(trim(r."Crime Reference"), '') AS crime_reference,
                               CAST(r."Date Recorded" AS DATE) AS recorded_date,
                               trim(r."Offence Code") AS offence_code,
                               nullif(trim(r."Platform"), '') AS platform_raw,
                               replace(r.filename, '%s/', '') AS source_file
                        FROM raw r JOIN forces f ON f.force_name = trim(r."Force")
                        WHERE trim(r."Offence Code") IN ('86/2', '86/10', '86/15')
                    )
                    SELECT t.force_code, t.force_name, t.crime_reference, t.recorded_date,
                           CASE WHEN month(recorded_date) >= 4 THEN year(recorded_date) ELSE year(recorded_date) - 1 END
                               AS financial_year_start,
                           ((month(recorded_date) + 8) %% 12) // 3 + 1 AS financial_quarter,
                           strftime(recorded_date, '%%Y-%%m') AS month,
                           t.offence_code, p.platform, t.platform_raw, p.owner AS platform_owner,
                           p.category AS platform_category, CASE WHEN p.platform IS NULL THEN 0 ELSE 1 END
                               AS platform_count, 1::BIGINT AS offences, false AS suppressed, t.source_file
                    FROM typed t LEFT JOIN platforms p ON p.platform = t.platform_raw
                    """.formatted(inbox, inbox));
            s.execute("CREATE TEMP TABLE clean_t AS SELECT *, financial_year_start || '/' || "
                    + "lpad(((financial_year_start + 1) % 100)::VARCHAR, 2, '0') AS financial_year FROM clean");
            copy(s, "SELECT * FROM clean_t", out.resolve("clean_offences"), "PARTITION_BY (financial_year_start)");
            copy(s, """
                    SELECT financial_year, financial_quarter, force_code, any_value(force_name) AS force_name,
                           offence_code, sum(offences) AS offences,
                           sum(CASE WHEN platform_count > 0 THEN offences ELSE 0 END) AS platform_recorded_offences
                    FROM clean_t GROUP BY ALL ORDER BY ALL""", out.resolve("offences_by_force.parquet"), null);
            copy(s, """
                    SELECT financial_year, platform, any_value(platform_owner) AS owner,
                           any_value(platform_category) AS category, sum(offences) AS offences
                    FROM clean_t WHERE platform IS NOT NULL GROUP BY ALL ORDER BY ALL""",
                    out.resolve("offences_by_platform.parquet"), null);
            copy(s, """
                    SELECT financial_year, platform_owner, sum(offences) AS offences
                    FROM clean_t WHERE platform IS NOT NULL GROUP BY ALL ORDER BY ALL""",
                    out.resolve("offences_by_owner.parquet"), null);
            copy(s, """
                    SELECT financial_year, force_code, any_value(force_name), platform, sum(offences) AS offences
                    FROM clean_t WHERE platform IS NOT NULL GROUP BY ALL ORDER BY ALL""",
                    out.resolve("offences_by_force_platform.parquet"), null);
            copy(s, """
                    SELECT financial_year, sum(offences) AS offences,
                           sum(CASE WHEN platform_count > 0 THEN offences ELSE 0 END) AS platform_recorded_offences,
                           count(DISTINCT force_code) AS forces_reporting
                    FROM clean_t GROUP BY ALL ORDER BY ALL""", out.resolve("national_summary.parquet"), null);
            try (ResultSet r = s.executeQuery("SELECT count(*), sum(offences) FROM clean_t")) {
                r.next();
                System.out.printf("duckdb: %d rows, %d offences, %.2f s%n", r.getLong(1), r.getLong(2),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void copy(Statement s, String query, Path target, String options) throws SQLException {
        s.execute("COPY (" + query + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd"
                + (options == null ? "" : ", " + options) + ")");
    }
}
