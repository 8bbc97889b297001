package org.forcereturns.warehouse;


import java.util.List;
import org.forcereturns.storage.TableSchema;

/** Every published table's schema (contract section 7). Documented column by column in {@code schemas/}. */
public final class Tables {

    public static final String SCHEMA_VERSION = "2";

    public static final TableSchema CLEAN_OFFENCES = TableSchema.table("clean_offences")
            .string("force_code", false)
            .string("force_name", false)
            .string("crime_reference", true).unique()
            .date("recorded_date", true)
            .string("financial_year", false)
            .int32("financial_quarter", true)
            .string("month", true)
            .string("offence_code", false)
            .string("platform", true)
            .string("platform_raw", true)
            .string("platform_owner", true)
            .string("platform_category", true)
            .int32("platform_count", false)
            .int64("offences", true)
            .bool("suppressed", false)
            .string("source_file", false)
            .int64("source_line", false).unique()
            .string("source_sha256", false)
            .build();

    public static final TableSchema OFFENCES_BY_FORCE = TableSchema.table("offences_by_force")
            .string("financial_year", false)
            .int32("financial_quarter", true)
            .string("force_code", false)
            .string("force_name", false)
            .string("offence_code", false)
            .int64("offences", true)
            .int64("platform_recorded_offences", true)
            .int64("suppressed_cells", false)
            .bool("suppressed", false)
            .build();

    public static final TableSchema OFFENCES_BY_PLATFORM = TableSchema.table("offences_by_platform")
            .string("financial_year", false)
            .string("platform", false)
            .string("platform_owner", true)
            .string("platform_category", true)
            .int64("offences", false)
            .float64("share_of_platform_recorded", false)
            .build();

    public static final TableSchema OFFENCES_BY_OWNER = TableSchema.table("offences_by_owner")
            .string("financial_year", false)
            .string("platform_owner", true)
            .int64("offences", false)
            .float64("share_of_platform_recorded", false)
            .build();

    public static final TableSchema OFFENCES_BY_CATEGORY = TableSchema.table("offences_by_category")
            .string("financial_year", false)
            .string("platform_category", true)
            .int64("offences", false)
            .float64("share_of_platform_recorded", false)
            .build();

    public static final TableSchema OFFENCES_BY_FORCE_PLATFORM = TableSchema.table("offences_by_force_platform")
            .string("financial_year", false)
            .string("force_code", false)
            .string("force_name", false)
            .string("platform", false)
            .int64("offences", true)
            .bool("suppressed", false)
            .build();

    public static final TableSchema NATIONAL_SUMMARY = TableSchema.table("national_summary")
            .string("financial_year", false)
            .int64("offences", false)
            .int32("days_in_year", false)
            .float64("offences_per_day", false)
            .int64("platform_recorded_offences", false)
            .float64("platform_recorded_share", true)
            .int32("forces_reporting", false)
            .int32("forces_reporting_platform", false)
            .int64("suppressed_cells", false)
            .bool("year_complete", false)
            .int32("days_covered", false)
            .build();

    public static final TableSchema QUARANTINE = TableSchema.table("quarantine")
            .string("run_id", false)
            .string("source_file", false)
            .int64("line", false)
            .string("reason", false)
            .string("column", true)
            .string("value", true)
            .string("raw", true)
            .build();

    public static final TableSchema UNMAPPED_PLATFORMS = TableSchema.table("unmapped_platforms")
            .string("raw_value", false)
            .int64("occurrences", false)
            .int64("offences", false)
            .string("first_source_file", false)
            .string("suggested_platform", true)
            .build();

    public static final TableSchema PARTLY_REPLACED_CELLS = TableSchema.table("partly_replaced_cells")
            .string("source_file", false)
            .string("source_sha256", false)
            .string("force_code", false)
            .string("force_name", false)
            .string("financial_year", false)
            .int32("financial_quarter", true)
            .string("offence_code", false)
            .int64("cells", false)
            .int64("offences", false)
            .int64("suppressed_cells", false)
            .string("months_restated", false)
            .string("restated_by", false)
            .build();

    public static final TableSchema FILE_INVENTORY = TableSchema.table("file_inventory")
            .string("source_file", false)
            .string("sha256", true)
            .int64("bytes", false)
            .string("layout", true)
            .string("encoding", true)
            .int64("preamble_lines", false)
            .string("ignored_columns", true)
            .int64("rows_read", false)
            .int64("rows_accepted", false)
            .int64("rows_rejected", false)
            .int64("rows_skipped", false)
            .string("status", false)
            .string("quarantine_reason", true)
            .string("duplicate_of", true)
            .string("run_id", false)
            .int64("rows_published", false)
            .int64("rows_superseded", false)
            .build();

    public static final List<TableSchema> PUBLISHED = List.of(CLEAN_OFFENCES, OFFENCES_BY_FORCE, OFFENCES_BY_PLATFORM,
            OFFENCES_BY_OWNER, OFFENCES_BY_CATEGORY, OFFENCES_BY_FORCE_PLATFORM, NATIONAL_SUMMARY, QUARANTINE,
            UNMAPPED_PLATFORMS, FILE_INVENTORY, PARTLY_REPLACED_CELLS);

    private Tables() {
    }
}
