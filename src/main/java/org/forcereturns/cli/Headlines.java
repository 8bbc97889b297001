package org.forcereturns.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.forcereturns.publish.Tables;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;

/** Prints where the tables are and the headline figures, read back from the published Parquet. */
final class Headlines {

    private final Storage storage;
    private final Path warehouse;

    Headlines(Storage storage, Path warehouse) {
        this.storage = storage;
        this.warehouse = warehouse;
    }

    void print(PrintStream out) throws IOException {
        out.println("Tables in " + warehouse + ":");
        for (TableSchema t : Tables.PUBLISHED) {
            out.println("  " + t.name() + "  " + new Path(warehouse, t.name()));
        }
        List<GenericRecord> national = read(Tables.NATIONAL_SUMMARY);
        List<GenericRecord> platforms = read(Tables.OFFENCES_BY_PLATFORM);
        List<GenericRecord> owners = read(Tables.OFFENCES_BY_OWNER);
        for (GenericRecord n : national) {
            String year = n.get("financial_year").toString();
            out.printf(Locale.ROOT, "%nFinancial year %s: %,d offences (%.1f a day) from %d forces%n", year,
                    (Long) n.get("offences"), (Double) n.get("offences_per_day"), (Integer) n.get("forces_reporting"));
            long recorded = (Long) n.get("platform_recorded_offences");
            out.printf(Locale.ROOT, "  platform recorded: %,d offences from %d forces%n", recorded,
                    (Integer) n.get("forces_reporting_platform"));
            platforms.stream().filter(p -> p.get("financial_year").toString().equals(year))
                    .sorted((a, b) -> Long.compare((Long) b.get("offences"), (Long) a.get("offences"))).limit(5)
                    .forEach(p -> out.printf(Locale.ROOT, "    %-22s %,7d  %5.1f%%%n", p.get("platform"),
                            (Long) p.get("offences"), 100 * (Double) p.get("share_of_platform_recorded")));
            owners.stream().filter(o -> o.get("financial_year").toString().equals(year) && o.get("platform_owner") != null
                            && o.get("platform_owner").toString().equals("Meta"))
                    .forEach(o -> out.printf(Locale.ROOT, "    %-22s %,7d  %5.1f%%%n", "Meta (all products)",
                            (Long) o.get("offences"), 100 * (Double) o.get("share_of_platform_recorded")));
        }
    }

    private List<GenericRecord> read(TableSchema table) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        for (FileStatus f : storage.list(new Path(warehouse, table.name()))) {
            if (!f.getPath().getName().endsWith(".parquet")) {
                continue;
            }
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(f.getPath(), storage.configuration()))
                    .withDataModel(GenericData.get()).withConf(storage.configuration()).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    rows.add(r);
                }
            }
        }
        return rows;
    }
}
