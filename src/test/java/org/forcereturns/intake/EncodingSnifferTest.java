package org.forcereturns.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingSnifferTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static TextEncoding sniff(byte[] bytes, int... cuts) {
        EncodingSniffer s = new EncodingSniffer();
        int from = 0;
        for (int cut : cuts) {
            s.update(bytes, from, cut - from);
            from = cut;
        }
        s.update(bytes, from, bytes.length - from);
        return s.result();
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                    | UTF_8        | empty input
            41 2C 42 0A           | UTF_8        | plain ASCII
            C3 A9                 | UTF_8        | é as UTF-8
            E2 82 AC              | UTF_8        | € as UTF-8 (3 bytes)
            F0 9F 98 80           | UTF_8        | emoji as UTF-8 (4 bytes)
            F4 8F BF BF           | UTF_8        | U+10FFFF, the last code point
            EF BB BF              | UTF_8_BOM    | BOM only
            EF BB BF 41 2C 42     | UTF_8_BOM    | BOM then ASCII
            EF BB BF C3 A9        | UTF_8_BOM    | BOM then é
            E9                    | WINDOWS_1252 | 0xE9 alone (é in windows-1252)
            43 61 66 E9 0A        | WINDOWS_1252 | windows-1252 é inside text
            80                    | WINDOWS_1252 | stray continuation byte (€ in windows-1252)
            C3                    | WINDOWS_1252 | sequence truncated at end of input
            E2 82                 | WINDOWS_1252 | 3-byte sequence truncated at end of input
            C3 41                 | WINDOWS_1252 | lead byte followed by ASCII
            C0 AF                 | WINDOWS_1252 | overlong 2-byte form (C0)
            C1 BF                 | WINDOWS_1252 | overlong 2-byte form (C1)
            E0 80 AF              | WINDOWS_1252 | overlong 3-byte form
            F0 80 80 AF           | WINDOWS_1252 | overlong 4-byte form
            ED A0 80              | WINDOWS_1252 | UTF-16 surrogate D800 encoded
            ED BF BF              | WINDOWS_1252 | UTF-16 surrogate DFFF encoded
            ED 9F BF              | UTF_8        | U+D7FF, just below the surrogates
            F4 90 80 80           | WINDOWS_1252 | above U+10FFFF
            F5 80 80 80           | WINDOWS_1252 | F5 lead byte never valid
            FF                    | WINDOWS_1252 | FF never valid
            EF BB                 | WINDOWS_1252 | truncated BOM
            EF BB BF E9           | WINDOWS_1252 | BOM but invalid UTF-8 later
            FF FE 41 00           | WINDOWS_1252 | UTF-16LE BOM
            """)
    void sniffsTheEncodingWhateverTheBufferSplit(String hexBytes, TextEncoding expected, String rule) {
        byte[] bytes = hex(hexBytes == null ? "" : hexBytes);
        assertThat(sniff(bytes)).as(rule + ", one buffer").isEqualTo(expected);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertThat(sniff(bytes, cut)).as(rule + ", split at " + cut).isEqualTo(expected);
        }
        int[] everyByte = new int[Math.max(0, bytes.length - 1)];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertThat(sniff(bytes, everyByte)).as(rule + ", one byte at a time").isEqualTo(expected);
    }

    @Test
    void multiByteCharacterSplitAcrossUpdatesInTheMiddleOfAFileStaysUtf8() {
        byte[] text = "Force,Platform\nKent,Café\n".getBytes(StandardCharsets.UTF_8);
        int split = indexOf(text, (byte) 0xC3) + 1; // between C3 and A9
        EncodingSniffer s = new EncodingSniffer();
        s.update(text, 0, split);
        s.update(text, split, text.length - split);
        assertThat(s.result()).isEqualTo(TextEncoding.UTF_8);
        assertThat(s.byteCount()).isEqualTo(text.length);
    }

    @Test
    void updateHonoursOffsetAndLength() {
        byte[] padded = hex("E9 E9 41 C3 A9 42 E9");
        EncodingSniffer s = new EncodingSniffer();
        s.update(padded, 2, 4); // 41 C3 A9 42 only
        assertThat(s.result()).isEqualTo(TextEncoding.UTF_8);
        assertThat(s.byteCount()).isEqualTo(4);
    }

    @Test
    void reportsNulBytes() {
        EncodingSniffer s = new EncodingSniffer();
        s.update(hex("FF FE 41 00 2C 00"), 0, 6);
        assertThat(s.sawNulByte()).isTrue();
        EncodingSniffer t = new EncodingSniffer();
        t.update(hex("41 2C 42"), 0, 3);
        assertThat(t.sawNulByte()).isFalse();
    }

    @Test
    void detectReadsAWholeStream() throws IOException {
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            big.write("Kent,Café,86/2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(EncodingSniffer.detect(new ByteArrayInputStream(big.toByteArray()))).isEqualTo(TextEncoding.UTF_8);
        big.write(0xE9);
        assertThat(EncodingSniffer.detect(new ByteArrayInputStream(big.toByteArray()))).isEqualTo(TextEncoding.WINDOWS_1252);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = '|', textBlock = """
            EF BB BF 41 2C C3 A9 | UTF_8_BOM    | A,é    | BOM skipped
            41 2C C3 A9          | UTF_8        | A,é    | UTF-8 decoded
            41 2C E9 80          | WINDOWS_1252 | A,é€   | windows-1252 decoded
            EF BB BF 41 E9       | WINDOWS_1252 | Aé     | a BOM is skipped even when the rest is windows-1252
            41 81                | WINDOWS_1252 | A\uFFFD | undefined windows-1252 byte becomes U+FFFD
            EF BB                | WINDOWS_1252 | ï»     | a partial BOM is text
            """)
    void openReaderDecodesAndSkipsTheBom(String hexBytes, TextEncoding enc, String expected, String rule) throws IOException {
        String want = expected.replace("\\uFFFD", "\uFFFD");
        try (Reader r = TextEncoding.openReader(new ByteArrayInputStream(hex(hexBytes)), enc)) {
            assertThat(readAll(r)).as(rule).isEqualTo(want);
        }
    }

    @Test
    void openReaderOnEmptyInput() throws IOException {
        try (Reader r = TextEncoding.openReader(new ByteArrayInputStream(new byte[0]), TextEncoding.UTF_8_BOM)) {
            assertThat(r.read()).isEqualTo(-1);
        }
    }

    @Test
    void openReaderRefusesInvalidUtf8() {
        assertThatThrownBy(() -> {
            try (Reader r = TextEncoding.openReader(new ByteArrayInputStream(hex("41 E9 42")), TextEncoding.UTF_8)) {
                readAll(r);
            }
        }).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void labelsAndCharsets() {
        assertThat(TextEncoding.UTF_8.label()).isEqualTo("UTF-8");
        assertThat(TextEncoding.UTF_8_BOM.label()).isEqualTo("UTF-8 BOM");
        assertThat(TextEncoding.WINDOWS_1252.label()).isEqualTo("windows-1252");
        assertThat(TextEncoding.UTF_8_BOM.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextEncoding.WINDOWS_1252.charset().name()).isEqualTo("windows-1252");
    }

    /**
     * Defect 2 of issue 12: a UTF-8 BOM then Windows-1252 bytes. The file is sniffed windows-1252 (plain or gzipped),
     * and read back from its fingerprint the BOM is gone, not decoded into {@code ï»¿}.
     */
    @ParameterizedTest(name = "[{index}] gzip {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aBomFollowedByWindows1252IsDroppedThenTheRestIsWindows1252(boolean gzip) throws IOException {
        byte[] text = concat(List.of(hex("EF BB BF"),
                "Force,Crime Reference,Date Recorded,Offence Code,Platform\nKent,K1,01/05/2023,86/2,Caf".getBytes(
                        StandardCharsets.US_ASCII), hex("E9 0A")));
        byte[] stored = text;
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
                z.write(text);
            }
            stored = out.toByteArray();
        }
        Fingerprint fp = Fingerprint.of(new ByteArrayInputStream(stored), gzip);
        assertThat(fp.readable()).isTrue();
        assertThat(fp.encoding()).isEqualTo(TextEncoding.WINDOWS_1252);
        assertThat(fp.bytes()).isEqualTo(text.length);
        try (Reader r = TextEncoding.openReader(new ByteArrayInputStream(text), fp.encoding())) {
            assertThat(readAll(r)).isEqualTo(
                    "Force,Crime Reference,Date Recorded,Offence Code,Platform\nKent,K1,01/05/2023,86/2,Café\n");
        }
    }

    /** Drop the BOM, then decide: a BOM in front never changes the decoded text, whatever follows it. */
    @Property(tries = 300)
    void aBomInFrontDecodesToTheSameText(@ForAll("mostlyUtf8") byte[] bytes) throws IOException {
        byte[] withBom = concat(List.of(hex("EF BB BF"), bytes));
        TextEncoding without = sniff(bytes);
        TextEncoding with = sniff(withBom);
        assertThat(with.charset()).isEqualTo(without.charset());
        try (Reader a = TextEncoding.openReader(new ByteArrayInputStream(bytes), without);
             Reader b = TextEncoding.openReader(new ByteArrayInputStream(withBom), with)) {
            String plain = readAll(a);
            // Only a second BOM right behind the first is text (U+FEFF, or ï»¿ in windows-1252).
            assertThat(readAll(b)).isEqualTo(bytes.length >= 3 && sniff(java.util.Arrays.copyOf(bytes, 3))
                    == TextEncoding.UTF_8_BOM ? (without == TextEncoding.WINDOWS_1252 ? "ï»¿" : "\uFEFF") + plain : plain);
        }
    }

    // ------------------------------------------------------------------ properties

    /** The sniffer agrees with the JDK's strict UTF-8 decoder, however the bytes are chunked. */
    @Property(tries = 500)
    void agreesWithTheJdkDecoder(@ForAll("mostlyUtf8") byte[] bytes, @ForAll @IntRange(min = 1, max = 7) int chunk) {
        assertThat(sniffInChunks(bytes, chunk).result()).isEqualTo(jdkVerdict(bytes));
    }

    /** Long ASCII runs go eight bytes at a time: the result and the NUL check must not change. */
    @Property(tries = 500)
    void agreesWithTheJdkDecoderInLongChunksOfMostlyAscii(@ForAll("mostlyAscii") byte[] bytes,
                                                         @ForAll @IntRange(min = 8, max = 64) int chunk) {
        EncodingSniffer s = sniffInChunks(bytes, chunk);
        assertThat(s.result()).isEqualTo(jdkVerdict(bytes));
        boolean nul = false;
        for (byte b : bytes) {
            nul |= b == 0;
        }
        assertThat(s.sawNulByte()).isEqualTo(nul);
    }

    private static EncodingSniffer sniffInChunks(byte[] bytes, int chunk) {
        EncodingSniffer s = new EncodingSniffer();
        for (int off = 0; off < bytes.length; off += chunk) {
            s.update(bytes, off, Math.min(chunk, bytes.length - off));
        }
        return s;
    }

    /** What the JDK's strict decoder makes of the bytes, with the BOM rule on top. */
    private static TextEncoding jdkVerdict(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        return !isValidUtf8(bytes) ? TextEncoding.WINDOWS_1252 : bom ? TextEncoding.UTF_8_BOM : TextEncoding.UTF_8;
    }

    @Provide
    Arbitrary<byte[]> mostlyAscii() {
        Arbitrary<byte[]> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40)
                .map(t -> t.getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(4).map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> oneByte = Arbitraries.bytes().map(b -> new byte[] {b});
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, ascii), net.jqwik.api.Tuple.of(2, text), net.jqwik.api.Tuple.of(1, oneByte));
        return piece.list().ofMaxSize(20).map(EncodingSnifferTest::concat);
    }

    @Provide
    Arbitrary<byte[]> mostlyUtf8() {
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(6).map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> oneByte = Arbitraries.bytes().map(b -> new byte[] {b});
        Arbitrary<byte[]> bom = Arbitraries.just(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, text), net.jqwik.api.Tuple.of(1, oneByte), net.jqwik.api.Tuple.of(1, bom));
        return piece.list().ofMaxSize(8).map(EncodingSnifferTest::concat);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }

    static String readAll(Reader r) throws IOException {
        StringWriter w = new StringWriter();
        r.transferTo(w);
        return w.toString();
    }
}
