package org.forcereturns.job;

import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/** The plain (Spring-free) parts of a run that every step uses: the file systems and the run's settings. */
public record Pipeline(Storage storage, RunSettings settings) {

    public Path warehouse() {
        return storage.resolve(settings.warehouse());
    }
}
