package org.forcereturns.intake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/** Lists the force returns of an inbox (contract section 1), in delivery order. */
public final class Inbox {

    private final Storage storage;
    private final Path root;

    public Inbox(Storage storage, Path root) {
        this.storage = storage;
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * The returns, in delivery order. Entries that are not regular files (links, pipes) are listed too, marked as
     * such, so they are quarantined rather than read: the inbox is written by others (contract section 1).
     */
    public List<InboxFile> returns() throws IOException {
        List<Storage.TreeEntry> entries;
        try {
            entries = storage.listTree(root);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("the inbox " + root + " does not exist");
        }
        String prefix = root.toUri().getPath();
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        List<InboxFile> out = new ArrayList<>();
        for (Storage.TreeEntry entry : entries) {
            String path = entry.path().toUri().getPath();
            if (!path.startsWith(prefix)) {
                continue;
            }
            String relative = path.substring(prefix.length());
            if (isReturn(relative)) {
                out.add(new InboxFile(relative, entry.path(), entry.size(), entry.modified(), entry.notRegular()));
            }
        }
        out.sort(Comparator.comparing(InboxFile::relativePath));
        return out;
    }

    /** A return ends in .csv or .csv.gz; any name (file or folder) starting with '.' or '_' is ignored. */
    static boolean isReturn(String relativePath) {
        for (String part : relativePath.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return false;
            }
        }
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
    }
}
