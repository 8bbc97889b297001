package org.forcereturns.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forcereturns.ingest.Fingerprint;
import org.forcereturns.ingest.Inbox;
import org.forcereturns.ingest.InboxFile;
import org.forcereturns.storage.InParallel;
import org.forcereturns.storage.Storage;

/**
 * Decides what a run must ingest: inbox files the warehouse has not seen (by path and SHA-256), and any
 * recorded delivery whose content has no committed outcome (after a rebuild reset, or a crash).
 */
public final class IntakePlanner {

    private final Storage storage;
    private final Ledger ledger;
    private final DeliveryIngestion ingestion;

    public IntakePlanner(Storage storage, Ledger ledger, DeliveryIngestion ingestion) {
        this.storage = storage;
        this.ledger = ledger;
        this.ingestion = ingestion;
    }

    public List<PlannedDelivery> plan(Inbox inbox) throws IOException {
        List<DeliveryRecord> known = ledger.deliveries();
        Set<String> knownIds = new HashSet<>();
        Map<String, DeliveryRecord> knownById = new HashMap<>();
        Map<String, String> firstBySha = new HashMap<>();
        // (path, stored size, modification time) of every delivery: an inbox file that still matches one is that
        // delivery, so it is not read and hashed again (the trade-off is described in docs/performance.md).
        Set<String> knownStats = new HashSet<>();
        List<PlannedDelivery> plan = new ArrayList<>();
        List<DeliveryRecord> unreadArchived = new ArrayList<>();
        Set<String> committed = ledger.committed();
        for (DeliveryRecord d : known) {
            knownIds.add(d.id());
            knownById.putIfAbsent(d.id(), d);
            if (d.inboxSize() >= 0 && d.inboxModified() >= 0) {
                knownStats.add(statKey(d.sourceFile(), d.inboxSize(), d.inboxModified()));
            }
            if (!d.isDuplicate()) {
                firstBySha.putIfAbsent(d.sha256(), d.sourceFile());
                if (!committed.contains(d.sha256())) {
                    unreadArchived.add(d);
                }
            }
        }
        List<Source> archived = unreadArchived.stream()
                .map(d -> new Source(ingestion.rawArchive(d.sha256(), d.gzip()), d.gzip())).toList();
        List<Fingerprint> archivedPrints = fingerprints(archived);
        for (int i = 0; i < unreadArchived.size(); i++) {
            DeliveryRecord d = unreadArchived.get(i);
            Fingerprint fp = archivedPrints.get(i);
            plan.add(new PlannedDelivery(d.sourceFile(), archived.get(i).path().toString(), d.gzip(),
                    d.sha256(), d.bytes(), fp.encoding() == null ? null : fp.encoding().name(), fp.unreadable(), null,
                    true, -1, -1));
        }
        if (inbox == null) {
            return plan;
        }
        List<InboxFile> unseen = inbox.returns().stream()
                .filter(f -> !knownStats.contains(statKey(f.relativePath(), f.size(), f.modified()))).toList();
        List<Fingerprint> prints = fingerprints(unseen.stream().map(f -> new Source(f.path(), f.gzip())).toList());
        for (int i = 0; i < unseen.size(); i++) {
            InboxFile file = unseen.get(i);
            Fingerprint fp = prints.get(i);
            String id = DeliveryRecord.idOf(file.relativePath(), fp.sha256());
            DeliveryRecord seen = knownById.get(id);
            if (seen != null && (seen.inboxSize() != file.size() || seen.inboxModified() != file.modified())) {
                // Known bytes, but the file was touched since (or recorded before deliveries remembered their
                // file's size and time): remember the file as it is now, so the next run need not hash it again.
                ledger.recordDelivery(new DeliveryRecord(seen.sourceFile(), seen.sha256(), seen.bytes(), seen.gzip(),
                        seen.encoding(), seen.runId(), seen.deliveredAt(), seen.duplicateOf(), file.size(),
                        file.modified()));
            }
            if (!knownIds.add(id)) {
                continue;
            }
            String first = firstBySha.putIfAbsent(fp.sha256(), file.relativePath());
            plan.add(new PlannedDelivery(file.relativePath(), file.path().toString(), file.gzip(), fp.sha256(),
                    fp.bytes(), fp.encoding() == null ? null : fp.encoding().name(), fp.unreadable(), first, false,
                    file.size(), file.modified()));
        }
        return plan;
    }

    private record Source(org.apache.hadoop.fs.Path path, boolean gzip) {
    }

    /**
     * Fingerprints of the sources, in their order, read on as many threads as there are processors: reading and
     * hashing every new byte is the one pass over the inbox before ingesting can start.
     */
    private List<Fingerprint> fingerprints(List<Source> sources) throws IOException {
        return InParallel.map(sources, "fingerprint", this::fingerprint);
    }

    private Fingerprint fingerprint(Source source) throws IOException {
        try (InputStream in = storage.open(source.path())) {
            return Fingerprint.of(in, source.gzip());
        }
    }

    private static String statKey(String sourceFile, long size, long modified) {
        return size + ":" + modified + ":" + sourceFile;
    }
}
