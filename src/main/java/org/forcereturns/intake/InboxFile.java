package org.forcereturns.intake;

import org.apache.hadoop.fs.Path;

/**
 * A force return found in an inbox.
 *
 * @param relativePath path below the inbox root with {@code /} separators: the delivery order key
 * @param size         bytes of the file as stored (compressed, for a .gz)
 * @param modified     the file's modification time, epoch milliseconds
 * @param notRegular   why the entry is not a regular file (a symbolic link, a pipe), or null: such an entry is
 *                     never opened
 */
public record InboxFile(String relativePath, Path path, long size, long modified, String notRegular) {

    public boolean regular() {
        return notRegular == null;
    }

    public boolean gzip() {
        return relativePath.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }
}
