package org.forcereturns.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.forcereturns.aggregate.OffenceTally;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/**
 * The warehouse's memory of what it has ingested, kept beside the tables under {@code _state/}:
 * <pre>
 *   _state/deliveries/&lt;id&gt;.properties   one per delivered (path, bytes)
 *   _state/files/&lt;sha256&gt;/outcome.properties     the commit mark: the file's outcome
 *   _state/files/&lt;sha256&gt;/rows/&lt;year&gt;.parquet    accepted rows, finished clean_offences rows, per financial year
 *   _state/files/&lt;sha256&gt;/tallies.bin           the same rows counted by everything the summaries need
 *   _state/files/&lt;sha256&gt;/rejects.parquet       quarantine rows, when there are any
 * </pre>
 * Every write is idempotent and the properties file is written last, as the commit mark, so a file whose
 * ingest was killed half way is simply ingested again.
 */
public final class Ledger {

    private final Storage storage;
    private final Path state;

    public Ledger(Storage storage, Path warehouse) {
        this.storage = storage;
        this.state = new Path(warehouse, "_state");
    }

    public Path fileDir(String sha256) {
        return new Path(new Path(state, "files"), sha256);
    }

    /** The accepted rows of one financial year (by its start year). */
    public Path rowsFile(String sha256, int financialYearStart) {
        return new Path(new Path(fileDir(sha256), "rows"), financialYearStart + ".parquet");
    }

    public Path talliesFile(String sha256) {
        return new Path(fileDir(sha256), "tallies.bin");
    }

    /**
     * The tallies of a loaded file. A ledger written before tallies existed (it kept {@code rows.parquet}) has
     * none: its rows must be re-read from the raw archive, which is what {@code rebuild} does.
     */
    public List<OffenceTally> tallies(String sha256) throws IOException {
        Path file = talliesFile(sha256);
        if (!storage.exists(file)) {
            throw new IOException("the ledger has no tallies for content " + sha256 + " (written by an older "
                    + "version of this pipeline?): run `rebuild` once to re-ingest everything from the raw archive");
        }
        try (InputStream in = storage.open(file)) {
            return TallyFile.read(in, file.toString());
        }
    }

    void writeTallies(String sha256, List<OffenceTally> tallies) throws IOException {
        try (OutputStream out = storage.create(talliesFile(sha256))) {
            TallyFile.write(tallies, out);
        }
    }

    public Path rejectsFile(String sha256) {
        return new Path(fileDir(sha256), "rejects.parquet");
    }

    private Path outcomeFile(String sha256) {
        return new Path(fileDir(sha256), "outcome.properties");
    }

    private Path deliveriesDir() {
        return new Path(state, "deliveries");
    }

    public Optional<IngestedFile> ingested(String sha256) throws IOException {
        Path file = outcomeFile(sha256);
        if (!storage.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(IngestedFile.fromProperties(load(file)));
    }

    /** Whether the content has a committed outcome, without reading it. */
    public boolean hasOutcome(String sha256) {
        return storage.exists(outcomeFile(sha256));
    }

    public void commitIngested(IngestedFile file) throws IOException {
        store(outcomeFile(file.sha256()), file.toProperties());
    }

    public void recordDelivery(DeliveryRecord delivery) throws IOException {
        Properties p = new Properties();
        p.setProperty("source_file", delivery.sourceFile());
        p.setProperty("sha256", delivery.sha256());
        p.setProperty("bytes", Long.toString(delivery.bytes()));
        p.setProperty("gzip", Boolean.toString(delivery.gzip()));
        p.setProperty("encoding", delivery.encoding() == null ? "" : delivery.encoding());
        p.setProperty("run_id", delivery.runId());
        p.setProperty("delivered_at", delivery.deliveredAt().toString());
        if (delivery.duplicateOf() != null) {
            p.setProperty("duplicate_of", delivery.duplicateOf());
        }
        if (delivery.inboxSize() >= 0 && delivery.inboxModified() >= 0) {
            p.setProperty("inbox_size", Long.toString(delivery.inboxSize()));
            p.setProperty("inbox_modified", Long.toString(delivery.inboxModified()));
        }
        store(new Path(deliveriesDir(), delivery.id() + ".properties"), p);
    }

    /** Every delivery the warehouse has recorded, in delivery order. */
    public List<DeliveryRecord> deliveries() throws IOException {
        List<DeliveryRecord> out = new ArrayList<>();
        for (FileStatus status : storage.list(deliveriesDir())) {
            if (!status.getPath().getName().endsWith(".properties")) {
                continue;
            }
            Properties p = load(status.getPath());
            String encoding = p.getProperty("encoding", "");
            out.add(new DeliveryRecord(p.getProperty("source_file"), p.getProperty("sha256"),
                    Long.parseLong(p.getProperty("bytes")), Boolean.parseBoolean(p.getProperty("gzip")),
                    encoding.isEmpty() ? null : encoding, p.getProperty("run_id"),
                    Instant.parse(p.getProperty("delivered_at")), p.getProperty("duplicate_of"),
                    Long.parseLong(p.getProperty("inbox_size", "-1")),
                    Long.parseLong(p.getProperty("inbox_modified", "-1"))));
        }
        out.sort(DeliveryRecord.DELIVERY_ORDER);
        return out;
    }

    /** Outcomes of every ingested content, by SHA-256. */
    public Map<String, IngestedFile> ingestedFiles(List<DeliveryRecord> deliveries) throws IOException {
        Map<String, IngestedFile> out = new HashMap<>();
        for (DeliveryRecord d : deliveries) {
            if (!d.isDuplicate() && !out.containsKey(d.sha256())) {
                IngestedFile file = ingested(d.sha256())
                        .orElseThrow(() -> new IOException("the ledger records " + d.sourceFile()
                                + " but has no outcome for its content " + d.sha256()));
                out.put(d.sha256(), file);
            }
        }
        return out;
    }

    /** Forgets all ingested content (for a rebuild); deliveries are kept, as is the raw archive. */
    public void forgetIngestedFiles() throws IOException {
        storage.delete(new Path(state, "files"));
    }

    private Properties load(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(storage.readString(file)));
        return p;
    }

    private void store(Path file, Properties p) throws IOException {
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store writes a timestamp comment first; drop it so identical content gives identical bytes.
        String body = text.toString().replaceFirst("^#[^\n]*\n", "");
        storage.writeString(file, body);
    }
}
