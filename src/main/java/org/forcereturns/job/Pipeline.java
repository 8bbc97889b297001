package org.forcereturns.job;

import org.apache.hadoop.fs.Path;
import org.forcereturns.ingest.IngestRules;
import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.ingest.ReturnIngester;
import org.forcereturns.ledger.DeliveryIngestion;
import org.forcereturns.ledger.Ledger;
import org.forcereturns.normalise.OffenceScope;
import org.forcereturns.storage.Storage;

/** The plain (Spring-free) parts a run is made of, built from its settings. */
public record Pipeline(Storage storage, ReferenceData reference, RunSettings settings) {

    public Path warehouse() {
        return storage.resolve(settings.warehouse());
    }

    public Ledger ledger() {
        return new Ledger(storage, warehouse());
    }

    public DeliveryIngestion ingestion() {
        IngestRules rules = new IngestRules(OffenceScope.of(settings.scope()), settings.runDate(),
                settings.rejectThreshold());
        return new DeliveryIngestion(storage, warehouse(), new ReturnIngester(reference, rules));
    }
}
