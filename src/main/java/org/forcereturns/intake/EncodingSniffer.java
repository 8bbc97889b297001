package org.forcereturns.intake;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decides, in one incremental pass over a file's bytes, whether it is UTF-8 (with or without a BOM)
 * or, failing strict UTF-8 validation, windows-1252. Feed every byte with {@link #update}, then call
 * {@link #result()}. The caller can hash the same buffers as it goes.
 *
 * <p>Validation follows the Unicode well-formed UTF-8 table (Unicode 15, table 3-7): overlong forms,
 * surrogates (U+D800..U+DFFF), code points above U+10FFFF, stray continuation bytes and a sequence
 * truncated at end of input are all invalid. State carries across {@code update} calls, so a
 * multi-byte character split between buffers is fine. Not thread-safe.
 */
public final class EncodingSniffer {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long total;
    private boolean bomCandidate = true;
    private boolean invalid;
    private boolean sawNul;
    /** Continuation bytes still expected for the current sequence. */
    private int need;
    /** Allowed range of the next continuation byte (0x80..0xBF except after E0, ED, F0, F4). */
    private int lo = 0x80;
    private int hi = 0xBF;

    public void update(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + buf.length);
        }
        int end = off + len;
        int i = off;
        // The first three bytes decide the BOM.
        while (total < 3 && i < end) {
            int b = buf[i] & 0xFF;
            int expected = total == 0 ? 0xEF : total == 1 ? 0xBB : 0xBF;
            if (b != expected) {
                bomCandidate = false;
            }
            total++;
            i++;
        }
        total += end - i;
        // Re-scan from off for validity: the BOM bytes are valid UTF-8 too.
        validate(buf, off, end);
    }

    private void validate(byte[] buf, int off, int end) {
        int n = need;
        int l = lo;
        int h = hi;
        boolean bad = invalid;
        boolean nul = sawNul;
        for (int i = off; i < end; i++) {
            if (n == 0 && !bad) {
                // Most of a return is plain ASCII: pass eight bytes at a time while none is NUL or above 0x7F.
                while (i + 8 <= end) {
                    long w = (long) LONGS.get(buf, i);
                    if (((w | ((w - 0x0101010101010101L) & ~w)) & 0x8080808080808080L) != 0) {
                        break;
                    }
                    i += 8;
                }
                if (i >= end) {
                    break;
                }
            }
            int b = buf[i] & 0xFF;
            if (b == 0) {
                nul = true;
            }
            if (bad) {
                if (nul) {
                    break;
                }
                continue;
            }
            if (n == 0) {
                if (b < 0x80) {
                    continue;
                }
                l = 0x80;
                h = 0xBF;
                if (b >= 0xC2 && b <= 0xDF) {
                    n = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    n = 2;
                    if (b == 0xE0) {
                        l = 0xA0;
                    } else if (b == 0xED) {
                        h = 0x9F;
                    }
                } else if (b >= 0xF0 && b <= 0xF4) {
                    n = 3;
                    if (b == 0xF0) {
                        l = 0x90;
                    } else if (b == 0xF4) {
                        h = 0x8F;
                    }
                } else {
                    bad = true;
                }
            } else {
                if (b < l || b > h) {
                    bad = true;
                    continue;
                }
                l = 0x80;
                h = 0xBF;
                n--;
            }
        }
        need = n;
        lo = l;
        hi = h;
        invalid = bad;
        sawNul = nul;
    }

    /** The encoding of all bytes seen so far, taken as the whole file. Empty input is {@link TextEncoding#UTF_8}. */
    public TextEncoding result() {
        if (invalid || need != 0) {
            return TextEncoding.WINDOWS_1252;
        }
        return bomCandidate && total >= 3 ? TextEncoding.UTF_8_BOM : TextEncoding.UTF_8;
    }

    /** Bytes seen so far. */
    public long byteCount() {
        return total;
    }

    /**
     * Whether a NUL byte was seen: never in a text CSV, typical of UTF-16 exports and binary files,
     * which the caller may want to quarantine as unreadable rather than decode as windows-1252.
     */
    public boolean sawNulByte() {
        return sawNul;
    }

    /** Sniffs all of {@code in} (not closed). */
    public static TextEncoding detect(InputStream in) throws IOException {
        EncodingSniffer sniffer = new EncodingSniffer();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) >= 0) {
            sniffer.update(buf, 0, n);
        }
        return sniffer.result();
    }
}
