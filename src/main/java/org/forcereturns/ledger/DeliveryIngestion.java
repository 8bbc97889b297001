package org.forcereturns.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.fs.Path;
import org.forcereturns.aggregate.OffenceTallies;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.ingest.FileOutcome;
import org.forcereturns.ingest.Fingerprint;
import org.forcereturns.ingest.FileStatus;
import org.forcereturns.ingest.ReturnIngester;
import org.forcereturns.ingest.RowSink;
import org.forcereturns.ingest.TextEncoding;
import org.forcereturns.publish.CleanOffenceFiles;
import org.forcereturns.publish.Tables;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;

/**
 * Ingests one delivered content into the ledger: archives the raw bytes (keyed by hash), reads the return,
 * and writes its accepted rows (as finished {@code clean_offences} rows and as tallies) and rejects. This is
 * the unit of restart: it is idempotent, and a content whose outcome is already committed is not read again.
 */
public final class DeliveryIngestion {

    private final Storage storage;
    private final Path warehouse;
    private final Ledger ledger;
    private final ReturnIngester ingester;

    public DeliveryIngestion(Storage storage, Path warehouse, ReturnIngester ingester) {
        this.storage = storage;
        this.warehouse = warehouse;
        this.ledger = new Ledger(storage, warehouse);
        this.ingester = ingester;
    }

    /** Where the raw bytes of a content are kept, unchanged, for rebuilds. */
    public Path rawArchive(String sha256, boolean gzip) {
        return new Path(new Path(new Path(warehouse, "raw"), sha256.substring(0, 2)),
                sha256 + (gzip ? ".csv.gz" : ".csv"));
    }

    /** Copies the delivered bytes into the raw archive, once. */
    public Path archive(Path source, String sha256, boolean gzip) throws IOException {
        Path target = rawArchive(sha256, gzip);
        if (storage.exists(target)) {
            return target;
        }
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        storage.copy(source, tmp);
        storage.rename(tmp, target);
        return target;
    }

    public IngestedFile ingest(String sourceFile, Path archived, boolean gzip, Fingerprint fingerprint, String runId)
            throws IOException {
        var existing = ledger.ingested(fingerprint.sha256());
        if (existing.isPresent() && existing.get().ingestedAs(sourceFile)) {
            return existing.get();
        }
        String sha = fingerprint.sha256();
        // Ingested under another path (an earlier-named copy now counts instead): its rows name the wrong file, so
        // the mark goes first; then, as for no mark at all, whatever is here is discarded.
        ledger.uncommit(sha);
        storage.delete(ledger.fileDir(sha));
        storage.mkdirs(ledger.fileDir(sha));
        FileOutcome outcome;
        OffenceTallies tallies = new OffenceTallies();
        try (Rejects rejects = new Rejects(ledger.rejectsFile(sha), runId)) {
            if (!fingerprint.readable()) {
                rejects.write(new Reject(sourceFile, 0, RejectReason.UNREADABLE, null, fingerprint.unreadable(), ""));
                outcome = FileOutcome.quarantinedWhole(null, RejectReason.UNREADABLE);
            } else {
                outcome = read(sourceFile, archived, gzip, fingerprint.encoding(), sha, rejects, tallies);
            }
        }
        if (outcome.status() == FileStatus.LOADED) {
            ledger.writeTallies(sha, tallies.tallies());
        } else {
            storage.delete(ledger.rowsDir(sha));
        }
        IngestedFile file = new IngestedFile(sha, sourceFile, runId, outcome);
        ledger.commitIngested(file);
        return file;
    }

    private FileOutcome read(String sourceFile, Path archived, boolean gzip, TextEncoding encoding, String sha,
                             Rejects rejects, OffenceTallies tallies) throws IOException {
        try (InputStream raw = storage.open(archived);
             InputStream bytes = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
             Reader text = TextEncoding.openReader(bytes, encoding);
             CleanOffenceFiles rows = new CleanOffenceFiles(year -> ledger.rowsFile(sha, year), sourceFile, sha,
                     storage.configuration())) {
            return ingester.ingest(sourceFile, text, new RowSink() {
                @Override
                public void accepted(CleanOffence offence) throws IOException {
                    rows.write(offence);
                    tallies.add(offence);
                }

                @Override
                public void rejected(Reject reject) throws IOException {
                    rejects.write(reject);
                }
            });
        }
    }

    /** The file's quarantine rows, written only when there are any (most files have none). */
    private final class Rejects implements Closeable {
        private final Path file;
        private final String runId;
        private ParquetTableWriter writer;

        Rejects(Path file, String runId) {
            this.file = file;
            this.runId = runId;
        }

        void write(Reject reject) throws IOException {
            if (writer == null) {
                writer = new ParquetTableWriter(Tables.QUARANTINE, file, storage.configuration(), java.util.Map.of());
            }
            writer.write(quarantineRecord(runId, reject));
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }
    }

    static GenericData.Record quarantineRecord(String runId, Reject reject) {
        GenericData.Record r = Tables.QUARANTINE.newRecord();
        r.put("run_id", runId);
        r.put("source_file", reject.sourceFile());
        r.put("line", reject.line());
        r.put("reason", reject.reason().name());
        r.put("column", reject.column());
        r.put("value", reject.value());
        r.put("raw", reject.raw());
        return r;
    }
}
