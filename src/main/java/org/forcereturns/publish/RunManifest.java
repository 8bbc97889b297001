package org.forcereturns.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.forcereturns.domain.FileOutcome;
import org.forcereturns.storage.Storage;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.DeliveryRecord;
import org.forcereturns.warehouse.IngestedFile;
import org.forcereturns.warehouse.Tables;

/**
 * Lineage for one run, written beside the tables as {@code manifest.json} (the latest run) and
 * {@code _manifests/<run id>.json} (every run): the run, its settings, every input file with its hash and counts,
 * and every table with its row count.
 */
public final class RunManifest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunManifest() {
    }

    /**
     * @param run        run id, execution id, mode, times, run date, software version: written as given
     * @param settings   the job settings of the run
     * @param published  what the publish did, with the ledger as it read it (rows per table as they now stand)
     */
    public static void write(Storage storage, Path warehouse, Map<String, Object> run, Map<String, Object> settings,
                             PublishResult published) throws IOException {
        List<DeliveryRecord> deliveries = published.deliveries();
        Map<String, IngestedFile> files = published.files();
        Map<String, Long> tableRows = published.tableRows();

        Map<String, Object> manifest = new LinkedHashMap<>(run);
        manifest.put("schema_version", Tables.SCHEMA_VERSION);
        manifest.put("settings", settings);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (DeliveryRecord d : deliveries) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("source_file", d.sourceFile());
            in.put("sha256", d.contentSha256());
            in.put("bytes", d.bytes());
            in.put("encoding", d.encoding());
            in.put("delivered_by_run", d.runId());
            if (d.isDuplicate()) {
                in.put("status", "DUPLICATE");
                in.put("duplicate_of", d.duplicateOf());
            } else {
                IngestedFile f = files.get(d.sha256());
                FileOutcome o = f.outcome();
                in.put("status", o.status().name());
                in.put("layout", o.layout() == null ? null : o.layout().name());
                in.put("rows_read", o.rowsRead());
                in.put("rows_accepted", o.rowsAccepted());
                in.put("rows_rejected", o.rowsRejected());
                in.put("rows_skipped", o.rowsSkipped());
                in.put("quarantine_reason", o.quarantine() == null ? null : o.quarantine().name());
                in.put("ingested_by_run", f.runId());
            }
            inputs.add(in);
        }
        manifest.put("inputs", inputs);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableSchema t : Tables.PUBLISHED) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", t.name());
            table.put("path", new Path(warehouse, t.name()).toString());
            table.put("rows", tableRows.get(t.name()));
            tables.add(table);
        }
        manifest.put("tables", tables);
        byte[] body = JSON.writeValueAsBytes(manifest);
        storage.writeAtomically(new Path(new Path(warehouse, "_manifests"), run.get("run_id") + ".json"), body);
        storage.writeAtomically(new Path(warehouse, "manifest.json"), body);
    }
}
