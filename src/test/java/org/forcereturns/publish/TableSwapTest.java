package org.forcereturns.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.forcereturns.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers must never find half a table, even after a crash between the two renames of a swap. */
class TableSwapTest {

    @TempDir
    Path warehouse;

    private TableSwap swap() {
        Storage storage = Storage.local();
        return new TableSwap(storage, storage.resolve(warehouse.toString()));
    }

    @Test
    void swapReplacesTheWholeFolderAndMarksItComplete() throws Exception {
        Files.createDirectories(warehouse.resolve("t"));
        Files.writeString(warehouse.resolve("t/old.parquet"), "old");
        Path staged = Files.createDirectories(warehouse.resolve("_staging/r2/t"));
        Files.writeString(staged.resolve("part-00000.parquet"), "new");

        swap().swap("t", Storage.local().resolve(staged.toString()), "r2");

        assertThat(warehouse.resolve("t/old.parquet")).doesNotExist();
        assertThat(warehouse.resolve("t/part-00000.parquet")).hasContent("new");
        assertThat(warehouse.resolve("t/_SUCCESS")).hasContent("r2");
        assertThat(warehouse.resolve("_trash/r2/t")).doesNotExist();
        assertThat(staged).doesNotExist();
    }

    @Test
    void recoverPutsBackATableACrashLeftInTheTrash() throws Exception {
        Path trashed = Files.createDirectories(warehouse.resolve("_trash/r1/t"));
        Files.writeString(trashed.resolve("part-00000.parquet"), "previous complete table");

        swap().recover();

        assertThat(warehouse.resolve("t/part-00000.parquet")).hasContent("previous complete table");
        assertThat(warehouse.resolve("_trash/r1")).doesNotExist();
    }

    @Test
    void recoverKeepsTheLiveTableWhenTheSwapHadFinished() throws Exception {
        Files.createDirectories(warehouse.resolve("t"));
        Files.writeString(warehouse.resolve("t/part-00000.parquet"), "new");
        Files.createDirectories(warehouse.resolve("_trash/r1/t"));
        Files.writeString(warehouse.resolve("_trash/r1/t/part-00000.parquet"), "old");

        swap().recover();

        assertThat(warehouse.resolve("t/part-00000.parquet")).hasContent("new");
        assertThat(warehouse.resolve("_trash/r1")).doesNotExist();
    }
}
