package org.forcereturns.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.forcereturns.report.ReportData;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.Tables;

/** Prints where the tables are and the headline figures, read back from the published Parquet. */
final class Headlines {

    private final Path warehouse;
    private final ReportData data;

    Headlines(Path warehouse, ReportData data) {
        this.warehouse = warehouse;
        this.data = data;
    }

    void print(PrintStream out) {
        out.println("Tables in " + warehouse + ":");
        for (TableSchema t : Tables.PUBLISHED) {
            out.println("  " + t.name() + "  " + new Path(warehouse, t.name()));
        }
        out.println("Report: " + new Path(warehouse, "report.html"));
        out.println("Lineage: " + new Path(warehouse, "manifest.json"));
        for (ReportData.Year y : data.years()) {
            String year = y.financialYear();
            if (y.yearComplete()) {
                out.printf(Locale.ROOT, "%nFinancial year %s: %,d offences (%.1f a day) from %d forces%n", year,
                        y.offences(), y.offencesPerDay(), y.forcesReporting());
            } else {
                out.printf(Locale.ROOT, "%nFinancial year %s (not over): %,d offences so far (%.1f a day over the %d days "
                        + "reported) from %d forces%n", year, y.offences(), y.offencesPerDay(), y.daysCovered(),
                        y.forcesReporting());
            }
            out.printf(Locale.ROOT, "  platform recorded: %,d offences from %d forces%n", y.platformRecordedOffences(),
                    y.forcesReportingPlatform());
            data.platformsIn(year).stream()
                    .sorted(Comparator.comparingLong(ReportData.PlatformRow::offences).reversed()).limit(6)
                    .forEach(p -> out.printf(Locale.ROOT, "    %-22s %,7d  %5.1f%%%n", p.platform(), p.offences(),
                            100 * p.share()));
            data.ownersIn(year).stream().filter(o -> "Meta".equals(o.owner()))
                    .forEach(o -> out.printf(Locale.ROOT, "    %-22s %,7d  %5.1f%%%n", "Meta (all products)",
                            o.offences(), 100 * o.share()));
        }
    }
}
