package org.forcereturns.publish;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.forcereturns.aggregate.Corrections;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.FileStatus;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;
import org.forcereturns.warehouse.Ledger;

/**
 * The ledger as one publish reads it, once: every delivery, in delivery order, and the outcome of each content.
 * Every table of the publish is derived from this alone.
 */
final class LedgerSnapshot {

    private final List<DeliveryRecord> deliveries;
    private final Map<String, IngestedFile> files;
    private final List<DeliveryRecord> firsts;

    private LedgerSnapshot(List<DeliveryRecord> deliveries, Map<String, IngestedFile> files) {
        this.deliveries = deliveries;
        this.files = files;
        this.firsts = deliveries.stream().filter(d -> !d.isDuplicate()).toList();
    }

    static LedgerSnapshot read(Ledger ledger) throws IOException {
        List<DeliveryRecord> deliveries = ledger.deliveries();
        return new LedgerSnapshot(deliveries, ledger.ingestedFiles(deliveries));
    }

    /** Every delivery, duplicates included. */
    List<DeliveryRecord> deliveries() {
        return deliveries;
    }

    /** The outcome of every ingested content, by SHA-256. */
    Map<String, IngestedFile> files() {
        return files;
    }

    /** The first delivery of every content, in delivery order: their positions are the sequence of corrections. */
    List<DeliveryRecord> firsts() {
        return firsts;
    }

    FileOutcome outcome(DeliveryRecord delivery) {
        return files.get(delivery.sha256()).outcome();
    }

    boolean loaded(int sequence) {
        return outcome(firsts.get(sequence)).status() == FileStatus.LOADED;
    }

    /** Contents quarantined, in all runs. */
    long quarantined() {
        return files.values().stream().filter(f -> f.outcome().status() == FileStatus.QUARANTINED).count();
    }

    /** Contents quarantined by the given run. */
    long quarantinedBy(String runId) {
        return files.values().stream()
                .filter(f -> runId.equals(f.runId()) && f.outcome().status() == FileStatus.QUARANTINED).count();
    }

    /** Every loaded content's months, in delivery order: what later deliveries re-state of earlier ones. */
    Corrections corrections() {
        Corrections corrections = new Corrections();
        for (int i = 0; i < firsts.size(); i++) {
            if (loaded(i)) {
                corrections.register(i, outcome(firsts.get(i)).coveredMonths());
            }
        }
        return corrections;
    }
}
