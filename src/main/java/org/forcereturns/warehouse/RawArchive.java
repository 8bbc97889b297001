package org.forcereturns.warehouse;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/**
 * The warehouse's copy of every delivered content's bytes, unchanged and keyed by hash ({@code raw/}), from which
 * a rebuild re-reads everything with the current reference data.
 */
public final class RawArchive {

    private final Storage storage;
    private final Path root;

    public RawArchive(Storage storage, Path warehouse) {
        this.storage = storage;
        this.root = new Path(warehouse, "raw");
    }

    /** Where the raw bytes of a content are kept. */
    public Path path(String sha256, boolean gzip) {
        return new Path(new Path(root, sha256.substring(0, 2)), sha256 + (gzip ? ".csv.gz" : ".csv"));
    }

    /** Copies the delivered bytes into the archive, once; the copy appears whole or not at all. */
    public Path archive(Path source, String sha256, boolean gzip) throws IOException {
        Path target = path(sha256, gzip);
        if (storage.exists(target)) {
            return target;
        }
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        storage.copy(source, tmp);
        storage.rename(tmp, target);
        return target;
    }
}
