package org.forcereturns.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.storage.Storage;

/**
 * The warehouse's memory of what it has ingested, kept beside the tables under {@code _state/}:
 * <pre>
 *   _state/deliveries/&lt;id&gt;.properties   one per delivered (path, bytes)
 *   _state/outcomes/&lt;sha256&gt;.properties  the commit mark: the outcome of ingesting that content
 *   _state/files/&lt;sha256&gt;/rows/&lt;year&gt;.parquet    accepted rows, finished clean_offences rows, per financial year
 *   _state/files/&lt;sha256&gt;/tallies.bin           the same rows counted by everything the summaries need
 *   _state/files/&lt;sha256&gt;/rejects.parquet       quarantine rows, when there are any
 * </pre>
 * Every write is idempotent and the outcome is written last, as the commit mark, so a file whose ingest was
 * killed half way is simply ingested again. The delivery and outcome records are also copied into one index
 * ({@code _state/ledger.index}, see {@link RecordIndex}) so that a run need not open two small files per delivery.
 */
public final class Ledger {

    private final Storage storage;
    private final Path state;
    private final RecordIndex index;

    public Ledger(Storage storage, Path warehouse) {
        this.storage = storage;
        this.state = new Path(warehouse, "_state");
        this.index = new RecordIndex(storage, new Path(state, "ledger.index"));
    }

    public Path fileDir(String sha256) {
        return new Path(new Path(state, "files"), sha256);
    }

    /** The accepted rows, one file per financial year. */
    public Path rowsDir(String sha256) {
        return new Path(fileDir(sha256), "rows");
    }

    /** The accepted rows of one financial year (by its start year). */
    public Path rowsFile(String sha256, int financialYearStart) {
        return new Path(rowsDir(sha256), financialYearStart + ".parquet");
    }

    public Path talliesFile(String sha256) {
        return new Path(fileDir(sha256), "tallies.bin");
    }

    /**
     * The tallies of a loaded file. (A ledger written before tallies existed kept its outcomes elsewhere, so its
     * contents count as not ingested and are re-read from the raw archive; a missing tally file here means damage.)
     */
    public List<OffenceTally> tallies(String sha256) throws IOException {
        Path file = talliesFile(sha256);
        if (!storage.exists(file)) {
            throw new IOException("the ledger has an outcome but no tallies for content " + sha256
                    + " (damaged?): run `rebuild` to re-ingest everything from the raw archive");
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

    private Path outcomesDir() {
        return new Path(state, "outcomes");
    }

    private Path outcomeFile(String sha256) {
        return new Path(outcomesDir(), sha256 + ".properties");
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

    /** Every committed outcome, by SHA-256, from one listing (read through the index). */
    public Map<String, IngestedFile> committed() throws IOException {
        Map<String, IngestedFile> out = new HashMap<>();
        for (Map.Entry<String, FileStatus> e : outcomeStatuses().entrySet()) {
            FileStatus status = e.getValue();
            out.put(e.getKey(), IngestedFile.fromProperties(
                    parse(index.read("outcomes/" + status.getPath().getName(), status))));
        }
        return out;
    }

    private Map<String, FileStatus> outcomeStatuses() throws IOException {
        Map<String, FileStatus> out = new HashMap<>();
        for (FileStatus status : storage.list(outcomesDir())) {
            String name = status.getPath().getName();
            if (name.endsWith(".properties")) {
                out.put(name.substring(0, name.length() - ".properties".length()), status);
            }
        }
        return out;
    }

    public void commitIngested(IngestedFile file) throws IOException {
        store(outcomeFile(file.sha256()), file.toProperties());
    }

    /** Withdraws a content's commit mark, first, before its files are replaced: no mark ever names half a content. */
    void uncommit(String sha256) throws IOException {
        storage.delete(outcomeFile(sha256));
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
        if (delivery.notRegular() != null) {
            p.setProperty("not_regular", delivery.notRegular());
        }
        if (delivery.inboxSize() >= 0 && delivery.inboxModified() >= 0) {
            p.setProperty("inbox_size", Long.toString(delivery.inboxSize()));
            p.setProperty("inbox_modified", Long.toString(delivery.inboxModified()));
        }
        store(new Path(deliveriesDir(), delivery.id() + ".properties"), p);
    }

    /**
     * Every delivery the warehouse has recorded, in delivery order, each re-delivery of bytes marked as a duplicate
     * of the first delivery of those bytes in that order: decided afresh on every read, not when a file arrived,
     * so a copy with an earlier path that arrives on a later night becomes the delivery that counts.
     */
    public List<DeliveryRecord> deliveries() throws IOException {
        List<DeliveryRecord> out = new ArrayList<>();
        for (FileStatus status : storage.list(deliveriesDir())) {
            if (!status.getPath().getName().endsWith(".properties")) {
                continue;
            }
            Properties p = parse(index.read("deliveries/" + status.getPath().getName(), status));
            String encoding = p.getProperty("encoding", "");
            out.add(new DeliveryRecord(p.getProperty("source_file"), p.getProperty("sha256"),
                    Long.parseLong(p.getProperty("bytes")), Boolean.parseBoolean(p.getProperty("gzip")),
                    encoding.isEmpty() ? null : encoding, p.getProperty("run_id"),
                    Instant.parse(p.getProperty("delivered_at")), null,
                    Long.parseLong(p.getProperty("inbox_size", "-1")),
                    Long.parseLong(p.getProperty("inbox_modified", "-1")),
                    p.getProperty("not_regular")));
        }
        out.sort(DeliveryRecord.DELIVERY_ORDER);
        return DeliveryRecord.markDuplicates(out);
    }

    /** Outcomes of every ingested content, by SHA-256. */
    public Map<String, IngestedFile> ingestedFiles(List<DeliveryRecord> deliveries) throws IOException {
        Map<String, IngestedFile> out = new HashMap<>();
        Map<String, FileStatus> outcomes = outcomeStatuses();
        for (DeliveryRecord d : deliveries) {
            if (!d.isDuplicate() && !out.containsKey(d.sha256())) {
                FileStatus status = outcomes.get(d.sha256());
                if (status == null) {
                    throw new IOException("the ledger records " + d.sourceFile() + " but has no outcome for its "
                            + "content " + d.sha256());
                }
                String text = index.read("outcomes/" + status.getPath().getName(), status);
                out.put(d.sha256(), IngestedFile.fromProperties(parse(text)));
            }
        }
        return out;
    }

    /** Keeps the index of records read so far for the next run; call once every live record has been read. */
    public void saveIndex() throws IOException {
        index.save();
    }

    /** Forgets all ingested content (for a rebuild); deliveries are kept, as is the raw archive. */
    public void forgetIngestedFiles() throws IOException {
        storage.delete(outcomesDir());
        storage.delete(new Path(state, "files"));
    }

    private static Properties parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    private Properties load(Path file) throws IOException {
        return parse(storage.readString(file));
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
