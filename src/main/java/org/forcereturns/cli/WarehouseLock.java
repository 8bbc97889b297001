package org.forcereturns.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/**
 * One run at a time per warehouse: a lock file created exclusively, naming the holder's host and process.
 * A lock left by a process that is no longer alive on this host is taken over.
 */
final class WarehouseLock implements AutoCloseable {

    private final Storage storage;
    private final Path file;

    private WarehouseLock(Storage storage, Path file) {
        this.storage = storage;
        this.file = file;
    }

    /** The lock, or empty with the current holder described by {@link #holder}. */
    static Optional<WarehouseLock> tryAcquire(Storage storage, Path warehouse, String runId) throws IOException {
        Path file = new Path(new Path(warehouse, "_state"), "lock");
        storage.mkdirs(file.getParent());
        for (int attempt = 0; attempt < 2; attempt++) {
            try (OutputStream out = storage.createNew(file)) {
                out.write((host() + "\n" + ProcessHandle.current().pid() + "\n" + runId + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                return Optional.of(new WarehouseLock(storage, file));
            } catch (FileAlreadyExistsException e) {
                if (!isStale(storage, file)) {
                    return Optional.empty();
                }
                storage.delete(file);
            } catch (IOException e) {
                if (!storage.exists(file)) {
                    throw e;
                }
                if (!isStale(storage, file)) {
                    return Optional.empty();
                }
                storage.delete(file);
            }
        }
        return Optional.empty();
    }

    static String holder(Storage storage, Path warehouse) {
        try {
            String[] lines = storage.readString(new Path(new Path(warehouse, "_state"), "lock")).split("\n");
            return "run " + (lines.length > 2 ? lines[2] : "?") + " (process " + lines[1] + " on " + lines[0] + ")";
        } catch (IOException | RuntimeException e) {
            return "another run";
        }
    }

    /** True when the holder was a process on this host that has since died. */
    static boolean isStale(Storage storage, Path file) {
        try {
            String[] lines = storage.readString(file).split("\n");
            return lines.length >= 2 && lines[0].equals(host())
                    && ProcessHandle.of(Long.parseLong(lines[1].trim())).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() throws IOException {
        storage.delete(file);
    }
}
