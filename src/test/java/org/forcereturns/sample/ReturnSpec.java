package org.forcereturns.sample;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.QuoteMode;
import org.forcereturns.domain.FinancialYear;

/**
 * The shape of one force return: its name, layout, columns, dialect, how values are spelled, which offences it
 * carries and which deliberately bad or skippable rows it adds. A small mutable builder; see {@link InboxPlan}.
 */
final class ReturnSpec {

    enum Layout { RECORD, COUNT }

    enum Field { FORCE, CRIME_REF, DATE, MONTH, FY, QUARTER, CODE, DESCRIPTION, PLATFORM, COUNT, STATION, OUTCOME, BCU, NOTES }

    enum Encoding {
        UTF8("UTF-8"), UTF8_BOM("UTF-8 BOM"), CP1252("windows-1252");

        final String label;

        Encoding(String label) {
            this.label = label;
        }
    }

    /** Rows a correct pipeline rejects or skips; each has exactly one thing wrong (or skippable) with it. */
    enum Noise {
        UNKNOWN_FORCE, BAD_DATE, DATE_OUT_OF_RANGE, BAD_PERIOD, BAD_OFFENCE_CODE, BAD_COUNT,
        MISSING_FORCE, MISSING_CODE, MISSING_PERIOD, MALFORMED_LONG, MALFORMED_SHORT, DUPLICATE_IN_FILE,
        OUT_OF_SCOPE_CODE, TRANSPORT_POLICE
    }

    record Column(String header, Field field) {
    }

    /** Truth offences of one year, optionally only some months (null: all). */
    record Selection(FinancialYear year, List<YearMonth> months) {
    }

    /** Offences that are not part of the truth, spread over the given months. */
    record Bogus(int count, List<YearMonth> months) {
    }

    final String path;
    final String slug;
    final List<Column> columns = new ArrayList<>();
    final List<Selection> truth = new ArrayList<>();
    final List<Bogus> bogus = new ArrayList<>();
    final List<Noise> noise = new ArrayList<>();

    char delimiter = ',';
    Encoding encoding = Encoding.UTF8;
    String eol = "\r\n";
    QuoteMode quoteMode = QuoteMode.MINIMAL;
    List<String> forceForms;
    List<Spellings.CodeStyle> codeStyles = List.of(Spellings.CodeStyle.CANONICAL);
    List<String> datePatterns = List.of("dd/MM/yyyy");
    boolean monthNames;
    Spellings.FyStyle fyStyle = Spellings.FyStyle.SLASH_SHORT;
    boolean numericQuarter;
    boolean messyPlatforms;
    List<String> notRecorded = List.of("");
    String totalsLabel;
    boolean totalsFirst;
    int blankLines;
    boolean allEmptyLine;
    int fancyDescriptionsPercent;
    boolean thousands;
    boolean zeroCells;
    boolean suppressZeroCells;
    List<String> bcus = List.of();
    /** Not a return at all (names starting with '.' or '_'): written but never in the manifests. */
    boolean ignored;
    /** 0-byte file. */
    boolean empty;
    /** Byte-identical (after gunzip) re-delivery of the return at this path. */
    String duplicateOf;

    private ReturnSpec(String path, String slug) {
        this.path = path;
        this.slug = slug;
    }

    static ReturnSpec of(String path, String slug) {
        return new ReturnSpec(path, slug);
    }

    /** Alternating field, header: {@code columns(FORCE, "Force Name", CODE, "HO Offence Code")}. */
    ReturnSpec columns(Object... fieldHeaderPairs) {
        for (int i = 0; i < fieldHeaderPairs.length; i += 2) {
            columns.add(new Column((String) fieldHeaderPairs[i + 1], (Field) fieldHeaderPairs[i]));
        }
        return this;
    }

    ReturnSpec truth(FinancialYear year) {
        truth.add(new Selection(year, null));
        return this;
    }

    ReturnSpec truth(FinancialYear year, List<YearMonth> months) {
        truth.add(new Selection(year, List.copyOf(months)));
        return this;
    }

    ReturnSpec bogus(int count, List<YearMonth> months) {
        bogus.add(new Bogus(count, List.copyOf(months)));
        return this;
    }

    ReturnSpec noise(Noise... rows) {
        noise.addAll(List.of(rows));
        return this;
    }

    ReturnSpec dialect(char delimiter, Encoding encoding, String eol) {
        this.delimiter = delimiter;
        this.encoding = encoding;
        this.eol = eol;
        return this;
    }

    ReturnSpec quoteAll() {
        this.quoteMode = QuoteMode.ALL;
        return this;
    }

    ReturnSpec forces(String... forms) {
        this.forceForms = List.of(forms);
        return this;
    }

    ReturnSpec codes(Spellings.CodeStyle... styles) {
        this.codeStyles = List.of(styles);
        return this;
    }

    ReturnSpec dates(String... patterns) {
        this.datePatterns = List.of(patterns);
        return this;
    }

    ReturnSpec monthNames() {
        this.monthNames = true;
        return this;
    }

    ReturnSpec fy(Spellings.FyStyle style) {
        this.fyStyle = style;
        return this;
    }

    ReturnSpec numericQuarter() {
        this.numericQuarter = true;
        return this;
    }

    ReturnSpec messyPlatforms() {
        this.messyPlatforms = true;
        return this;
    }

    ReturnSpec notRecorded(String... markers) {
        this.notRecorded = List.of(markers);
        return this;
    }

    ReturnSpec totals(String label) {
        this.totalsLabel = label;
        return this;
    }

    ReturnSpec totalsFirst(String label) {
        this.totalsLabel = label;
        this.totalsFirst = true;
        return this;
    }

    ReturnSpec blankLines(int n) {
        this.blankLines = n;
        return this;
    }

    ReturnSpec allEmptyLine() {
        this.allEmptyLine = true;
        return this;
    }

    ReturnSpec fancyDescriptions(int percent) {
        this.fancyDescriptionsPercent = percent;
        return this;
    }

    ReturnSpec thousands() {
        this.thousands = true;
        return this;
    }

    ReturnSpec zeroCells() {
        this.zeroCells = true;
        return this;
    }

    ReturnSpec suppressZeroCells() {
        this.suppressZeroCells = true;
        return this;
    }

    ReturnSpec splitByBcu(String... names) {
        this.bcus = List.of(names);
        return this;
    }

    ReturnSpec ignored() {
        this.ignored = true;
        return this;
    }

    static ReturnSpec emptyFile(String path, String slug) {
        ReturnSpec spec = new ReturnSpec(path, slug);
        spec.empty = true;
        return spec;
    }

    static ReturnSpec duplicate(String path, String slug, String originalPath) {
        ReturnSpec spec = new ReturnSpec(path, slug);
        spec.duplicateOf = originalPath;
        return spec;
    }

    boolean has(Field field) {
        return columns.stream().anyMatch(c -> c.field() == field);
    }

    Layout layout() {
        return has(Field.COUNT) ? Layout.COUNT : Layout.RECORD;
    }

    boolean gzip() {
        return path.endsWith(".gz");
    }

    /** The header lacks a required field: force, offence code, or any period form. */
    boolean missingColumns() {
        return !has(Field.FORCE) || !has(Field.CODE) || !(has(Field.DATE) || has(Field.MONTH) || has(Field.FY));
    }
}
