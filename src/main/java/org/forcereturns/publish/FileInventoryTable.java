package org.forcereturns.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.domain.FileStatus;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.Tables;

/** The rows of {@code file_inventory}: every delivery, its outcome, and how many of its rows still count. */
final class FileInventoryTable {

    private FileInventoryTable() {
    }

    static List<GenericRecord> records(LedgerSnapshot snapshot, SupersededRows superseded) {
        List<GenericRecord> out = new ArrayList<>();
        for (DeliveryRecord d : snapshot.deliveries()) {
            GenericData.Record r = Tables.FILE_INVENTORY.newRecord();
            r.put("source_file", d.sourceFile());
            r.put("sha256", d.contentSha256());
            r.put("bytes", d.bytes());
            r.put("encoding", d.encoding());
            r.put("run_id", d.runId());
            if (d.isDuplicate()) {
                r.put("preamble_lines", 0L);
                r.put("rows_read", 0L);
                r.put("rows_accepted", 0L);
                r.put("rows_rejected", 0L);
                r.put("rows_skipped", 0L);
                r.put("status", FileStatus.DUPLICATE.name());
                r.put("duplicate_of", d.duplicateOf());
                r.put("rows_published", 0L);
                r.put("rows_superseded", 0L);
            } else {
                FileOutcome o = snapshot.outcome(d);
                r.put("layout", o.layout() == null ? null : o.layout().name());
                r.put("preamble_lines", o.preambleLines());
                r.put("ignored_columns", o.ignoredColumns() == null ? null : String.join("|", o.ignoredColumns()));
                r.put("rows_read", o.rowsRead());
                r.put("rows_accepted", o.rowsAccepted());
                r.put("rows_rejected", o.rowsRejected());
                r.put("rows_skipped", o.rowsSkipped());
                r.put("status", o.status().name());
                r.put("quarantine_reason", o.quarantine() == null ? null : o.quarantine().name());
                r.put("rows_published", superseded.rowsPublished(d.sha256()));
                r.put("rows_superseded", superseded.rowsSuperseded(d.sha256()));
            }
            out.add(r);
        }
        return out;
    }
}
