package org.forcereturns.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;
import org.forcereturns.sample.ReturnSpec.Field;
import org.forcereturns.sample.ReturnSpec.Noise;

/** Turns a {@link ReturnSpec} into the bytes of one return, remembering what each data row must do in a pipeline. */
final class ReturnRenderer {

    /** A rendered return: the bytes as delivered, the bytes after gunzip, and one effect per data row. */
    record Rendered(ReturnSpec spec, byte[] file, byte[] content, List<Effect> effects) {
    }

    private static final List<String> UNKNOWN_FORCES = List.of("Police Scotland", "PSNI", "States of Jersey Police");
    private static final List<String> BAD_DATES = List.of("31/02/2024", "yesterday", "2023-13-45");
    private static final List<String> BAD_CODES = List.of("86", "abc");
    private static final List<String> BAD_COUNTS = List.of("-3", "2.5", "lots", "");
    private static final List<String> OUT_OF_SCOPE_CODES = List.of("86/11", "71/17", "88/5");
    private static final List<String> STATIONS = List.of("Central", "North", "South", "East", "West", "Harbour",
            "Town Centre", "Headquarters");
    private static final List<String> OUTCOMES = List.of("Under investigation", "Charged/summonsed",
            "Evidential difficulties – victim supports", "Caution", "Not in the public interest",
            "Awaiting digital forensics");
    private static final List<String> NOTES = List.of("", "", "", "Device seized", "Images offered for £20",
            "Seized at café premises", "Referred by NCA – CEOP", "Suspect said \"it was a joke\"",
            "Two phones; one laptop, one tablet", "Phone | laptop seized", "Cloud account\nsecond device pending");
    private static final List<String> PLATFORMS_OF_BOGUS = List.of("Snapchat", "Instagram", "Facebook", "WhatsApp",
            "TikTok");

    private final ReferenceData reference;
    private final TruthModel truth;
    /** Bad values cycle across the whole inbox (in plan order), so that every listed bad value occurs somewhere. */
    private final Map<Noise, Integer> noiseSeen = new EnumMap<>(Noise.class);

    ReturnRenderer(ReferenceData reference, TruthModel truth) {
        this.reference = reference;
        this.truth = truth;
    }

    /** One line of the file after the header. */
    private static final class Row {
        final EnumMap<Field, String> values = new EnumMap<>(Field.class);
        Effect effect;
        int fieldDelta;
        boolean blank;
        boolean allEmpty;

        Row copy() {
            Row r = new Row();
            r.values.putAll(values);
            r.effect = effect;
            return r;
        }
    }

    Rendered render(ReturnSpec spec, long seed) {
        if (spec.empty) {
            return new Rendered(spec, new byte[0], new byte[0], List.of());
        }
        validate(spec);
        Random rnd = new Random(seed ^ (spec.path.hashCode() * 0x9E3779B97F4A7C15L));
        List<Offence> offences = offences(spec, rnd);
        List<Row> rows = spec.layout() == ReturnSpec.Layout.RECORD ? recordRows(spec, offences, rnd)
                : countRows(spec, offences, rnd);
        addNoise(spec, rows, rnd);
        addTotals(spec, rows);
        addBlankLines(spec, rows, rnd);
        checkCrimeRefs(spec, rows);
        if (spec.thousands && rows.stream().noneMatch(r -> r.effect instanceof Effect.Accepted a && a.offences() >= 1000)) {
            throw new IllegalStateException(spec.path + ": asks for thousands separators but has no count of 1,000 or more");
        }
        byte[] content = write(spec, rows);
        List<Effect> effects = rows.stream().filter(r -> r.effect != null).map(r -> r.effect).toList();
        return new Rendered(spec, spec.gzip() ? gzip(content) : content, content, effects);
    }

    /** A re-delivery: the same bytes (after gunzip) as an earlier return, gzipped again if its name says so. */
    static Rendered duplicate(ReturnSpec spec, Rendered original) {
        byte[] content = original.content();
        return new Rendered(spec, spec.gzip() ? gzip(content) : content.clone(), content, List.of());
    }

