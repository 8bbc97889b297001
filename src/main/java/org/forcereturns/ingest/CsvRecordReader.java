package org.forcereturns.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A strict, recovering RFC 4180 reader that keeps each record's physical line number and raw text.
 *
 * <ul>
 *   <li>The header is the first of the first {@value #MAX_HEADER_CANDIDATES} non-blank lines (a line of only
 *       spaces, tabs, quotes and candidate delimiters is blank) that the caller's header test accepts (by default
 *       the first); the non-blank lines above it are preamble (a title, a note, an Excel {@code sep=;} line),
 *       skipped and counted. The delimiter is detected from each candidate line in turn by
 *       {@link DelimiterDetector}, so a preamble line's delimiters never decide the header's.</li>
 *   <li>Quoted fields may contain delimiters, doubled quotes and line breaks. Line ends are CRLF, LF or
 *       a lone CR, inside quoted fields too (a quoted CRLF is one line break). A quote inside an unquoted
 *       field is literal. Whitespace (other than the delimiter and line ends) before an opening quote or
 *       after a closing quote is allowed; any other text after a closing quote makes the record
 *       malformed ("text after closing quote"), the text being kept in the field.</li>
 *   <li>Values are trimmed of leading and trailing whitespace (spaces, tabs, line breaks, no-break spaces),
 *       quoted values included: a quoted {@code "Snapchat\n"} is {@code Snapchat}.</li>
 *   <li>Blank lines and records whose fields are all empty ({@code ,,,,}) are skipped; line numbers
 *       stay physical.</li>
 *   <li>A record whose field count differs from the header's is returned with a reason
 *       ("expected 9 fields, found 8").</li>
 *   <li>A quoted field still open at end of input, or once its record spans more than
 *       {@code maxRecordLines} physical lines or {@code maxRecordChars} characters, yields ONE
 *       malformed record for the starting line ("unterminated quoted field", raw = that physical line,
 *       fields = that line read leniently) and reading resumes at the next physical line. An unquoted
 *       record longer than {@code maxRecordChars} yields a malformed record and the rest of that
 *       physical line is skipped.</li>
 * </ul>
 *
 * Not thread-safe. {@link #close()} closes the underlying reader.
 */
public final class CsvRecordReader implements Closeable {

    public static final int DEFAULT_MAX_RECORD_LINES = 200;
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;
    /** Non-blank lines that may be looked at for the header (contract section 2). */
    public static final int MAX_HEADER_CANDIDATES = 10;
    private static final int BUFFER_SIZE = 1 << 16;

    private static final int START_FIELD = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int AFTER_CLOSING_QUOTE = 4;

    private final Reader in;
    private final int maxRecordLines;
    private final int maxRecordChars;
    private char[] buf = new char[BUFFER_SIZE];
    private int pos;
    private int limit;
    private boolean eof;

    /** Physical line number of the next character to read. */
    private long line = 1;
    /** Whether input ended with a line not closed by a terminator (it still counts as a line). */
    private boolean endedMidLine;

    private final StringBuilder raw = new StringBuilder(256);
    private final StringBuilder field = new StringBuilder(64);
    private final ArrayList<String> fields = new ArrayList<>();
    private int spanStart;
    /** The current unquoted field still lies in {@code buf} from {@code fieldStart}: made into a String once. */
    private boolean direct;
    private int fieldStart;
    /** The record's raw text when it lay in {@code buf} in one piece, else null (then it is in {@code raw}). */
    private String rawText;
    /** The line end that closed the last well-formed record ("" at end of input). */
    private String terminator = "";

    /** Columns whose values are made into strings; null for all (see {@link #readOnly}). */
    private BitSet materialised;

    private char delimiter = ',';
    private int expectedFields = -1;
    /** The non-blank lines looked at for the header, in order (for saying why none was taken). */
    private final List<CsvRecord> candidates = new ArrayList<>();
    private long preambleLines;
    private final CsvRecord header;

    /** A reader whose header is the first non-blank line. */
    public CsvRecordReader(Reader in) throws IOException {
        this(in, names -> true);
    }

    /**
     * A reader whose header is the first of the first {@value #MAX_HEADER_CANDIDATES} non-blank lines whose values
     * {@code isHeader} accepts.
     */
    public CsvRecordReader(Reader in, Predicate<List<String>> isHeader) throws IOException {
        this(in, isHeader, DEFAULT_MAX_RECORD_LINES, DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * @param maxRecordLines how many physical lines one record may span before an open quote is taken
     *                       as unterminated (at least 1)
     * @param maxRecordChars how many characters one record may hold (at least 1)
     */
    public CsvRecordReader(Reader in, int maxRecordLines, int maxRecordChars) throws IOException {
        this(in, names -> true, maxRecordLines, maxRecordChars);
    }

    private CsvRecordReader(Reader in, Predicate<List<String>> isHeader, int maxRecordLines, int maxRecordChars)
            throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        Objects.requireNonNull(isHeader, "isHeader");
        if (maxRecordLines < 1 || maxRecordChars < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxRecordLines = maxRecordLines;
        this.maxRecordChars = maxRecordChars;
        this.header = readHeader(isHeader);
    }

    /**
     * A non-empty value of a column the caller does not read (see {@link #readOnly}): a shared placeholder, so that
     * a long unread column (an offence description) costs no string per row. Compare by reference.
     */
    public static final String UNREAD = new String("\u0000unread");

    /**
     * From the next record on, makes strings only of the values of {@code columns}. A value of another column is ""
     * when empty and otherwise {@link #UNREAD} (or, when quoted, the value itself). Records' raw text, line numbers,
     * field counts and blank-record detection are unchanged.
     */
    public void readOnly(BitSet columns) {
        this.materialised = (BitSet) columns.clone();
    }

    /**
     * The header record, or null if the input has no non-blank line or none of the first
     * {@value #MAX_HEADER_CANDIDATES} passed the header test.
     */
    public CsvRecord header() {
        return header;
    }

    /**
     * The non-blank lines looked at for the header, read as records, in order: the preamble lines then the header,
     * or, when no header was found, the first {@value #MAX_HEADER_CANDIDATES} non-blank lines (maybe none).
     */
    public List<CsvRecord> headerCandidates() {
        return List.copyOf(candidates);
    }

    /** Non-blank physical lines above the header (0 without a header): skipped, they are not records. */
    public long preambleLines() {
        return header == null ? 0 : preambleLines;
    }

    /** The delimiter detected from the header line (comma if there is no header). */
    public char delimiter() {
        return delimiter;
    }

    /**
     * Physical lines consumed so far, blank and skipped ones included. After {@link #next()} has
     * returned null this is the file's line count (a final line without terminator counts).
     */
    public long linesRead() {
        return line - 1 + (endedMidLine ? 1 : 0);
    }

    /** The next data record, or null at end of input. Never returns blank or all-empty records. */
    public CsvRecord next() throws IOException {
        if (header == null) {
            return null;
        }
        while (true) {
            CsvRecord r = parseRecord();
            if (r == null || r.malformedReason() != null || !allEmpty(r.fields())) {
                return r;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ------------------------------------------------------------------ header

    private CsvRecord readHeader(Predicate<List<String>> isHeader) throws IOException {
        StringBuilder lineText = new StringBuilder();
        long blankLines = 0;
        while (candidates.size() < MAX_HEADER_CANDIDATES) {
            lineText.setLength(0);
            long lineNo = line;
            String terminator = readPhysicalLine(lineText);
            if (terminator == null) {
                break; // end of input
            }
            if (isBlankHeaderCandidate(lineText)) {
                blankLines++;
                continue;
            }
            // Each candidate is read with its own delimiter: a preamble line ("sep=;", a title with commas) must
            // not decide how the header is split.
            delimiter = DelimiterDetector.detect(lineText.toString());
            lineText.append(terminator);
            pushBack(lineText);
            line = lineNo;
            endedMidLine = false;
            CsvRecord candidate = parseRecord();
            candidates.add(candidate);
            if (isHeader.test(candidate.fields())) {
                expectedFields = candidate.fields().size();
                preambleLines = candidate.lineNumber() - 1 - blankLines;
                return candidate;
            }
            rereadAfterFirstLine(candidate);
        }
        delimiter = ',';
        return null;
    }

    /**
     * A rejected candidate stands for its first physical line only: a quote opened in a note ({@code "Provisional})
     * and closed in a data row must not swallow the header between them. The lines it ran over are read again.
     */
    private void rereadAfterFirstLine(CsvRecord candidate) {
        String text = candidate.raw();
        int brk = 0;
        while (brk < text.length() && text.charAt(brk) != '\n' && text.charAt(brk) != '\r') {
            brk++;
        }
        if (brk == text.length()) {
            return; // one line (an unterminated quote is already cut back to its first line)
        }
        int after = brk + 1;
        if (text.charAt(brk) == '\r' && after < text.length() && text.charAt(after) == '\n') {
            after++;
        }
        pushBack(text.substring(after) + terminator);
        line = candidate.lineNumber() + 1;
        endedMidLine = false;
    }

    private static boolean isBlankHeaderCandidate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '"' && c != ',' && c != ';' && c != '|') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one physical line (at most maxRecordChars characters of it) into {@code out}. Returns its
     * terminator ("\r\n", "\n", "\r", or "" at end of input), or null if no character was left.
     */
    private String readPhysicalLine(StringBuilder out) throws IOException {
        boolean any = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (any) {
                    endedMidLine = true;
                    return "";
                }
                return null;
            }
            any = true;
            char c = buf[pos++];
            if (c == '\n') {
                line++;
                return "\n";
            }
            if (c == '\r') {
                line++;
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                    return "\r\n";
                }
                return "\r";
            }
            out.append(c);
            if (out.length() >= maxRecordChars) {
                return "";
            }
        }
    }

    // ------------------------------------------------------------------ records

    private CsvRecord parseRecord() throws IOException {
        if (pos >= limit && !fill()) {
            return null;
        }
        final long startLine = line;
        final char delim = delimiter;
        raw.setLength(0);
        field.setLength(0);
        fields.clear();
        direct = false;
        rawText = null;
        spanStart = pos;
        int linesSpanned = 1;
        int state = START_FIELD;
        String error = null;

        while (true) {
            if (pos >= limit) {
                if (direct) {
                    field.append(buf, fieldStart, pos - fieldStart);
                    direct = false;
                }
                raw.append(buf, spanStart, pos - spanStart);
                if (raw.length() > maxRecordChars) {
                    if (state == QUOTED) {
                        return recover(startLine, CsvRecord.UNTERMINATED_QUOTE);
                    }
                    return recover(startLine, "record longer than " + maxRecordChars + " characters");
                }
                if (!fill()) {
                    spanStart = pos;
                    if (state == QUOTED) {
                        return recover(startLine, CsvRecord.UNTERMINATED_QUOTE);
                    }
                    endedMidLine = true;
                    terminator = "";
                    endField();
                    return finish(startLine, error);
                }
                spanStart = pos;
            }
            if (state == UNQUOTED || state == QUOTED) {
                // fast path: copy a run of ordinary characters in one go
                int j = pos;
                if (state == UNQUOTED) {
                    while (j < limit) {
                        char d = buf[j];
                        if (d == delim || d == '\n' || d == '\r') {
                            break;
                        }
                        j++;
                    }
                } else {
                    while (j < limit) {
                        char d = buf[j];
                        if (d == '"' || d == '\n' || d == '\r') {
                            break;
                        }
                        j++;
                    }
                }
                if (j > pos) {
                    if (!direct) {
                        field.append(buf, pos, j - pos);
                    }
                    pos = j;
                    continue;
                }
            }
            char c = buf[pos++];
            switch (state) {
                case START_FIELD -> {
                    if (c == delim) {
                        endField();
                    } else if (c == '"') {
                        field.setLength(0);
                        state = QUOTED;
                    } else if (c == '\n' || c == '\r') {
                        endField();
                        return endRecord(startLine, c, error);
                    } else if (!isTrim(c)) {
                        direct = true;
                        fieldStart = pos - 1;
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == delim) {
                        endField();
                        state = START_FIELD;
                    } else if (c == '\n' || c == '\r') {
                        endField();
                        return endRecord(startLine, c, error);
                    } else if (!direct) {
                        field.append(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        field.append(c);
                        if (c == '\n' || c == '\r') {
                            line++;
                            if (c == '\r') {
                                if (pos >= limit) {
                                    raw.append(buf, spanStart, pos - spanStart);
                                    fill();
                                    spanStart = pos;
                                }
                                if (pos < limit && buf[pos] == '\n') {
                                    field.append('\n');
                                    pos++;
                                }
                            }
                            if (++linesSpanned > maxRecordLines) {
                                raw.append(buf, spanStart, pos - spanStart);
                                spanStart = pos;
                                return recover(startLine, CsvRecord.UNTERMINATED_QUOTE);
                            }
                        }
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        field.append('"');
                        state = QUOTED;
                    } else if (c == delim) {
                        endField();
                        state = START_FIELD;
                    } else if (c == '\n' || c == '\r') {
                        endField();
                        return endRecord(startLine, c, error);
                    } else if (isTrim(c)) {
                        state = AFTER_CLOSING_QUOTE;
                    } else {
                        error = CsvRecord.TEXT_AFTER_QUOTE;
                        field.append(c);
                        state = UNQUOTED;
                    }
                }
                case AFTER_CLOSING_QUOTE -> {
                    if (c == delim) {
                        endField();
                        state = START_FIELD;
                    } else if (c == '\n' || c == '\r') {
                        endField();
                        return endRecord(startLine, c, error);
                    } else if (!isTrim(c)) {
                        error = CsvRecord.TEXT_AFTER_QUOTE;
                        field.append(' ').append(c);
                        state = UNQUOTED;
                    }
                }
                default -> throw new IllegalStateException("state " + state);
            }
        }
    }

    private void endField() {
        if (direct && materialised != null && !materialised.get(fields.size())) {
            // A column nobody reads: non-empty (it started with a non-blank character), so a placeholder will do.
            fields.add(UNREAD);
            direct = false;
        } else if (direct) {
            // the delimiter or line end just consumed is at pos - 1; leading blanks were never part of the field
            int to = pos - 1;
            while (to > fieldStart && isTrim(buf[to - 1])) {
                to--;
            }
            fields.add(new String(buf, fieldStart, to - fieldStart));
            direct = false;
        } else if (field.length() == 0) {
            fields.add("");
        } else {
            fields.add(trimmed(field));
        }
        field.setLength(0);
    }

    /** {@code c} (a CR or LF) was just consumed as the record's terminator. */
    private CsvRecord endRecord(long startLine, char c, String error) throws IOException {
        if (raw.length() == 0) {
            rawText = new String(buf, spanStart, pos - 1 - spanStart);
        } else {
            raw.append(buf, spanStart, pos - 1 - spanStart);
        }
        line++;
        terminator = c == '\r' ? "\r" : "\n";
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
            terminator = "\r\n";
        }
        return finish(startLine, error);
    }

    private CsvRecord finish(long startLine, String error) {
        String reason = error;
        if (reason == null && expectedFields >= 0 && fields.size() != expectedFields && !allEmpty(fields)) {
            reason = CsvRecord.fieldCountReason(expectedFields, fields.size());
        }
        return new CsvRecord(startLine, fields, rawText != null ? rawText : raw.toString(), reason);
    }

    /**
     * Error recovery: everything consumed for this record is in {@code raw}. Returns a malformed
     * record for the starting physical line and leaves the input positioned at the next one.
     */
    private CsvRecord recover(long startLine, String reason) throws IOException {
        int brk = -1;
        for (int i = 0, n = raw.length(); i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r') {
                brk = i;
                break;
            }
        }
        String firstLine;
        if (brk >= 0) {
            int after = brk + 1;
            if (raw.charAt(brk) == '\r' && after < raw.length() && raw.charAt(after) == '\n') {
                after++;
            }
            firstLine = raw.substring(0, brk);
            pushBack(raw.subSequence(after, raw.length()));
            line = startLine + 1;
            endedMidLine = false;
        } else {
            firstLine = raw.toString();
            skipRestOfLine();
        }
        if (firstLine.length() > maxRecordChars) {
            firstLine = firstLine.substring(0, maxRecordChars);
        }
        return new CsvRecord(startLine, splitLeniently(firstLine, delimiter), firstLine, reason);
    }

    private void skipRestOfLine() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                endedMidLine = true;
                return;
            }
            char c = buf[pos++];
            if (c == '\n' || c == '\r') {
                line++;
                if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                return;
            }
        }
    }

    /**
     * Splits one physical line the way the reader would, except that an unterminated quoted field runs
     * to the end of the line. Used for the fields of a malformed record.
     */
    static List<String> splitLeniently(String text, char delim) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int state = START_FIELD;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            switch (state) {
                case START_FIELD -> {
                    if (c == delim) {
                        out.add("");
                    } else if (c == '"') {
                        state = QUOTED;
                    } else if (!isTrim(c)) {
                        f.append(c);
                        state = UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        f.append(c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        f.append('"');
                        state = QUOTED;
                    } else if (c == delim) {
                        out.add(trimmed(f));
                        f.setLength(0);
                        state = START_FIELD;
                    } else {
                        f.append(c);
                        state = UNQUOTED;
                    }
                }
                default -> { // UNQUOTED
                    if (c == delim) {
                        out.add(trimmed(f));
                        f.setLength(0);
                        state = START_FIELD;
                    } else {
                        f.append(c);
                    }
                }
            }
        }
        out.add(trimmed(f));
        return out;
    }

    static String trimmed(CharSequence s) {
        int from = 0;
        int to = s.length();
        while (from < to && isTrim(s.charAt(from))) {
            from++;
        }
        while (to > from && isTrim(s.charAt(to - 1))) {
            to--;
        }
        return s.subSequence(from, to).toString();
    }

    /**
     * Whitespace trimmed from the ends of a value (contract section 3): spaces, tabs, line breaks (they reach a value
     * only inside quotes) and Unicode spaces such as the no-break space that spreadsheets leave. The delimiter and
     * line ends are tested before this wherever it is used, so a tab delimiter still separates fields.
     */
    static boolean isTrim(char c) {
        if (c <= ' ') {
            return Character.isWhitespace(c);
        }
        return c >= '\u0085' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static boolean allEmpty(List<String> values) {
        for (int i = 0, n = values.size(); i < n; i++) {
            if (!values.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ buffer

    /** Reads more input into the buffer; false at end of input. Only call when pos >= limit. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (buf.length > BUFFER_SIZE) {
            buf = new char[BUFFER_SIZE]; // drop an oversized push-back buffer
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Puts {@code text} back in front of the unread input. */
    private void pushBack(CharSequence text) {
        int len = text.length();
        if (len == 0) {
            return;
        }
        int remaining = limit - pos;
        char[] next = new char[Math.max(BUFFER_SIZE, len + remaining)];
        for (int i = 0; i < len; i++) {
            next[i] = text.charAt(i);
        }
        System.arraycopy(buf, pos, next, len, remaining);
        buf = next;
        pos = 0;
        limit = len + remaining;
    }
}
