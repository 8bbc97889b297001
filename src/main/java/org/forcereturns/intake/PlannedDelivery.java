package org.forcereturns.intake;

/**
 * One unit of ingest work: a new delivery from the inbox, a re-delivery of known bytes, or (for a rebuild or
 * a repair) a known delivery re-read from the raw archive.
 *
 * @param source       the file to read: in the inbox, or in the raw archive when {@code fromArchive}
 * @param encoding     a {@code TextEncoding} name, or null when the bytes cannot be read
 * @param unreadable   why the content cannot be read as a return, or null
 * @param duplicateOf  the first delivery of the same bytes, for a re-delivery
 * @param inboxSize    size of the inbox file as stored when it was hashed, or -1 (from the archive)
 * @param inboxModified its modification time then (epoch ms), or -1
 * @param notRegular   why the inbox entry is not a regular file (a link), or null: such an entry is never opened
 *                     nor archived
 */
public record PlannedDelivery(String sourceFile, String source, boolean gzip, String sha256, long bytes,
                              String encoding, String unreadable, String duplicateOf, boolean fromArchive,
                              long inboxSize, long inboxModified, String notRegular) {
}
