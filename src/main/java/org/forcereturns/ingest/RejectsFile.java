package org.forcereturns.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.fs.Path;
import org.forcereturns.domain.Reject;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;
import org.forcereturns.warehouse.Tables;

/** One delivery's quarantine rows, as the quarantine table has them; the file is made only when there are any. */
final class RejectsFile implements Closeable {

    private final Storage storage;
    private final Path file;
    private final String runId;
    private ParquetTableWriter writer;

    RejectsFile(Storage storage, Path file, String runId) {
        this.storage = storage;
        this.file = file;
        this.runId = runId;
    }

    void write(Reject reject) throws IOException {
        if (writer == null) {
            writer = new ParquetTableWriter(Tables.QUARANTINE, file, storage.configuration(), Map.of());
        }
        GenericData.Record r = Tables.QUARANTINE.newRecord();
        r.put("run_id", runId);
        r.put("source_file", reject.sourceFile());
        r.put("line", reject.line());
        r.put("reason", reject.reason().name());
        r.put("column", reject.column());
        r.put("value", reject.value());
        r.put("raw", reject.raw());
        writer.write(r);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
