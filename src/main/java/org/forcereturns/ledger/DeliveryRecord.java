package org.forcereturns.ledger;

import java.time.Instant;
import org.forcereturns.storage.Hashing;
import java.util.Comparator;

/**
 * One delivered file, as the warehouse remembers it.
 *
 * @param sourceFile  path relative to the inbox, with {@code /} separators
 * @param bytes       size of the decompressed content
 * @param duplicateOf the first delivery of the same bytes, or null if this is the first
 * @param inboxSize   size of the inbox file as stored when it was hashed, or -1 when not known
 * @param inboxModified its modification time then (epoch ms), or -1: with the path and size, lets the next run
 *                    skip hashing a file that has not changed (see docs/performance.md)
 */
public record DeliveryRecord(String sourceFile, String sha256, long bytes, boolean gzip, String encoding,
                             String runId, Instant deliveredAt, String duplicateOf, long inboxSize,
                             long inboxModified) {

    /** Delivery order: by path (forces date their file names), then by when the warehouse first saw it. */
    public static final Comparator<DeliveryRecord> DELIVERY_ORDER = Comparator
            .comparing(DeliveryRecord::sourceFile)
            .thenComparing(DeliveryRecord::deliveredAt)
            .thenComparing(DeliveryRecord::sha256);

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
