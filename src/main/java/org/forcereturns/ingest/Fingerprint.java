package org.forcereturns.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.forcereturns.storage.Hashing;

/**
 * A file's identity and encoding, from one streaming pass over its (decompressed) bytes.
 *
 * @param encoding null when the bytes cannot be read (a broken gzip stream)
 */
public record Fingerprint(String sha256, long bytes, TextEncoding encoding) {

    public boolean readable() {
        return encoding != null && bytes > 0;
    }

    public static Fingerprint of(InputStream raw, boolean gzip) throws IOException {
        MessageDigest contentDigest = Hashing.sha256();
        MessageDigest rawDigest = Hashing.sha256();
        EncodingSniffer sniffer = new EncodingSniffer();
        long bytes = 0;
        InputStream counted = new DigestingStream(raw, rawDigest);
        try (InputStream in = gzip ? new GZIPInputStream(counted, 1 << 16) : counted) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                contentDigest.update(buf, 0, n);
                sniffer.update(buf, 0, n);
                bytes += n;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // A broken compressed file is identified by its raw bytes and quarantined as unreadable.
            counted.transferTo(java.io.OutputStream.nullOutputStream());
            return new Fingerprint(HexFormat.of().formatHex(rawDigest.digest()), 0, null);
        }
        return new Fingerprint(HexFormat.of().formatHex(contentDigest.digest()), bytes, sniffer.result());
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
