package org.forcereturns.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/**
 * The text of the ledger's small record files, kept together in one index file ({@code _state/ledger.index}),
 * so that a run reads one file instead of two per delivery. Purely a cache: an entry is used only while the
 * record file it copies has the same length and modification time as when it was read (both come with the
 * folder listing, at no extra cost); anything else is read from the file. A missing or damaged index is ignored.
 * Not thread-safe.
 */
final class RecordIndex {

    private static final int MAGIC = 0x46524c31; // "FRL1"

    private final Storage storage;
    private final Path file;
    private Map<String, Entry> saved;
    private final Map<String, Entry> used = new TreeMap<>();
    private boolean stale;

    RecordIndex(Storage storage, Path file) {
        this.storage = storage;
        this.file = file;
    }

    /** The text of the record file {@code status} (as listed), under {@code key}: from the index if unchanged. */
    String read(String key, FileStatus status) throws IOException {
        Entry e = saved().get(key);
        if (e == null || e.length != status.getLen() || e.modified != status.getModificationTime()) {
            e = new Entry(status.getLen(), status.getModificationTime(), storage.readString(status.getPath()));
            stale = true;
        }
        used.put(key, e);
        return e.text;
    }

    /**
     * Rewrites the index with the records read since it was loaded, if it held anything else. Call when every
     * live record has been read (publishing reads them all), so that no live record is left out.
     */
    void save() throws IOException {
        if (!stale && used.size() == saved().size()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(used.size());
        for (Map.Entry<String, Entry> e : used.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().length);
            out.writeLong(e.getValue().modified);
            byte[] text = e.getValue().text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
        }
        out.flush();
        storage.writeAtomically(file, bytes.toByteArray());
        saved = new HashMap<>(used);
        stale = false;
    }

    private Map<String, Entry> saved() {
        if (saved == null) {
            saved = load();
        }
        return saved;
    }

    private Map<String, Entry> load() {
        Map<String, Entry> out = new HashMap<>();
        try {
            if (!storage.exists(file)) {
                return out;
            }
            byte[] content;
            try (InputStream in = storage.open(file)) {
                content = in.readAllBytes();
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
            if (in.readInt() != MAGIC) {
                return new HashMap<>();
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                long length = in.readLong();
                long modified = in.readLong();
                byte[] text = in.readNBytes(in.readInt());
                out.put(key, new Entry(length, modified, new String(text, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            // Only a cache: without it every record is read from its own file.
            return new HashMap<>();
        }
    }

    private record Entry(long length, long modified, String text) {
    }
}
