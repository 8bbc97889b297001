package org.forcereturns.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The byte encodings a force return may arrive in (contract section 3). */
public enum TextEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_8_BOM("UTF-8 BOM", StandardCharsets.UTF_8),
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252"));

    private final String label;
    private final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** Label for the file inventory: {@code UTF-8}, {@code UTF-8 BOM} or {@code windows-1252}. */
    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    /**
     * A buffered reader decoding {@code in} as {@code enc}. A leading UTF-8 byte order mark
     * ({@code EF BB BF}) is skipped whatever {@code enc} says (a BOM file with invalid UTF-8 later is
     * read as windows-1252, where the BOM would otherwise show as {@code ï»¿}).
     * UTF-8 is decoded strictly: invalid bytes raise {@link java.nio.charset.MalformedInputException}
     * (the caller should have sniffed first). windows-1252 bytes with no character (0x81, 0x8D, 0x8F,
     * 0x90, 0x9D) are decoded as U+FFFD.
     */
    public static Reader openReader(InputStream in, TextEncoding enc) throws IOException {
        PushbackInputStream pin = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = 0;
        while (n < 3) {
            int r = pin.read(head, n, 3 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            pin.unread(head, 0, n);
        }
        CodingErrorAction onError = enc == WINDOWS_1252 ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        CharsetDecoder decoder = enc.charset().newDecoder()
                .onMalformedInput(onError)
                .onUnmappableCharacter(onError);
        return new BufferedReader(new InputStreamReader(pin, decoder), 1 << 16);
    }
}
