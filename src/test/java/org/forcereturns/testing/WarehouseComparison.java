package org.forcereturns.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Compares every published table of two warehouses row for row (as multisets), ignoring only the columns that
 * name the run that produced them.
 */
public final class WarehouseComparison {

    public static final List<String> TABLES = List.of("clean_offences", "offences_by_force", "offences_by_platform",
            "offences_by_owner", "offences_by_category", "offences_by_force_platform", "national_summary",
            "quarantine", "unmapped_platforms", "file_inventory", "partly_replaced_cells");

    private WarehouseComparison() {
    }

    /** Empty when equal; else a description of the first table that differs. */
    public static String differences(Path a, Path b) throws SQLException {
        try (Duck duck = new Duck(a)) {
            for (String table : TABLES) {
                String left = "SELECT * EXCLUDE (" + runColumns(table) + ") FROM " + read(a, table);
                String right = "SELECT * EXCLUDE (" + runColumns(table) + ") FROM " + read(b, table);
                long onlyLeft = duck.scalarLong("SELECT count(*) FROM (" + left + " EXCEPT ALL " + right + ")");
                long onlyRight = duck.scalarLong("SELECT count(*) FROM (" + right + " EXCEPT ALL " + left + ")");
                long rows = duck.scalarLong("SELECT count(*) FROM (" + left + ")");
                if (onlyLeft != 0 || onlyRight != 0) {
                    List<Map<String, Object>> sample = duck.rows("SELECT * FROM (" + left + " EXCEPT ALL " + right
                            + ") LIMIT 3");
                    return table + ": " + onlyLeft + " rows only in " + a + ", " + onlyRight + " only in " + b
                            + " (of " + rows + "); e.g. " + sample;
                }
            }
        }
        return "";
    }

    private static String runColumns(String table) {
        return switch (table) {
            case "quarantine", "file_inventory" -> "run_id, __dummy";
            default -> "__dummy";
        };
    }

    private static String read(Path warehouse, String table) {
        // A constant column lets every table use the same EXCLUDE form.
        return "(SELECT *, 1 AS __dummy FROM read_parquet('" + warehouse.resolve(table)
                + "/**/*.parquet', hive_partitioning = true))";
    }
}