    private static void validate(ReturnSpec spec) {
        int forms = (spec.has(Field.DATE) ? 1 : 0) + (spec.has(Field.MONTH) ? 1 : 0) + (spec.has(Field.FY) ? 1 : 0);
        if (forms > 1 || (spec.has(Field.QUARTER) && !spec.has(Field.FY))) {
            throw new IllegalArgumentException(spec.path + ": give the period in one form only");
        }
        if (spec.layout() == ReturnSpec.Layout.COUNT && spec.has(Field.DATE)) {
            throw new IllegalArgumentException(spec.path + ": count layout by date is not generated");
        }
    }

    private List<Offence> offences(ReturnSpec spec, Random rnd) {
        List<Offence> out = new ArrayList<>();
        for (ReturnSpec.Selection s : spec.truth) {
            for (Offence o : truth.offences(spec.slug, s.year())) {
                if (s.months() == null || s.months().contains(YearMonth.from(o.date()))) {
                    out.add(o);
                }
            }
        }
        int seq = 900_000;
        for (ReturnSpec.Bogus b : spec.bogus) {
            for (int i = 0; i < b.count(); i++) {
                YearMonth m = b.months().get(rnd.nextInt(b.months().size()));
                LocalDate date = m.atDay(1 + rnd.nextInt(m.lengthOfMonth()));
                Mention mention = rnd.nextInt(100) < 40
                        ? Mention.of(PLATFORMS_OF_BOGUS.get(rnd.nextInt(PLATFORMS_OF_BOGUS.size()))) : null;
                out.add(new Offence(spec.slug, date, TruthModel.randomCode(rnd), mention,
                        TruthModel.crimeRef(spec.slug, FinancialYear.containing(date), seq++), true));
            }
        }
        out.sort(Comparator.comparing(Offence::date));
        return out;
    }

    private FinancialPeriod periodOf(ReturnSpec spec, LocalDate date) {
        if (spec.has(Field.DATE) || spec.has(Field.MONTH)) {
            return FinancialPeriod.ofDate(date);
        }
        FinancialYear year = FinancialYear.containing(date);
        return spec.has(Field.QUARTER) ? FinancialPeriod.ofQuarter(year, FinancialPeriod.quarterOf(YearMonth.from(date)))
                : FinancialPeriod.ofYear(year);
    }

    private List<Row> recordRows(ReturnSpec spec, List<Offence> offences, Random rnd) {
        String forceCode = reference.force(spec.slug).code();
        List<Row> rows = new ArrayList<>();
        for (Offence o : offences) {
            Row r = new Row();
            FinancialPeriod period = periodOf(spec, o.date());
            putCommon(spec, r, period, o.code(), rnd);
            r.values.put(Field.CRIME_REF, o.crimeRef());
            if (spec.has(Field.DATE)) {
                r.values.put(Field.DATE, Spellings.date(o.date(), pick(spec.datePatterns, rnd), rnd));
            }
            Mention mention = spec.has(Field.PLATFORM) ? o.mention() : null;
            r.values.put(Field.PLATFORM, mention == null ? pick(spec.notRecorded, rnd)
                    : Spellings.platform(mention, spec.messyPlatforms, rnd));
            r.effect = new Effect.Accepted(forceCode, period, 1, false, mention);
            rows.add(r);
        }
        return rows;
    }

    private record CellKey(FinancialPeriod period, String code, Mention mention) {
    }

