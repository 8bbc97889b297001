package org.forcereturns.job;

import java.util.Map;
import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.storage.Storage;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Builds a run's pipeline from its job parameters; storage and reference data are shared by all runs. */
public final class PipelineFactory {

    private final Storage storage;
    private final ReferenceData reference;

    public PipelineFactory(Map<String, String> hadoopSettings, ReferenceData reference) {
        this.storage = new Storage(hadoopSettings);
        this.reference = reference;
    }

    public Pipeline forRun(JobParameters parameters) {
        return new Pipeline(storage, reference, RunSettings.from(parameters));
    }

    public Storage storage() {
        return storage;
    }
}
