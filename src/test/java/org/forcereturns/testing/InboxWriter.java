package org.forcereturns.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small force returns for tests, one line per string. */
public final class InboxWriter {

    private final Path inbox;

    public InboxWriter(Path inbox) {
        this.inbox = inbox;
    }

    public Path root() {
        return inbox;
    }

    public Path file(String relativePath, String... lines) {
        Path file = inbox.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