    private List<Row> countRows(ReturnSpec spec, List<Offence> offences, Random rnd) {
        String forceCode = reference.force(spec.slug).code();
        List<String> codes = reference.inScopeCodes();
        Map<CellKey, Long> cells = new LinkedHashMap<>();
        for (Offence o : offences) {
            Mention mention = spec.has(Field.PLATFORM) ? o.mention() : null;
            cells.merge(new CellKey(periodOf(spec, o.date()), o.code(), mention), 1L, Long::sum);
        }
        if (spec.zeroCells || spec.suppressZeroCells) {
            List<FinancialPeriod> periods = cells.keySet().stream().map(CellKey::period).distinct().toList();
            for (FinancialPeriod p : periods) {
                for (String code : codes) {
                    if (cells.keySet().stream().noneMatch(k -> k.period().equals(p) && k.code().equals(code))) {
                        cells.put(new CellKey(p, code, null), 0L);
                    }
                }
            }
        }
        List<CellKey> keys = new ArrayList<>(cells.keySet());
        keys.sort(Comparator.comparing((CellKey k) -> k.period().firstMonth())
                .thenComparing(k -> k.period().monthCount())
                .thenComparing(k -> codes.indexOf(k.code()))
                .thenComparing(k -> k.mention() == null ? "" : String.join("|", k.mention().platforms())
                        + (k.mention().isUnrecognised() ? k.mention().freeText() : "")));
        List<Row> rows = new ArrayList<>();
        for (CellKey key : keys) {
            long count = cells.get(key);
            for (Map.Entry<String, Long> part : split(spec, count, rnd).entrySet()) {
                Row r = new Row();
                putCommon(spec, r, key.period(), key.code(), rnd);
                r.values.put(Field.PLATFORM, key.mention() == null ? pick(spec.notRecorded, rnd)
                        : Spellings.platform(key.mention(), spec.messyPlatforms, rnd));
                if (part.getKey() != null) {
                    r.values.put(Field.BCU, part.getKey());
                }
                boolean suppressed = count == 0 && spec.suppressZeroCells;
                r.values.put(Field.COUNT, suppressed ? pick(Spellings.SUPPRESSED, rnd)
                        : Spellings.count(part.getValue(), spec.thousands));
                r.effect = new Effect.Accepted(forceCode, key.period(), suppressed ? 0 : part.getValue(), suppressed,
                        key.mention());
                rows.add(r);
            }
        }
        return rows;
    }

