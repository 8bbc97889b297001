package org.forcereturns.warehouse;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.hadoop.fs.Path;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.Layout;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.storage.Storage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a warehouse has ingested, kept once, in the JobRepository's database beside Spring Batch's own tables
 * ({@code schema-*.sql} in this package): its deliveries, each content's outcome and tallies, and its last
 * publication. Row counts are not copied: they are the counts Spring Batch kept for the partition step that read
 * the content, and a content counts as ingested exactly when that step execution completed.
 * The rows themselves stay on the warehouse's file system:
 * <pre>
 *   _state/files/&lt;sha256&gt;/rows/&lt;year&gt;.parquet   accepted rows, finished clean_offences rows, per financial year
 *   _state/files/&lt;sha256&gt;/rejects.parquet        quarantine rows, when there are any
 * </pre>
 */
public final class Ledger {

    private final Storage storage;
    private final Path state;
    private final String warehouse;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String batchPrefix;

    /**
     * @param batchTablePrefix Spring Batch's table prefix ({@code spring.batch.jdbc.table-prefix}, {@code BATCH_})
     */
    public Ledger(Storage storage, Path warehouse, DataSource dataSource, String batchTablePrefix) {
        this.storage = storage;
        this.state = new Path(warehouse, "_state");
        this.warehouse = warehouse.toString();
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.batchPrefix = batchTablePrefix;
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

    public Path rejectsFile(String sha256) {
        return new Path(fileDir(sha256), "rejects.parquet");
    }

    public void recordDelivery(DeliveryRecord d) {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM FR_DELIVERY WHERE WAREHOUSE = ? AND SOURCE_FILE = ? AND SHA256 = ?", warehouse,
                    d.sourceFile(), d.sha256());
            insertDelivery(d);
        });
    }

    private void insertDelivery(DeliveryRecord d) {
        jdbc.update("INSERT INTO FR_DELIVERY (WAREHOUSE, SOURCE_FILE, SHA256, BYTES, GZIP, ENCODING, RUN_ID, "
                        + "DELIVERED_AT, INBOX_SIZE, INBOX_MODIFIED, NOT_REGULAR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                warehouse, d.sourceFile(), d.sha256(), d.bytes(), d.gzip(), d.encoding(), d.runId(),
                Timestamp.from(d.deliveredAt()), d.inboxSize(), d.inboxModified(), d.notRegular());
    }

    /**
     * Every delivery the warehouse has recorded, in delivery order, each re-delivery of bytes marked as a duplicate
     * of the first delivery of those bytes in that order: decided afresh on every read, not when a file arrived,
     * so a copy with an earlier path that arrives on a later night becomes the delivery that counts.
     */
    public List<DeliveryRecord> deliveries() {
        List<DeliveryRecord> out = new ArrayList<>(jdbc.query("SELECT SOURCE_FILE, SHA256, BYTES, GZIP, ENCODING, "
                        + "RUN_ID, DELIVERED_AT, INBOX_SIZE, INBOX_MODIFIED, NOT_REGULAR FROM FR_DELIVERY WHERE WAREHOUSE = ?",
                (rs, n) -> new DeliveryRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), null, rs.getLong(8),
                        rs.getLong(9), rs.getString(10)), warehouse));
        out.sort(DeliveryRecord.DELIVERY_ORDER);
        return DeliveryRecord.markDuplicates(out);
    }

    /**
     * Every content whose ingest completed, by SHA-256: its outcome with the counts Spring Batch kept for the step
     * that read it, and the months its accepted rows cover (from its tallies).
     */
    public Map<String, IngestedFile> committed() {
        Map<String, IngestedFile> out = new HashMap<>();
        jdbc.query("SELECT C.SHA256, C.SOURCE_FILE, C.RUN_ID, C.LAYOUT, C.QUARANTINE, C.PREAMBLE_LINES, "
                + "C.IGNORED_COLUMNS, S.READ_COUNT, S.WRITE_COUNT, S.PROCESS_SKIP_COUNT, S.FILTER_COUNT, "
                + "C.COVERED_MONTHS "
                + "FROM FR_CONTENT C JOIN " + batchPrefix + "STEP_EXECUTION S "
                + "ON S.STEP_EXECUTION_ID = C.STEP_EXECUTION_ID "
                + "WHERE C.WAREHOUSE = ? AND S.STATUS = 'COMPLETED'", (ResultSet rs) -> {
                    String sha = rs.getString(1);
                    String layout = rs.getString(4);
                    String quarantine = rs.getString(5);
                    FileOutcome outcome = new FileOutcome(layout == null ? null : Layout.valueOf(layout),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), Map.of(), Map.of(),
                            quarantine == null ? null : RejectReason.valueOf(quarantine),
                            TallyDocument.readCoveredMonths(rs.getString(12)), rs.getLong(6), columns(rs.getString(7)));
                    out.put(sha, new IngestedFile(sha, rs.getString(2), rs.getString(3), outcome));
                }, warehouse);
        return out;
    }

    /** Outcomes of the contents that count (the first delivery of each), by SHA-256; each must be committed. */
    public Map<String, IngestedFile> ingestedFiles(List<DeliveryRecord> deliveries) throws IOException {
        Map<String, IngestedFile> committed = committed();
        Map<String, IngestedFile> out = new HashMap<>();
        for (DeliveryRecord d : deliveries) {
            if (!d.isDuplicate() && !out.containsKey(d.sha256())) {
                IngestedFile file = committed.get(d.sha256());
                if (file == null) {
                    throw new IOException("the ledger records " + d.sourceFile() + " but no completed ingest of its "
                            + "content " + d.sha256());
                }
                out.put(d.sha256(), file);
            }
        }
        return out;
    }

    /** The tallies of every loaded content, by SHA-256, in the order they were counted. */
    public Map<String, List<OffenceTally>> tallies() {
        Map<String, List<OffenceTally>> out = new HashMap<>();
        jdbc.query("SELECT SHA256, TALLIES FROM FR_CONTENT WHERE WAREHOUSE = ?", (ResultSet rs) -> {
            List<OffenceTally> tallies = TallyDocument.read(rs.getString(2), rs.getString(1));
            if (!tallies.isEmpty()) {
                out.put(rs.getString(1), tallies);
            }
        }, warehouse);
        return out;
    }

    /**
     * Records a content as ingested, at the end of the step that read it, in one transaction: its outcome, its
     * tallies and the delivery it was read for (null when re-read from the raw archive: the delivery is recorded
     * already). Whatever was recorded for the content before is replaced.
     */
    public void commit(IngestedFile file, long stepExecutionId, List<OffenceTally> tallies, DeliveryRecord delivery) {
        FileOutcome o = file.outcome();
        tx.executeWithoutResult(status -> {
            deleteContent(file.sha256());
            jdbc.update("INSERT INTO FR_CONTENT (WAREHOUSE, SHA256, SOURCE_FILE, RUN_ID, STEP_EXECUTION_ID, LAYOUT, "
                            + "QUARANTINE, PREAMBLE_LINES, IGNORED_COLUMNS, COVERED_MONTHS, TALLIES) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    warehouse, file.sha256(), file.sourceFile(), file.runId(), stepExecutionId,
                    o.layout() == null ? null : o.layout().name(), o.quarantine() == null ? null : o.quarantine().name(),
                    o.preambleLines(), o.ignoredColumns() == null ? null : LedgerJson.writeStrings(o.ignoredColumns()),
                    TallyDocument.coveredMonths(tallies), TallyDocument.write(tallies));
            if (delivery != null) {
                jdbc.update("DELETE FROM FR_DELIVERY WHERE WAREHOUSE = ? AND SOURCE_FILE = ? AND SHA256 = ?",
                        warehouse, delivery.sourceFile(), delivery.sha256());
                insertDelivery(delivery);
            }
        });
    }

    /** Withdraws a content's record, first, before its files are replaced: no record ever names half a content. */
    public void uncommit(String sha256) {
        tx.executeWithoutResult(status -> deleteContent(sha256));
    }

    private void deleteContent(String sha256) {
        jdbc.update("DELETE FROM FR_CONTENT WHERE WAREHOUSE = ? AND SHA256 = ?", warehouse, sha256);
    }

    /** Forgets all ingested content (for a rebuild); deliveries are kept, as is the raw archive. */
    public void forgetIngestedFiles() throws IOException {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM FR_CONTENT WHERE WAREHOUSE = ?", warehouse);
        });
        storage.delete(new Path(state, "files"));
    }

    /** The last publication: the fingerprint of what it was made from, its run, and each table's rows. */
    public record Publication(String fingerprint, String runId, Map<String, Long> tableRows) {
    }

    public Optional<Publication> lastPublication() {
        return jdbc.query("SELECT FINGERPRINT, RUN_ID, TABLE_ROWS FROM FR_PUBLICATION WHERE WAREHOUSE = ?",
                (rs, n) -> new Publication(rs.getString(1), rs.getString(2), tableRows(rs.getString(3))), warehouse)
                .stream().findFirst();
    }

    public void published(Publication publication) {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM FR_PUBLICATION WHERE WAREHOUSE = ?", warehouse);
            jdbc.update("INSERT INTO FR_PUBLICATION (WAREHOUSE, FINGERPRINT, RUN_ID, TABLE_ROWS) VALUES (?, ?, ?, ?)",
                    warehouse, publication.fingerprint(), publication.runId(),
                    LedgerJson.writeCounts(publication.tableRows()));
        });
    }

    private static List<String> columns(String text) {
        return text == null ? null : LedgerJson.readStrings(text, "the ledger's ignored columns");
    }

    private static Map<String, Long> tableRows(String text) {
        return LedgerJson.readCounts(text, "the ledger's table rows");
    }
}
