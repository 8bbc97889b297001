package org.forcereturns.publish;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;

/**
 * Replaces a table folder by a fully written staged one. Readers see the old table or the new one; a crash
 * between the two renames leaves the old table under {@code _trash/} and the next publish puts a complete
 * one in place. On object stores, where rename is a copy, see docs/decisions.md.
 */
final class TableSwap {

    private final Storage storage;
    private final Path warehouse;
    private final Fence fence;

    TableSwap(Storage storage, Path warehouse) {
        this(storage, warehouse, Fence.NONE);
    }

    /** @param fence checked before each swap: a run that lost the warehouse stops before touching another table */
    TableSwap(Storage storage, Path warehouse, Fence fence) {
        this.storage = storage;
        this.warehouse = warehouse;
        this.fence = fence;
    }

    /**
     * Puts back any table that a crash left in {@code _trash/} between the two renames of a swap, so readers
     * find a complete table again before anything new is written.
     */
    void recover() throws IOException {
        Path trash = new Path(warehouse, "_trash");
        for (org.apache.hadoop.fs.FileStatus run : storage.list(trash)) {
            for (org.apache.hadoop.fs.FileStatus table : storage.list(run.getPath())) {
                Path live = new Path(warehouse, table.getPath().getName());
                if (!storage.exists(live)) {
                    storage.rename(table.getPath(), live);
                }
            }
            storage.delete(run.getPath());
        }
    }

    /** Whether the live table was swapped in whole (it has the marker a swap writes). */
    boolean complete(String table) {
        return storage.exists(new Path(new Path(warehouse, table), "_SUCCESS"));
    }

    void swap(String table, Path staged, String runId) throws IOException {
        fence.check("replacing the table " + table);
        storage.writeString(new Path(staged, "_SUCCESS"), runId + "\n");
        Path live = new Path(warehouse, table);
        Path trash = new Path(new Path(new Path(warehouse, "_trash"), runId), table);
        storage.delete(trash);
        if (storage.exists(live)) {
            storage.rename(live, trash);
        }
        storage.rename(staged, live);
        storage.delete(trash);
    }
}