    /** A cell's count spread over the force's basic command units (ignored columns), or left whole. */
    private static Map<String, Long> split(ReturnSpec spec, long count, Random rnd) {
        Map<String, Long> parts = new LinkedHashMap<>();
        if (spec.bcus.isEmpty()) {
            parts.put(null, count);
            return parts;
        }
        long[] n = new long[spec.bcus.size()];
        for (long i = 0; i < count; i++) {
            n[rnd.nextInt(n.length)]++;
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i] > 0 || spec.zeroCells) {
                parts.put(spec.bcus.get(i), n[i]);
            }
        }
        if (parts.isEmpty()) {
            parts.put(pick(spec.bcus, rnd), 0L);
        }
        return parts;
    }

    /** Force, period columns other than a date, offence code and description, and the ignored extra columns. */
    private void putCommon(ReturnSpec spec, Row r, FinancialPeriod period, String code, Random rnd) {
        List<String> forceForms = spec.forceForms != null ? spec.forceForms : List.of(reference.force(spec.slug).name());
        r.values.put(Field.FORCE, pick(forceForms, rnd));
        if (spec.has(Field.MONTH)) {
            r.values.put(Field.MONTH, Spellings.month(period.month(), spec.monthNames));
        }
        if (spec.has(Field.FY)) {
            r.values.put(Field.FY, Spellings.financialYear(period.year(), spec.fyStyle));
        }
        if (spec.has(Field.QUARTER)) {
            r.values.put(Field.QUARTER, Spellings.quarterOf(period, spec.numericQuarter));
        }
        r.values.put(Field.CODE, Spellings.code(code, pick(spec.codeStyles, rnd)));
        r.values.put(Field.DESCRIPTION, description(spec, code, rnd));
        r.values.put(Field.STATION, pick(STATIONS, rnd));
        r.values.put(Field.OUTCOME, pick(OUTCOMES, rnd));
        r.values.put(Field.NOTES, pick(NOTES, rnd));
    }

    private String description(ReturnSpec spec, String code, Random rnd) {
        String text = reference.description(code);
        if (rnd.nextInt(100) >= spec.fancyDescriptionsPercent) {
            return text;
        }
        return switch (rnd.nextInt(3)) {
            case 0 -> text + "\n(second device examined)";
            case 1 -> text + " – \"category A\"";
            default -> "\"" + text + "\"";
        };
    }

    private void addNoise(ReturnSpec spec, List<Row> rows, Random rnd) {
        List<Row> accepted = rows.stream().filter(r -> r.effect instanceof Effect.Accepted a && a.offences() > 0).toList();
        if (accepted.isEmpty() && !spec.noise.isEmpty()) {
            throw new IllegalStateException(spec.path + ": noise needs at least one accepted row to copy");
        }
        int seq = 990_000;
        for (Noise kind : spec.noise) {
            int variant = noiseSeen.merge(kind, 1, Integer::sum) - 1;
            Row base = accepted.get(rnd.nextInt(accepted.size()));
            Row r = base.copy();
            if (kind == Noise.DUPLICATE_IN_FILE) {
                require(spec, Field.CRIME_REF, kind);
                r.effect = new Effect.Rejected(RejectReason.DUPLICATE_IN_FILE);
                int after = rows.indexOf(base);
                rows.add(after + 1 + rnd.nextInt(rows.size() - after), r);
                continue;
            }
            Effect.Accepted a = (Effect.Accepted) base.effect;
            r.values.put(Field.CRIME_REF, TruthModel.crimeRef(spec.slug, a.period().year(), seq++));
            r.effect = noisify(spec, kind, variant, r);
            rows.add(rnd.nextInt(rows.size() + 1), r);
        }
    }

    private Effect noisify(ReturnSpec spec, Noise kind, int variant, Row r) {
        switch (kind) {
            case UNKNOWN_FORCE -> {
                r.values.put(Field.FORCE, cycle(UNKNOWN_FORCES, variant));
                return new Effect.Rejected(RejectReason.UNKNOWN_FORCE);
            }
            case BAD_DATE -> {
                require(spec, Field.DATE, kind);
                r.values.put(Field.DATE, cycle(BAD_DATES, variant));
                return new Effect.Rejected(RejectReason.BAD_DATE);
            }
            case DATE_OUT_OF_RANGE -> {
                require(spec, Field.DATE, kind);
                String pattern = spec.datePatterns.get(0);
                LocalDate date = variant % 2 == 0 || pattern.contains("yy") && !pattern.contains("yyyy")
                        ? LocalDate.of(2031, 1, 15) : LocalDate.of(1999, 6, 30);
                r.values.put(Field.DATE, Spellings.date(date, pattern, new Random(variant)));
                return new Effect.Rejected(RejectReason.DATE_OUT_OF_RANGE);
            }
            case BAD_PERIOD -> {
                require(spec, Field.FY, kind);
                if (spec.has(Field.QUARTER) && variant % 2 == 1) {
                    r.values.put(Field.QUARTER, spec.numericQuarter ? "5" : "Q5");
                } else {
                    r.values.put(Field.FY, "2023/25");
                }
                return new Effect.Rejected(RejectReason.BAD_PERIOD);
            }
            case BAD_OFFENCE_CODE -> {
                r.values.put(Field.CODE, cycle(BAD_CODES, variant));
                return new Effect.Rejected(RejectReason.BAD_OFFENCE_CODE);
            }
            case BAD_COUNT -> {
                require(spec, Field.COUNT, kind);
                r.values.put(Field.COUNT, cycle(BAD_COUNTS, variant));
                return new Effect.Rejected(RejectReason.BAD_COUNT);
            }
            case MISSING_FORCE -> {
                r.values.put(Field.FORCE, "");
                return new Effect.Rejected(RejectReason.MISSING_VALUE);
            }
            case MISSING_CODE -> {
                r.values.put(Field.CODE, "");
                return new Effect.Rejected(RejectReason.MISSING_VALUE);
            }
            case MISSING_PERIOD -> {
                Field f = spec.has(Field.DATE) ? Field.DATE : spec.has(Field.MONTH) ? Field.MONTH : Field.FY;
                r.values.put(f, "");
                return new Effect.Rejected(RejectReason.MISSING_VALUE);
            }
            case MALFORMED_LONG, MALFORMED_SHORT -> {
                r.fieldDelta = kind == Noise.MALFORMED_LONG ? 1 : -1;
                return new Effect.Rejected(RejectReason.MALFORMED_ROW);
            }
            case OUT_OF_SCOPE_CODE -> {
                String code = cycle(OUT_OF_SCOPE_CODES, variant);
                r.values.put(Field.CODE, Spellings.code(code, spec.codeStyles.get(0)));
                r.values.put(Field.DESCRIPTION, reference.description(code));
                return new Effect.Skipped(SkipReason.OUT_OF_SCOPE_OFFENCE);
            }
            case TRANSPORT_POLICE -> {
                r.values.put(Field.FORCE, "British Transport Police");
                return new Effect.Skipped(SkipReason.OUT_OF_SCOPE_FORCE);
            }
            default -> throw new IllegalArgumentException("not row noise: " + kind);
        }
    }

    private static void addTotals(ReturnSpec spec, List<Row> rows) {
        if (spec.totalsLabel == null) {
            return;
        }
        long sum = rows.stream().filter(r -> r.effect instanceof Effect.Accepted)
                .mapToLong(r -> ((Effect.Accepted) r.effect).offences()).sum();
        Row r = new Row();
        r.values.put(Field.FORCE, spec.totalsLabel);
        if (spec.layout() == ReturnSpec.Layout.COUNT) {
            r.values.put(Field.COUNT, Spellings.count(sum, spec.thousands));
        } else {
            r.values.put(Field.DESCRIPTION, sum + " offences");
        }
        r.effect = new Effect.Skipped(SkipReason.TOTALS_ROW);
        rows.add(spec.totalsFirst ? 0 : rows.size(), r);
    }

    private static void addBlankLines(ReturnSpec spec, List<Row> rows, Random rnd) {
        for (int i = 0; i < spec.blankLines + (spec.allEmptyLine ? 1 : 0); i++) {
            Row r = new Row();
            if (i < spec.blankLines) {
                r.blank = true;
            } else {
                r.allEmpty = true;
            }
            rows.add(1 + rnd.nextInt(rows.size()), r);
        }
    }

    private static byte[] write(ReturnSpec spec, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        if (spec.encoding == ReturnSpec.Encoding.UTF8_BOM) {
            out.append('\uFEFF');
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.delimiter).setRecordSeparator(spec.eol)
                .setQuoteMode(spec.quoteMode).get();
        try {
            CSVPrinter printer = new CSVPrinter(out, format);
            printer.printRecord(spec.columns.stream().map(ReturnSpec.Column::header).toList());
            for (Row r : rows) {
                if (r.blank) {
                    out.append(spec.eol);
                } else if (r.allEmpty) {
                    out.append(String.valueOf(spec.delimiter).repeat(spec.columns.size() - 1)).append(spec.eol);
                } else {
                    List<String> values = new ArrayList<>();
                    for (ReturnSpec.Column c : spec.columns) {
                        values.add(r.values.getOrDefault(c.field(), ""));
                    }
                    if (r.fieldDelta > 0) {
                        values.add("see note");
                    } else if (r.fieldDelta < 0) {
                        values.remove(values.size() - 1);
                    }
                    printer.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encode(spec, out.toString());
    }

    private static byte[] encode(ReturnSpec spec, String text) {
        Charset charset = spec.encoding == ReturnSpec.Encoding.CP1252 ? Charset.forName("windows-1252")
                : StandardCharsets.UTF_8;
        try {
            ByteBuffer buffer = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            boolean validUtf8 = isValidUtf8(bytes);
            if (validUtf8 == (spec.encoding == ReturnSpec.Encoding.CP1252)) {
                throw new IllegalStateException(spec.path + ": bytes do not prove the encoding " + spec.encoding.label);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(spec.path + ": text not encodable as " + charset, e);
        }
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void require(ReturnSpec spec, Field field, Noise kind) {
        if (!spec.has(field)) {
            throw new IllegalArgumentException(spec.path + ": " + kind + " needs a " + field + " column");
        }
    }

    private static <T> T pick(List<T> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static <T> T cycle(List<T> list, int i) {
        return list.get(i % list.size());
    }

    /** Crime references are unique within a file, apart from the deliberate duplicates (which must follow theirs). */
    private static void checkCrimeRefs(ReturnSpec spec, List<Row> rows) {
        if (!spec.has(Field.CRIME_REF)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (r.blank || r.allEmpty || r.effect instanceof Effect.Skipped s && s.reason() == SkipReason.TOTALS_ROW) {
                continue;
            }
            boolean duplicate = r.effect instanceof Effect.Rejected j && j.reason() == RejectReason.DUPLICATE_IN_FILE;
            if (seen.add(r.values.get(Field.CRIME_REF)) == duplicate) {
                throw new IllegalStateException(spec.path + ": crime reference " + r.values.get(Field.CRIME_REF)
                        + (duplicate ? " duplicated before its first use" : " used twice"));
            }
        }
    }
}
