package org.forcereturns.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/** Replaces one small file many times while another thread reads it: the reader must never find it missing. */
public final class Replacements {

    private Replacements() {
    }

    public static void assertNeverMissing(Storage storage, Path file, int times) throws Exception {
        storage.writeString(file, "0");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    if (storage.readString(file).isEmpty()) {
                        missing.incrementAndGet();
                    }
                } catch (IOException e) {
                    missing.incrementAndGet();
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        try {
            for (int i = 1; i <= times; i++) {
                storage.writeString(file, Integer.toString(i));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertThat(reads.get()).isPositive();
        assertThat(missing.get()).as("reads finding no file (of %d)", reads.get()).isZero();
        assertThat(storage.readString(file)).isEqualTo(Integer.toString(times));
    }
}
