package org.forcereturns.publish;

import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.storage.ParquetTableReader;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.Storage;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.Ledger;
import org.forcereturns.warehouse.Tables;

/** The {@code quarantine} table: every content's rejects, as ingest wrote them, in delivery order. */
final class QuarantineTable {

    private QuarantineTable() {
    }

    static long write(Storage storage, Ledger ledger, Staging staging, Map<String, String> meta,
                      LedgerSnapshot snapshot) throws IOException {
        try (ParquetTableWriter writer = new ParquetTableWriter(Tables.QUARANTINE,
                staging.singleFile(Tables.QUARANTINE), storage.configuration(), meta)) {
            for (DeliveryRecord delivery : snapshot.firsts()) {
                Path rejects = ledger.rejectsFile(delivery.sha256());
                FileOutcome outcome = snapshot.outcome(delivery);
                // The file exists exactly when the outcome counts a reject or a quarantine (each writes one).
                if (outcome.rowsRejected() == 0 && outcome.quarantine() == null) {
                    continue;
                }
                try (ParquetReader<GenericRecord> reader = ParquetTableReader.open(rejects, storage.configuration())) {
                    for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                        writer.write(r);
                    }
                }
            }
            return writer.rows();
        }
    }
}
