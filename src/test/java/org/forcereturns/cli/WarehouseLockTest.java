package org.forcereturns.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.forcereturns.storage.Fence;
import org.forcereturns.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse lease on a local disk, timed by a fake clock: who may take it over, when, and who is fenced. */
class WarehouseLockTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final Storage storage = Storage.local();
    private final FakeClock clock = new FakeClock();

    /** Time that moves only when someone waits; {@code onSleep} runs after each wait (a holder's heartbeat). */
    private static final class FakeClock implements WarehouseLock.Clock {
        long now = 1_000 * SECOND;
        Runnable onSleep = () -> { };

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
            onSleep.run();
        }
    }

    private org.apache.hadoop.fs.Path warehouse() {
        return storage.resolve(dir.resolve("wh").toString());
    }

    private Optional<WarehouseLock> acquire(String runId) throws Exception {
        return WarehouseLock.tryAcquire(storage, warehouse(), runId, LEASE, clock);
    }

    private Path generation(long n) {
        return dir.resolve("wh/_state/lock/" + n);
    }

    @Test
    void aFreeWarehouseIsTakenAtOnceAsGenerationOne() throws Exception {
        long start = clock.now;

        WarehouseLock lock = acquire("r1").orElseThrow();

        assertThat(lock.generation()).isEqualTo(1);
        assertThat(clock.now).isEqualTo(start);
        assertThat(Files.readString(generation(1))).contains("run=r1");
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceAndTheOldGenerationPruned() throws Exception {
        acquire("r1").orElseThrow().close();
        long start = clock.now;

        WarehouseLock second = acquire("r2").orElseThrow();

        assertThat(second.generation()).isEqualTo(2);
        assertThat(clock.now).isEqualTo(start);
        assertThat(generation(1)).doesNotExist();
    }

    @Test
    void aLiveHolderIsSeenRenewingAndNeverTakenOver() throws Exception {
        WarehouseLock holder = acquire("r1").orElseThrow();
        long[] lastBeat = {clock.now};
        clock.onSleep = () -> {
            if (clock.now - lastBeat[0] >= LEASE.toNanos() / 4) {
                holder.renew();
                lastBeat[0] = clock.now;
            }
        };

        for (int attempt = 0; attempt < 20; attempt++) {
            long start = clock.now;
            assertThat(acquire("r" + (attempt + 2))).isEmpty();
            // Told "busy" within about one heartbeat, not after a whole lease.
            assertThat(clock.now - start).isLessThanOrEqualTo(LEASE.toNanos() / 4 + SECOND);
            holder.check("a swap");
        }
        assertThat(holder.held()).isTrue();
        assertThat(WarehouseLock.holder(storage, warehouse())).startsWith("run r1 (process ");
    }

    /** The holder died (on any host): its heartbeat stops, and after one lease of watching it is taken over. */
    @Test
    void aHolderThatStoppedRenewingIsTakenOverAfterOneLease() throws Exception {
        acquire("r1").orElseThrow(); // never renewed, never closed: SIGKILL
        long start = clock.now;

        WarehouseLock taker = acquire("r2").orElseThrow();

        assertThat(clock.now - start).isBetween(LEASE.toNanos(), LEASE.toNanos() + 2 * SECOND);
        assertThat(taker.generation()).isEqualTo(2);
        assertThat(generation(1)).doesNotExist();
    }

    /** A lease last renewed longer ago than a lease (by the file system's clock) needs no watching: nightly runs. */
    @Test
    void aLeaseLastRenewedLongAgoIsTakenOverAtOnce() throws Exception {
        acquire("r1").orElseThrow();
        Files.setLastModifiedTime(generation(1), FileTime.from(Instant.now().minus(LEASE.multipliedBy(2))));
        long start = clock.now;

        assertThat(acquire("r2")).isPresent();

        assertThat(clock.now - start).isLessThan(2 * SECOND);
    }

    /** SIGSTOP: the paused holder comes back after another run took over, and must not touch the tables. */
    @Test
    void aHolderPausedWhileAnotherRunTookOverIsFencedAndLeavesTheNewLeaseAlone() throws Exception {
        WarehouseLock paused = acquire("r1").orElseThrow();
        WarehouseLock taker = acquire("r2").orElseThrow(); // watched r1 for a lease: r1 looked dead
        String takersLease = Files.readString(generation(2));

        paused.renew();
        assertThatThrownBy(() -> paused.check("replacing the table clean_offences"))
                .isInstanceOf(Fence.Fenced.class)
                .hasMessage("this run no longer holds the warehouse: the warehouse was taken over by run r2; "
                        + "stopped before replacing the table clean_offences, leaving the tables as they were");
        paused.close();

        assertThat(generation(1)).as("the paused holder's heartbeat does not bring its generation back").doesNotExist();
        assertThat(generation(2)).hasContent(takersLease);
        taker.check("a swap");
    }

    /** Paused for most of a lease with nobody taking over: it cannot know that, so it stops anyway. */
    @Test
    void aLeaseNotRenewedForThreeQuartersOfALeaseIsLostForGood() throws Exception {
        WarehouseLock lock = acquire("r1").orElseThrow();
        clock.now += LEASE.toNanos() / 2;
        lock.check("a swap");

        clock.now += LEASE.toNanos() / 4;

        assertThatThrownBy(() -> lock.check("a swap")).isInstanceOf(Fence.Fenced.class)
                .hasMessageContaining("its lease was not renewed for 45 s");
        lock.renew();
        assertThatThrownBy(() -> lock.check("a swap")).isInstanceOf(Fence.Fenced.class);
        assertThat(lock.held()).isFalse();
    }

    @Test
    void aRenewedLeaseStaysHeldPastItsFirstLease() throws Exception {
        WarehouseLock lock = acquire("r1").orElseThrow();
        for (int beat = 0; beat < 12; beat++) {
            clock.now += LEASE.toNanos() / 4;
            lock.renew();
            lock.check("a swap");
        }
        assertThat(Files.readString(generation(1))).contains("heartbeat=12");
    }

    /** A run of an earlier version holds a plain lock file: this version does not touch it. */
    @Test
    void theLockFileOfAnEarlierVersionIsLeftAloneAndNamed() throws Exception {
        Path legacy = dir.resolve("wh/_state/lock");
        Files.createDirectories(legacy.getParent());
        Files.writeString(legacy, "old-host\n4242\nr-old\n");

        assertThat(acquire("r1")).isEmpty();

        assertThat(legacy).hasContent("old-host\n4242\nr-old");
        assertThat(WarehouseLock.holder(storage, warehouse()))
                .startsWith("run r-old (process 4242 on old-host; the lock file of an earlier version: delete ");
    }
}
