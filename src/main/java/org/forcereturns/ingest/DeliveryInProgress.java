package org.forcereturns.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.Path;
import org.forcereturns.aggregate.OffenceTallies;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;
import org.forcereturns.intake.PlannedDelivery;
import org.forcereturns.intake.TextEncoding;
import org.forcereturns.job.Pipeline;
import org.forcereturns.job.RunSettings;
import org.forcereturns.normalise.OffenceScope;
import org.forcereturns.storage.Fence;
import org.forcereturns.warehouse.CleanOffenceFiles;
import org.forcereturns.warehouse.Ledger;
import org.forcereturns.warehouse.RawArchive;

/**
 * The delivery one partition is ingesting, made by the partition's reader and shared with its writer and listener
 * (and with the processor through each row): where its rows, tallies and rejects go, and what is known of the file that
 * Spring Batch does not count itself (its header, why it is quarantined whole, skips and rejects by reason).
 */
final class DeliveryInProgress implements Closeable {

    final PlannedDelivery delivery;
    final Pipeline pipeline;
    private final ReferenceData reference;
    final Ledger ledger;
    final Fence fence;
    final OffenceTallies tallies = new OffenceTallies();
    final Map<RejectReason, Long> rejectsByReason = new EnumMap<>(RejectReason.class);
    final Map<SkipReason, Long> skipsByReason = new EnumMap<>(SkipReason.class);
    private final RejectsFile rejects;
    private CleanOffenceFiles rows;
    ReturnHeader.Found header;
    RowClassifier classifier;
    /** Why the whole file is quarantined before any row is read ({@code UNREADABLE}, {@code MISSING_COLUMNS}). */
    RejectReason quarantinedWhole;
    /** Set when the reader has returned its last row: the delivery can be summed up. */
    boolean exhausted;

    DeliveryInProgress(PlannedDelivery delivery, Pipeline pipeline, ReferenceData reference, Ledger ledger,
                       Fence fence) {
        this.delivery = delivery;
        this.pipeline = pipeline;
        this.reference = reference;
        this.ledger = ledger;
        this.fence = fence;
        this.rejects = new RejectsFile(pipeline.storage(), ledger.rejectsFile(delivery.sha256()),
                pipeline.settings().runId());
    }

    String sha256() {
        return delivery.sha256();
    }

    /**
     * Opens the delivery for reading, from scratch: the delivery is the unit of restart, so whatever an earlier
     * attempt left is withdrawn first (its record, then its files). Archives the raw bytes, then finds the header;
     * a file that cannot be read, or has no header, is quarantined whole and yields no rows.
     */
    void open() throws IOException {
        fence.check("ingesting " + delivery.sourceFile());
        if (delivery.duplicateOf() != null) {
            // Known bytes under another name: nothing to read, only the delivery to record.
            return;
        }
        ledger.uncommit(sha256());
        pipeline.storage().delete(ledger.fileDir(sha256()));
        pipeline.storage().mkdirs(ledger.fileDir(sha256()));
        if (delivery.unreadable() != null) {
            // A link is never opened, so nothing of it reaches the archive; other unreadable bytes are kept.
            if (delivery.notRegular() == null && !delivery.fromArchive()) {
                archive();
            }
            quarantine(new Reject(delivery.sourceFile(), 0, RejectReason.UNREADABLE, null, delivery.unreadable(), ""));
            return;
        }
        Path archived = delivery.fromArchive() ? new Path(delivery.source()) : archive();
        InputStream raw = pipeline.storage().open(archived);
        Reader text;
        try {
            text = TextEncoding.openReader(delivery.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw,
                    TextEncoding.valueOf(delivery.encoding()));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
        ReturnHeader opened = ReturnHeader.open(delivery.sourceFile(), text, reference.headerAliases());
        if (opened instanceof ReturnHeader.Missing missing) {
            text.close();
            quarantine(missing.reject());
            return;
        }
        header = (ReturnHeader.Found) opened;
        classifier = new RowClassifier(reference, rules(pipeline.settings()), delivery.sourceFile(), header.mapping());
        rows = new CleanOffenceFiles(year -> ledger.rowsFile(sha256(), year), delivery.sourceFile(), sha256(),
                pipeline.storage().configuration());
    }

    private static IngestRules rules(RunSettings settings) {
        return new IngestRules(OffenceScope.of(settings.scope()), settings.runDate(), settings.rejectThreshold());
    }

    private Path archive() throws IOException {
        return new RawArchive(pipeline.storage(), pipeline.warehouse())
                .archive(new Path(delivery.source()), sha256(), delivery.gzip());
    }

    private void quarantine(Reject reject) throws IOException {
        quarantinedWhole = reject.reason();
        rejects.write(reject);
    }

    CsvRecordReader reader() {
        return header == null ? null : header.reader();
    }

    void accepted(CleanOffence row) throws IOException {
        rows.write(row);
        tallies.add(row);
    }

    void rejected(Reject reject) throws IOException {
        rejectsByReason.merge(reject.reason(), 1L, Long::sum);
        rejects.write(reject);
    }

    void skipped(SkipReason reason) {
        skipsByReason.merge(reason, 1L, Long::sum);
    }

    /** The file-level reject of a file quarantined after its rows were read ({@code TOO_MANY_REJECTS}). */
    void quarantinedAfterReading(Reject reject) throws IOException {
        rejects.write(reject);
    }

    /** Finishes the rows and rejects; a quarantined file's rows are then dropped (none of them count). */
    void finish(boolean quarantined) throws IOException {
        close();
        if (quarantined) {
            pipeline.storage().delete(ledger.rowsDir(sha256()));
        }
    }

    @Override
    public void close() throws IOException {
        try (Closeable reading = reader(); Closeable written = rows; Closeable rejected = rejects) {
            rows = null;
            header = null;
        }
    }
}
