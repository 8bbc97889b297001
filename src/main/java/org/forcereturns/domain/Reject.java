package org.forcereturns.domain;

/**
 * A rejected row, or a whole rejected file (line 0), as written to the quarantine table.
 *
 * @param column the file's own header text for the field at fault; null when no single field is
 * @param value  the value at fault as delivered; null when no single field is
 * @param raw    the raw text of the row (for a whole file: its header line, if any)
 */
public record Reject(String sourceFile, long line, RejectReason reason, String column, String value, String raw) {
}
