package org.forcereturns.publish;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;

/** A run's staging folder, {@code _staging/<run id>/}: every table is written here whole, then swapped in. */
final class Staging {

    private final Storage storage;
    private final Path root;

    Staging(Storage storage, Path warehouse, String runId) {
        this.storage = storage;
        this.root = new Path(new Path(warehouse, "_staging"), runId);
    }

    Path root() {
        return root;
    }

    /** The staged folder of a table. */
    Path table(TableSchema table) {
        return new Path(root, table.name());
    }

    /** The one file of a table that is written as a single file. */
    Path singleFile(TableSchema table) {
        return new Path(table(table), "part-00000.parquet");
    }

    void clear() throws IOException {
        storage.delete(root);
    }

    /** Writes a table of the given rows as its single file; returns how many were written. */
    long write(TableSchema table, Map<String, String> meta, List<GenericRecord> records) throws IOException {
        try (ParquetTableWriter writer = new ParquetTableWriter(table, singleFile(table), storage.configuration(),
                meta)) {
            for (GenericRecord r : records) {
                writer.write(r);
            }
            return writer.rows();
        }
    }
}
