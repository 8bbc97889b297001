package org.forcereturns.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.forcereturns.testing.Replacements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

    @TempDir
    Path dir;

    /** The warehouse lock rests on this: of runs creating the lock file at once, exactly one may win. */
    @Test
    void ofManyCreatingOneNewFileAtOnceExactlyOneSucceeds() throws Exception {
        Storage storage = Storage.local();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 100; round++) {
                org.apache.hadoop.fs.Path file = storage.resolve(dir.resolve("lock-" + round).toString());
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
                java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tries.add(pool.submit(() -> {
                        start.await();
                        try (java.io.OutputStream out = storage.createNew(file)) {
                            out.write(1);
                            return true;
                        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                            return false;
                        }
                    }));
                }
                int won = 0;
                for (java.util.concurrent.Future<Boolean> f : tries) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLocalCopyHoldsTheSameBytesReplacesTheTargetAndMakesItsFolder() throws IOException {
        byte[] content = new byte[3_000_000];
        new Random(7).nextBytes(content);
        Path source = Files.write(dir.resolve("in.csv"), content);
        Path target = dir.resolve("raw/ab/copy.csv");
        Storage storage = Storage.local();

        storage.copy(storage.resolve(source.toString()), storage.resolve(target.toString()));
        assertThat(Files.readAllBytes(target)).isEqualTo(content);

        Files.write(source, "short".getBytes());
        storage.copy(storage.resolve(source.toString()), storage.resolve(target.toString()));
        assertThat(Files.readString(target)).isEqualTo("short");
    }

    /** The crash point of a replace: the new file is written, the old one not yet replaced. */
    @Test
    void aFailureAfterTheNewFileIsWrittenLeavesTheOldFileWhole() throws IOException {
        Storage storage = Storage.local();
        org.apache.hadoop.fs.Path file = storage.resolve(dir.resolve("published.properties").toString());
        storage.writeString(file, "old\n");
        storage.beforeReplace(() -> {
            throw new IllegalStateException("crash");
        });

        assertThatThrownBy(() -> storage.writeString(file, "new\n")).hasMessage("crash");

        assertThat(dir.resolve("published.properties")).hasContent("old");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(dir.resolve("published.properties"));
        }
    }

    /** Deleting the old file before renaming the new one left a moment with neither: a reader saw no file. */
    @Test
    void aReaderNeverFindsTheFileMissingWhileItIsReplacedManyTimes() throws Exception {
        Storage storage = Storage.local();
        Replacements.assertNeverMissing(storage, storage.resolve(dir.resolve("manifest.json").toString()), 2_000);
    }

    /** Any other file system (here Hadoop's checksummed local one): the old file is moved aside, never deleted first. */
    @Test
    void onOtherFileSystemsAReplaceLeavesNoFileAsideAndTheNewContent() throws Exception {
        Storage storage = new Storage(Map.of("fs.file.impl", org.apache.hadoop.fs.LocalFileSystem.class.getName()));
        org.apache.hadoop.fs.Path file = storage.resolve(dir.resolve("mark").toString());
        assertThat(storage.fs(file)).isNotInstanceOf(org.apache.hadoop.fs.RawLocalFileSystem.class);

        storage.writeString(file, "1");
        storage.writeString(file, "2");

        assertThat(storage.readString(file)).isEqualTo("2");
        assertThat(storage.list(file.getParent())).extracting(s -> s.getPath().getName())
                .noneMatch(name -> name.contains(".old-") || name.contains(".tmp-"));
    }

    @Test
    void theHadoopClientGivesUpOnANameNodeWithinSecondsByDefault() {
        var conf = Storage.local().configuration();

        assertThat(conf.getInt("ipc.client.connect.max.retries", -1)).isEqualTo(3);
        assertThat(conf.getInt("ipc.client.connect.max.retries.on.timeouts", -1)).isEqualTo(2);
        assertThat(conf.getInt("ipc.client.connect.timeout", -1)).isEqualTo(10_000);
    }

    @Test
    void theJobFilesHadoopSettingsOverrideTheDefaults() {
        var conf = new Storage(Map.of("ipc.client.connect.max.retries", "10")).configuration();

        assertThat(conf.getInt("ipc.client.connect.max.retries", -1)).isEqualTo(10);
    }

    @Test
    void anUnknownSchemeIsAConfigurationErrorNamingTheLocation() {
        assertThatThrownBy(() -> Storage.local().resolve("foo://x/inbox"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.configuration()).isTrue())
                .hasMessageStartingWith("no file system for the scheme \"foo:\" of foo://x/inbox");
    }

    @Test
    void anUnknownHostIsAConfigurationError() {
        assertThatThrownBy(() -> Storage.local().resolve("hdfs://no-such-namenode.invalid:8020/inbox"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.configuration()).isTrue())
                .hasMessageStartingWith("unknown host in hdfs://no-such-namenode.invalid:8020/inbox");
    }

    @Test
    void aNameNodeThatRefusesConnectionsIsAnOutageReportedWithinSeconds() {
        Storage storage = Storage.local();
        long start = System.nanoTime();

        assertThatThrownBy(() -> storage.exists(storage.resolve("hdfs://127.0.0.1:1/inbox")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.configuration()).isFalse())
                .hasMessageStartingWith("cannot reach hdfs://127.0.0.1:1/inbox: ")
                .hasMessageContaining("Connection refused")
                .hasMessageNotContaining("\n");
        // 3 retries a second apart; Hadoop's own defaults (10 retries) would take over 10 s.
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(8.0);
    }

    /**
     * S3A buffers uploads in local scratch files through {@code FileSystem.getLocal}, which must be Hadoop's
     * LocalFileSystem: a remote file system must not see the raw local one that Storage uses for local paths.
     */
    @Test
    void aRemoteFileSystemKeepsItsScratchFilesOnHadoopsOwnLocalFileSystem() throws Exception {
        Storage storage = new Storage(Map.of("fs.s3a.endpoint", "http://127.0.0.1:1", "fs.s3a.endpoint.region",
                "us-east-1", "fs.s3a.path.style.access", "true"));
        org.apache.hadoop.fs.FileSystem s3 = storage.fs(storage.resolve("s3a://scratch-test/x"));

        assertThat(org.apache.hadoop.fs.FileSystem.getLocal(s3.getConf()))
                .isInstanceOf(org.apache.hadoop.fs.LocalFileSystem.class);
        assertThat(storage.fs(storage.resolve(dir.resolve("local").toString())))
                .isInstanceOf(ForklessLocalFileSystem.class);
    }
}
