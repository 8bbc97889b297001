package org.forcereturns.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per warehouse: a lease kept in the warehouse's own file system, so it works wherever the
 * warehouse is (any host, any container) and dies with the process that holds it.
 *
 * <p>{@code _state/lock/} holds generation files {@code 1, 2, ...}; the highest is the lease. A run takes the lease
 * by creating the next generation exclusively, and only when the highest is released or stale, so of two runs
 * taking over the same stale lease exactly one succeeds, and nothing is ever deleted to take a lease. The holder
 * rewrites its generation (a heartbeat counter) every quarter lease, or every second if that is sooner. A generation is stale when its content has not
 * changed for a lease, timed by the observer's own monotonic clock, or, at once, when its modification time is a
 * lease older than the file system's own clock (read from a probe file the observer writes): no two hosts' clocks
 * are compared.
 *
 * <p>Fencing: the holder counts its lease as lapsed once it has gone three quarters of a lease without a renewal
 * (its renewal started then), which is before any observer can have judged it stale; a lapsed or overtaken lease is
 * lost for good, and {@link #check} then refuses every further change to the tables.
 */
final class WarehouseLock implements AutoCloseable, Fence {

    private static final Logger log = LoggerFactory.getLogger(WarehouseLock.class);
    private static final String RELEASED = "released";

    /** Elapsed time and waiting, replaceable in tests. */
    interface Clock {
        long nanoTime();

        void sleep(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    private final Storage storage;
    private final Path folder;
    private final long generation;
    private final Map<String, String> holder;
    private final long leaseNanos;
    private final Clock clock;
    private long beats;
    static final long HEARTBEAT_AT_MOST = TimeUnit.SECONDS.toNanos(1);

    /** When the last successful renewal started (the lease counts from then). */
    private volatile long renewedAt;
    /** Why the lease was lost, once it is. */
    private volatile String lost;
    private ScheduledExecutorService heartbeat;

    private WarehouseLock(Storage storage, Path folder, long generation, Map<String, String> holder, Duration lease,
                          Clock clock, long renewedAt) {
        this.storage = storage;
        this.folder = folder;
        this.generation = generation;
        this.holder = holder;
        this.leaseNanos = lease.toNanos();
        this.clock = clock;
        this.renewedAt = renewedAt;
    }

    static Path folder(Path warehouse) {
        return new Path(new Path(warehouse, "_state"), "lock");
    }

    /** The lease, renewed by a daemon thread until closed; or empty with the current holder told by {@link #holder}. */
    static Optional<WarehouseLock> tryAcquire(Storage storage, Path warehouse, String runId, Duration lease)
            throws IOException, InterruptedException {
        Optional<WarehouseLock> lock = tryAcquire(storage, warehouse, runId, lease, Clock.SYSTEM);
        lock.ifPresent(WarehouseLock::startHeartbeat);
        return lock;
    }

    /** Takes the lease if it is free, released or stale; waits at most about a lease to judge a live-looking one. */
    static Optional<WarehouseLock> tryAcquire(Storage storage, Path warehouse, String runId, Duration lease,
                                              Clock clock) throws IOException, InterruptedException {
        Path folder = folder(warehouse);
        if (storage.exists(folder) && !storage.fs(folder).getFileStatus(folder).isDirectory()) {
            return Optional.empty(); // the lock file of an earlier version: see holder()
        }
        storage.mkdirs(folder);
        Map<String, String> me = new LinkedHashMap<>();
        me.put("run", runId);
        me.put("process", Long.toString(ProcessHandle.current().pid()));
        me.put("host", host());
        for (int attempt = 0; attempt < 5; attempt++) {
            OptionalLong highest = highest(storage, folder);
            long current = highest.orElse(0);
            if (current > 0 && !free(storage, folder, current, lease.toNanos(), clock, runId)) {
                return Optional.empty();
            }
            long next = current + 1;
            long started = clock.nanoTime();
            try (OutputStream out = storage.createNew(generationFile(folder, next))) {
                out.write(content(me, 0, false));
            } catch (FileAlreadyExistsException e) {
                continue; // another run took it first: judge that one
            }
            // A run that judged a generation stale long ago (it was paused) may create one the holder of a higher
            // generation has since pruned: the higher one stands.
            if (highest(storage, folder).orElse(0) > next) {
                storage.delete(generationFile(folder, next));
                return Optional.empty();
            }
            WarehouseLock lock = new WarehouseLock(storage, folder, next, me, lease, clock, started);
            lock.prune();
            return Optional.of(lock);
        }
        return Optional.empty();
    }

    /**
     * True when generation {@code n} is released or its holder is gone: its content unchanged for a lease of our
     * own elapsed time, or its modification time a lease behind the file system's clock. False as soon as it is seen
     * renewed.
     */
    private static boolean free(Storage storage, Path folder, long n, long lease, Clock clock, String runId)
            throws IOException, InterruptedException {
        Path file = generationFile(folder, n);
        long start = clock.nanoTime();
        String first = readOrNull(storage, file);
        FileSystemClock fsClock = FileSystemClock.probe(storage, folder, runId, clock);
        long poll = Math.max(TimeUnit.MILLISECONDS.toNanos(20), Math.min(lease / 20, TimeUnit.SECONDS.toNanos(1)));
        while (true) {
            String seen = readOrNull(storage, file);
            if (seen == null || parse(seen).containsKey(RELEASED)) {
                return true; // released, or pruned by a higher generation's holder (then creating n+1 fails)
            }
            if (!seen.equals(first)) {
                return false; // renewed: the holder is alive
            }
            long now = clock.nanoTime();
            if (now - start >= lease) {
                return true;
            }
            if (fsClock != null && fsClock.ageMillis(storage, file, now) >= TimeUnit.NANOSECONDS.toMillis(lease)) {
                return true;
            }
            clock.sleep(poll);
        }
    }

    /** The file system's own time, read once from the modification time of a file just written, then carried on. */
    private record FileSystemClock(long millis, long atNanos, Clock clock) {

        static FileSystemClock probe(Storage storage, Path folder, String runId, Clock clock) {
            Path probe = new Path(folder, ".probe-" + runId);
            try {
                try (OutputStream out = storage.create(probe)) {
                    out.write(0);
                }
                long at = clock.nanoTime();
                long millis = storage.fs(probe).getFileStatus(probe).getModificationTime();
                storage.delete(probe);
                return new FileSystemClock(millis, at, clock);
            } catch (IOException | RuntimeException e) {
                return null; // then only the slow path: a lease of watching
            }
        }

        long ageMillis(Storage storage, Path file, long nowNanos) {
            try {
                long modified = storage.fs(file).getFileStatus(file).getModificationTime();
                return millis + TimeUnit.NANOSECONDS.toMillis(nowNanos - atNanos) - modified;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** Who holds the warehouse, for the "in use by" message. */
    static String holder(Storage storage, Path warehouse) {
        try {
            Path folder = folder(warehouse);
            if (!storage.fs(folder).getFileStatus(folder).isDirectory()) {
                String[] lines = storage.readString(folder).split("\n");
                return "run " + (lines.length > 2 ? lines[2] : "?") + " (process " + lines[1] + " on " + lines[0]
                        + "; the lock file of an earlier version: delete " + folder + " once that run has ended)";
            }
            Map<String, String> h = parse(storage.readString(generationFile(folder, highest(storage, folder)
                    .orElseThrow())));
            return "run " + h.getOrDefault("run", "?") + " (process " + h.getOrDefault("process", "?") + " on "
                    + h.getOrDefault("host", "?") + ", renewing its lease)";
        } catch (IOException | RuntimeException e) {
            return "another run";
        }
    }

    void startHeartbeat() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warehouse-lease");
            t.setDaemon(true);
            return t;
        });
        // At least every second, whatever the lease: a run that finds the warehouse held sees a renewal, and exits 4,
        // within about a second (a lease of a minute would otherwise keep it waiting up to a quarter of one).
        long every = Math.min(leaseNanos / 4, HEARTBEAT_AT_MOST);
        heartbeat.scheduleAtFixedRate(this::renew, every, every, TimeUnit.NANOSECONDS);
    }

    /** One heartbeat: rewrites this generation, unless the lease is already lapsed or overtaken. */
    synchronized void renew() {
        if (lost != null) {
            return;
        }
        long start = clock.nanoTime();
        try {
            if (lapsedOrOvertaken(start)) {
                return;
            }
            storage.writeAtomically(generationFile(folder, generation), content(holder, beats + 1, false));
            beats++;
            renewedAt = start;
        } catch (IOException | RuntimeException e) {
            // Not fatal by itself: the lease lapses, and the run is fenced, only if renewals keep failing.
            log.warn("could not renew the warehouse lease {}: {}", generationFile(folder, generation),
                    Failures.oneLine(e));
        }
    }

    @Override
    public void check(String before) throws Fenced {
        if (lost == null) {
            try {
                lapsedOrOvertaken(clock.nanoTime());
            } catch (IOException | RuntimeException e) {
                lose("its lease could not be checked (" + Failures.oneLine(e) + ")");
            }
        }
        if (lost != null) {
            throw new Fenced("this run no longer holds the warehouse: " + lost + "; stopped before " + before
                    + ", leaving the tables as they were");
        }
    }

    /** Marks the lease lost, and says so, when it lapsed or a higher generation exists. */
    private boolean lapsedOrOvertaken(long now) throws IOException {
        OptionalLong highest = highest(storage, folder);
        if (highest.isPresent() && highest.getAsLong() > generation) {
            String by;
            try {
                by = "run " + parse(storage.readString(generationFile(folder, highest.getAsLong())))
                        .getOrDefault("run", "?");
            } catch (IOException e) {
                by = "another run";
            }
            lose("the warehouse was taken over by " + by);
            return true;
        }
        if (now - renewedAt >= leaseNanos / 4 * 3) {
            lose("its lease was not renewed for " + TimeUnit.NANOSECONDS.toSeconds(now - renewedAt)
                    + " s (the process was paused or the file system unreachable) and may have been taken over");
            return true;
        }
        return false;
    }

    private synchronized void lose(String why) {
        if (lost == null) {
            lost = why;
            log.warn("warehouse lease {} lost: {}", generationFile(folder, generation), why);
        }
    }

    boolean held() {
        return lost == null;
    }

    long generation() {
        return generation;
    }

    /** Stops renewing and marks the generation released, so the next run takes over at once. */
    @Override
    public synchronized void close() throws IOException {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (lost == null && highest(storage, folder).orElse(0) == generation) {
            storage.writeAtomically(generationFile(folder, generation), content(holder, beats, true));
        }
    }

    /** Deletes the generations below ours, and what their holders and observers left (temporary and probe files). */
    private void prune() throws IOException {
        Path own = generationFile(folder, generation);
        long now = storage.fs(own).getFileStatus(own).getModificationTime();
        for (FileStatus s : storage.list(folder)) {
            String name = s.getPath().getName();
            OptionalLong n = generationOf(name.startsWith(".") ? name.substring(1).split("\\.", 2)[0] : name);
            boolean below = n.isPresent() && n.getAsLong() < generation;
            boolean oldProbe = name.startsWith(".probe-") && now - s.getModificationTime() > leaseNanos / 1_000_000;
            if (below || oldProbe) {
                storage.delete(s.getPath());
            }
        }
    }

    private static OptionalLong highest(Storage storage, Path folder) throws IOException {
        OptionalLong highest = OptionalLong.empty();
        for (FileStatus s : storage.list(folder)) {
            OptionalLong n = generationOf(s.getPath().getName());
            if (n.isPresent() && (highest.isEmpty() || n.getAsLong() > highest.getAsLong())) {
                highest = n;
            }
        }
        return highest;
    }

    private static OptionalLong generationOf(String name) {
        if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(name));
    }

    static Path generationFile(Path folder, long n) {
        return new Path(folder, Long.toString(n));
    }

    private static byte[] content(Map<String, String> holder, long beat, boolean released) {
        StringBuilder sb = new StringBuilder();
        holder.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append("heartbeat=").append(beat).append('\n');
        if (released) {
            sb.append(RELEASED).append("=true\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    private static String readOrNull(Storage storage, Path file) throws IOException {
        try {
            return storage.readString(file);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** The host name, for people reading the lease; the kernel's own on Linux, which needs no name lookup. */
    private static String host() {
        try {
            java.nio.file.Path kernel = java.nio.file.Path.of("/proc/sys/kernel/hostname");
            if (java.nio.file.Files.isReadable(kernel)) {
                return java.nio.file.Files.readString(kernel).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
