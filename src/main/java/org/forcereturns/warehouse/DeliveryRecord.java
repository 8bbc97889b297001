package org.forcereturns.warehouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forcereturns.storage.Hashing;

/**
 * One delivered file, as the warehouse remembers it.
 *
 * @param sourceFile  path relative to the inbox, with {@code /} separators
 * @param bytes       size of the decompressed content
 * @param duplicateOf the first delivery of the same bytes in delivery order, or null if this is the first (not
 *                    stored: see {@link #markDuplicates})
 * @param inboxSize   size of the inbox file as stored when it was hashed, or -1 when not known
 * @param inboxModified its modification time then (epoch ms), or -1: with the path and size, lets the next run
 *                    skip hashing a file that has not changed (see docs/performance.md)
 * @param notRegular  why the inbox entry was not a regular file (a link), or null: its sha256 is then a key made
 *                    from its path (see {@code Fingerprint.notRegular}), not a hash of bytes, since nothing was read
 */
public record DeliveryRecord(String sourceFile, String sha256, long bytes, boolean gzip, String encoding,
                             String runId, Instant deliveredAt, String duplicateOf, long inboxSize,
                             long inboxModified, String notRegular) {

    /** Delivery order: by path (forces date their file names), then by when the warehouse first saw it. */
    public static final Comparator<DeliveryRecord> DELIVERY_ORDER = Comparator
            .comparing(DeliveryRecord::sourceFile)
            .thenComparing(DeliveryRecord::deliveredAt)
            .thenComparing(DeliveryRecord::sha256);

    /**
     * The deliveries, in delivery order, each marked as a duplicate of the first delivery of its bytes before it
     * (contract section 5: the first in path order counts, whichever night it arrived).
     */
    public static List<DeliveryRecord> markDuplicates(List<DeliveryRecord> inOrder) {
        Map<String, String> firstBySha = new HashMap<>();
        List<DeliveryRecord> out = new ArrayList<>(inOrder.size());
        for (DeliveryRecord d : inOrder) {
            String first = firstBySha.putIfAbsent(d.sha256(), d.sourceFile());
            out.add(Objects.equals(first, d.duplicateOf()) ? d : d.withDuplicateOf(first));
        }
        return out;
    }

    public DeliveryRecord withDuplicateOf(String first) {
        return new DeliveryRecord(sourceFile, sha256, bytes, gzip, encoding, runId, deliveredAt, first, inboxSize,
                inboxModified, notRegular);
    }

    public DeliveryRecord withInboxFile(long size, long modified) {
        return new DeliveryRecord(sourceFile, sha256, bytes, gzip, encoding, runId, deliveredAt, duplicateOf, size,
                modified, notRegular);
    }

    /** The SHA-256 of the delivered bytes, or null for an entry that was never read (not a regular file). */
    public String contentSha256() {
        return notRegular == null ? sha256 : null;
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** Stable name of this delivery's ledger record: one per (path, bytes). */
    public String id() {
        return idOf(sourceFile, sha256);
    }

    public static String idOf(String sourceFile, String sha256) {
        return Hashing.sha256Hex(sourceFile + "\n" + sha256).substring(0, 24);
    }
}
