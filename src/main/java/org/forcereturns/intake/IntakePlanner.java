package org.forcereturns.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forcereturns.storage.InParallel;
import org.forcereturns.storage.Storage;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;
import org.forcereturns.warehouse.Ledger;
import org.forcereturns.warehouse.RawArchive;

/**
 * Decides what a run must ingest: inbox files the warehouse has not seen (by path and SHA-256), and any
 * recorded delivery whose content has no committed outcome (after a rebuild reset, or a crash).
 */
public final class IntakePlanner {

    private final Storage storage;
    private final Ledger ledger;
    private final RawArchive archive;

    public IntakePlanner(Storage storage, Ledger ledger, RawArchive archive) {
        this.storage = storage;
        this.ledger = ledger;
        this.archive = archive;
    }

    public List<PlannedDelivery> plan(Inbox inbox) throws IOException {
        List<DeliveryRecord> known = ledger.deliveries();
        Map<String, IngestedFile> committed = ledger.committed();
        Map<String, DeliveryRecord> knownById = new HashMap<>();
        // (path, stored size, modification time) of every delivery: an inbox file that still matches one is that
        // delivery, so it is not read and hashed again (the trade-off is described in docs/performance.md).
        Set<String> knownStats = new HashSet<>();
        // The first delivery of each content in delivery order (by path), known or arriving now: the one whose
        // path the content's rows carry, and the one corrections place (contract sections 1 and 5).
        Map<String, String> firstBySha = new HashMap<>();
        for (DeliveryRecord d : known) {
            knownById.putIfAbsent(d.id(), d);
            if (d.inboxSize() >= 0 && d.inboxModified() >= 0) {
                knownStats.add(statKey(d.sourceFile(), d.inboxSize(), d.inboxModified()));
            }
            if (!d.isDuplicate()) {
                firstBySha.put(d.sha256(), d.sourceFile());
            }
        }
        List<Arrival> arrivals = inbox == null ? List.of() : arrivals(inbox, knownById, knownStats);
        for (Arrival a : arrivals) {
            String first = firstBySha.get(a.print().sha256());
            if (first == null || a.file().relativePath().compareTo(first) < 0) {
                firstBySha.put(a.print().sha256(), a.file().relativePath());
            }
        }

        List<PlannedDelivery> plan = new ArrayList<>(reread(known, committed, firstBySha));
        for (Arrival a : arrivals) {
            InboxFile file = a.file();
            Fingerprint fp = a.print();
            String first = firstBySha.get(fp.sha256());
            plan.add(new PlannedDelivery(file.relativePath(), file.path().toString(), file.gzip(), fp.sha256(),
                    fp.bytes(), fp.encoding() == null ? null : fp.encoding().name(), fp.unreadable(),
                    first.equals(file.relativePath()) ? null : first, false, file.size(), file.modified(),
                    file.notRegular()));
        }
        return plan;
    }

    /**
     * Recorded deliveries that are first of their bytes but whose content has no committed outcome under their
     * path (after a rebuild reset or a crash, or when an earlier-named copy has just stopped counting): read again
     * from the raw archive. An entry that was not a regular file has nothing archived and is planned as it was.
     */
    private List<PlannedDelivery> reread(List<DeliveryRecord> known, Map<String, IngestedFile> committed,
                                         Map<String, String> firstBySha) throws IOException {
        List<DeliveryRecord> stale = known.stream()
                .filter(d -> d.sourceFile().equals(firstBySha.get(d.sha256())))
                .filter(d -> committed.get(d.sha256()) == null || !committed.get(d.sha256()).ingestedAs(d.sourceFile()))
                .toList();
        List<Source> archived = stale.stream().filter(d -> d.notRegular() == null)
                .map(d -> new Source(archive.path(d.sha256(), d.gzip()), d.gzip())).toList();
        List<Fingerprint> archivedPrints = fingerprints(archived);
        List<PlannedDelivery> plan = new ArrayList<>();
        int next = 0;
        for (DeliveryRecord d : stale) {
            if (d.notRegular() != null) {
                Fingerprint fp = Fingerprint.notRegular(d.sourceFile(), d.notRegular());
                plan.add(new PlannedDelivery(d.sourceFile(), "", false, d.sha256(), 0, null, fp.unreadable(), null,
                        true, -1, -1, d.notRegular()));
                continue;
            }
            Source source = archived.get(next);
            Fingerprint fp = archivedPrints.get(next++);
            plan.add(new PlannedDelivery(d.sourceFile(), source.path().toString(), d.gzip(), d.sha256(), d.bytes(),
                    fp.encoding() == null ? null : fp.encoding().name(), fp.unreadable(), null, true, -1, -1, null));
        }
        return plan;
    }

    /** Inbox files that are not yet recorded deliveries, in path order, with their fingerprints. */
    private List<Arrival> arrivals(Inbox inbox, Map<String, DeliveryRecord> knownById, Set<String> knownStats)
            throws IOException {
        List<InboxFile> unseen = inbox.returns().stream()
                .filter(f -> !knownStats.contains(statKey(f.relativePath(), f.size(), f.modified()))).toList();
        List<Fingerprint> prints = inboxPrints(unseen);
        List<Arrival> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < unseen.size(); i++) {
            InboxFile file = unseen.get(i);
            Fingerprint fp = prints.get(i);
            String id = DeliveryRecord.idOf(file.relativePath(), fp.sha256());
            DeliveryRecord seen = knownById.get(id);
            if (seen != null && (seen.inboxSize() != file.size() || seen.inboxModified() != file.modified())) {
                // Known bytes, but the file was touched since (or recorded before deliveries remembered their
                // file's size and time): remember the file as it is now, so the next run need not hash it again.
                ledger.recordDelivery(seen.withInboxFile(file.size(), file.modified()));
            }
            if (seen == null && ids.add(id)) {
                out.add(new Arrival(file, fp));
            }
        }
        return out;
    }

    private record Arrival(InboxFile file, Fingerprint print) {
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

    /** An entry that is not a regular file is never opened (contract section 1): it is known by its path alone. */
    private List<Fingerprint> inboxPrints(List<InboxFile> files) throws IOException {
        return InParallel.map(files, "fingerprint", f -> f.regular()
                ? fingerprint(new Source(f.path(), f.gzip())) : Fingerprint.notRegular(f.relativePath(), f.notRegular()));
    }

    private static String statKey(String sourceFile, long size, long modified) {
        return size + ":" + modified + ":" + sourceFile;
    }
}
