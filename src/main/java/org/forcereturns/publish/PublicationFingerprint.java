package org.forcereturns.publish;

import java.time.YearMonth;
import org.forcereturns.storage.Hashing;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;
import org.forcereturns.warehouse.Tables;

/**
 * What a publication was made from, as one hash: a publish whose fingerprint equals the last one's has nothing to
 * change. It changes whenever a delivery is added, any content is re-ingested (as by a rebuild), a publish setting
 * changes or the run date enters another month (which can end a year, or reach further into it).
 */
final class PublicationFingerprint {

    private PublicationFingerprint() {
    }

    static String of(LedgerSnapshot ledger, SmallCellSuppression suppression, YearMonth runMonth) {
        StringBuilder sb = new StringBuilder(Tables.SCHEMA_VERSION).append(":min-cell-size=")
                .append(suppression.minCellSize()).append(":run-month=").append(runMonth);
        for (DeliveryRecord d : ledger.deliveries()) {
            sb.append('\n').append(d.id());
            IngestedFile f = ledger.files().get(d.sha256());
            if (!d.isDuplicate() && f != null) {
                sb.append(':').append(f.runId());
            }
        }
        return Hashing.sha256Hex(sb.toString());
    }
}
