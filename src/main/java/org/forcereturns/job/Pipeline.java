package org.forcereturns.job;

import org.apache.hadoop.fs.Path;
import org.forcereturns.ingest.IngestRules;
import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.normalise.OffenceScope;
import org.forcereturns.storage.Storage;

/** The plain (Spring-free) parts a run is made of, built from its settings. */
public record Pipeline(Storage storage, ReferenceData reference, RunSettings settings) {

    public Path warehouse() {
        return storage.resolve(settings.warehouse());
    }

    public IngestRules rules() {
        return new IngestRules(OffenceScope.of(settings.scope()), settings.runDate(), settings.rejectThreshold());
    }
}
