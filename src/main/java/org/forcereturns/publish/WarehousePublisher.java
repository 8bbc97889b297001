package org.forcereturns.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.forcereturns.aggregate.Corrections;
import org.forcereturns.aggregate.Summaries;
import org.forcereturns.aggregate.UnmappedPlatforms;
import org.forcereturns.domain.Platform;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.Ledger;
import org.forcereturns.warehouse.Tables;

/**
 * Publishes the tables of contract section 7 from the ledger: every loaded delivery's rows, corrected by
 * later deliveries, are streamed once into {@code clean_offences} and the summaries; every table is staged
 * and then swapped in whole. Derived from the ledger alone, so publishing again gives the same tables.
 * With nothing changed since the last publication (its fingerprint), nothing is rewritten.
 */
public final class WarehousePublisher {

    private final Storage storage;
    private final Path warehouse;
    private final Ledger ledger;
    private final Function<String, Optional<Platform>> suggester;
    private final SmallCellSuppression suppression;
    private final LocalDate runDate;
    private final Fence fence;

    /**
     * @param runDate the run's date: which years are complete, and so what their rate divides by
     * @param fence   checked before the first change to the tables and before each table's swap
     */
    public WarehousePublisher(Storage storage, Path warehouse, Ledger ledger,
                              Function<String, Optional<Platform>> suggester, SmallCellSuppression suppression,
                              LocalDate runDate, Fence fence) {
        this.runDate = runDate;
        this.storage = storage;
        this.warehouse = warehouse;
        this.ledger = ledger;
        this.suggester = suggester;
        this.suppression = suppression;
        this.fence = fence;
    }

    public PublishResult publish(String runId, Map<String, String> metadata) throws IOException {
        TableSwap swap = new TableSwap(storage, warehouse, fence);
        fence.check("publishing");
        swap.recover();
        LedgerSnapshot snapshot = LedgerSnapshot.read(ledger);
        String fingerprint = PublicationFingerprint.of(snapshot, suppression, YearMonth.from(runDate));
        long quarantined = snapshot.quarantined();
        long quarantinedThisRun = snapshot.quarantinedBy(runId);
        Optional<Ledger.Publication> last = ledger.lastPublication();
        if (last.isPresent() && fingerprint.equals(last.get().fingerprint()) && allTablesPresent(swap)) {
            Map<String, Long> rows = last.get().tableRows();
            return new PublishResult(false, rows, quarantined, rows.getOrDefault(Tables.UNMAPPED_PLATFORMS.name(), 0L),
                    0, quarantinedThisRun, snapshot.deliveries(), snapshot.files());
        }

        Staging staging = new Staging(storage, warehouse, runId);
        staging.clear();
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("force_returns.run_id", runId);
        meta.put("force_returns.schema_version", Tables.SCHEMA_VERSION);

        Corrections corrections = snapshot.corrections();
        Summaries summaries = new Summaries(runDate);
        UnmappedPlatforms unmapped = new UnmappedPlatforms();
        SupersededRows superseded = new SupersededRows(snapshot.firsts(), corrections);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(Tables.CLEAN_OFFENCES.name(), new CleanOffencesTable(storage, ledger, corrections).write(staging, meta,
                CorrectedTallies.fold(snapshot, ledger.tallies(), corrections, summaries, unmapped, superseded)));
        rows.put(Tables.QUARANTINE.name(), QuarantineTable.write(storage, ledger, staging, meta, snapshot));
        SummaryTables summaryTables = new SummaryTables(summaries, suppression);
        for (TableSchema table : SummaryTables.TABLES) {
            rows.put(table.name(), staging.write(table, meta, summaryTables.records(table)));
        }
        rows.put(Tables.UNMAPPED_PLATFORMS.name(), staging.write(Tables.UNMAPPED_PLATFORMS, meta,
                UnmappedPlatformsTable.records(unmapped, suggester)));
        rows.put(Tables.FILE_INVENTORY.name(), staging.write(Tables.FILE_INVENTORY, meta,
                FileInventoryTable.records(snapshot, superseded)));
        rows.put(Tables.PARTLY_REPLACED_CELLS.name(), staging.write(Tables.PARTLY_REPLACED_CELLS, meta,
                superseded.partlyReplacedRecords()));

        for (TableSchema table : Tables.PUBLISHED) {
            swap.swap(table.name(), staging.table(table), runId);
        }
        staging.clear();
        storage.delete(new Path(new Path(warehouse, "_trash"), runId));
        fence.check("recording the publish");
        ledger.published(new Ledger.Publication(fingerprint, runId, rows));
        return new PublishResult(true, rows, quarantined, unmapped.entries().size(),
                newUnmapped(snapshot.firsts(), unmapped, runId), quarantinedThisRun, snapshot.deliveries(),
                snapshot.files());
    }

    /** Unmapped platform texts first named by a delivery of this run. */
    private static long newUnmapped(List<DeliveryRecord> firsts, UnmappedPlatforms unmapped, String runId) {
        Set<String> deliveredNow = new HashSet<>();
        firsts.stream().filter(d -> runId.equals(d.runId())).forEach(d -> deliveredNow.add(d.sourceFile()));
        return unmapped.entries().stream().filter(e -> deliveredNow.contains(e.firstSourceFile())).count();
    }

    private static boolean allTablesPresent(TableSwap swap) {
        return Tables.PUBLISHED.stream().allMatch(t -> swap.complete(t.name()));
    }
}
