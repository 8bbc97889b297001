package org.forcereturns.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Builds a run's pipeline from its job parameters; storage is shared by all runs. */
public final class PipelineFactory {

    private final Storage storage;
    /** Each held warehouse's lease, checked by the publish step before it changes the tables. */
    private final Map<String, Fence> fences = new ConcurrentHashMap<>();

    public PipelineFactory(Map<String, String> hadoopSettings) {
        this.storage = new Storage(hadoopSettings);
    }

    public Pipeline forRun(JobParameters parameters) {
        return new Pipeline(storage, RunSettings.from(parameters));
    }

    /** Sets (or, with null, clears) the fence of a warehouse this process holds. */
    public void guard(Path warehouse, Fence fence) {
        if (fence == null) {
            fences.remove(warehouse.toString());
        } else {
            fences.put(warehouse.toString(), fence);
        }
    }

    public Fence fence(Path warehouse) {
        return fences.getOrDefault(warehouse.toString(), Fence.NONE);
    }

    public Storage storage() {
        return storage;
    }
}
