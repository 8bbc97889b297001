package org.forcereturns.intake;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.forcereturns.storage.Hashing;

/**
 * A file's identity and encoding, from one streaming pass over its (decompressed) bytes.
 *
 * @param encoding   null when the content cannot be decoded as text
 * @param unreadable why the content cannot be read as a return (contract: {@code UNREADABLE}), or null
 */
public record Fingerprint(String sha256, long bytes, TextEncoding encoding, String unreadable) {

    public boolean readable() {
        return unreadable == null;
    }

    /**
     * The identity of an inbox entry that is not a regular file and so is never opened: no bytes are known, so it
     * is keyed by its path (in its own name space, apart from every content hash) and quarantined as unreadable.
     */
    public static Fingerprint notRegular(String relativePath, String why) {
        return new Fingerprint(Hashing.sha256Hex("not a regular file\0" + relativePath), 0, null,
                why + ": not followed");
    }

    public static Fingerprint of(InputStream raw, boolean gzip) throws IOException {
        MessageDigest contentDigest = Hashing.sha256();
        // The raw bytes' own hash is needed only to name a gzip file that cannot be decompressed.
        MessageDigest rawDigest = gzip ? Hashing.sha256() : null;
        EncodingSniffer sniffer = new EncodingSniffer();
        long bytes = 0;
        InputStream counted = gzip ? new DigestingStream(raw, rawDigest) : raw;
        try (InputStream in = gzip ? new GZIPInputStream(counted, 1 << 16) : counted) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                contentDigest.update(buf, 0, n);
                sniffer.update(buf, 0, n);
                bytes += n;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // A broken compressed file is identified by its raw bytes.
            counted.transferTo(java.io.OutputStream.nullOutputStream());
            return new Fingerprint(HexFormat.of().formatHex(rawDigest.digest()), 0, null, "not a readable gzip stream");
        }
        String sha = HexFormat.of().formatHex(contentDigest.digest());
        if (bytes == 0) {
            return new Fingerprint(sha, 0, null, "empty file (0 bytes)");
        }
        if (sniffer.sawNulByte()) {
            // Text returns never hold NUL bytes: this is UTF-16 or binary, which Windows-1252 would turn to noise.
            return new Fingerprint(sha, bytes, null, "not text: it contains NUL bytes (UTF-16 or binary?)");
        }
        return new Fingerprint(sha, bytes, sniffer.result(), null);
    }

    /** Hashes the raw bytes as they go by, for files whose decompressed content cannot be had. */
    private static final class DigestingStream extends java.io.FilterInputStream {
        private final MessageDigest digest;

        DigestingStream(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the underlying stream
        }
    }
}
