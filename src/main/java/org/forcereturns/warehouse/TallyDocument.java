package org.forcereturns.warehouse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forcereturns.aggregate.OffenceTally;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;

/**
 * A content's tallies as the one JSON document its {@code FR_CONTENT} row holds ({@code TALLIES}), in the order
 * they were counted: an array of objects, their keys named in the schema scripts, a null value left out. One
 * document per content, as Spring Batch keeps an execution context, rather than a row per tally: a row per tally
 * made the embedded database the costliest part of ingesting and publishing (docs/decisions.md).
 */
final class TallyDocument {

    private static final String FORCE_CODE = "force_code";
    private static final String FORCE_NAME = "force_name";
    private static final String FIRST_MONTH = "first_month";
    private static final String MONTHS = "months";
    private static final String OFFENCE_CODE = "offence_code";
    private static final String PLATFORMS = "platforms";
    private static final String UNMAPPED_RAW = "unmapped_raw";
    private static final String ROWS = "rows";
    private static final String OFFENCES = "offences";
    private static final String SUPPRESSED_CELLS = "suppressed_cells";
    private static final String NAME = "name";
    private static final String OWNER = "owner";
    private static final String CATEGORY = "category";

    private TallyDocument() {
    }

    static String write(List<OffenceTally> tallies) {
        return LedgerJson.write(out -> {
            out.writeStartArray();
            for (OffenceTally t : tallies) {
                out.writeStartObject();
                out.writeStringField(FORCE_CODE, t.force().code());
                optional(out, FORCE_NAME, t.force().name());
                out.writeStringField(FIRST_MONTH, t.period().firstMonth().toString());
                out.writeNumberField(MONTHS, t.period().monthCount());
                out.writeStringField(OFFENCE_CODE, t.offenceCode().toString());
                out.writeArrayFieldStart(PLATFORMS);
                for (Platform p : t.platforms()) {
                    out.writeStartObject();
                    optional(out, NAME, p.name());
                    optional(out, OWNER, p.owner());
                    optional(out, CATEGORY, p.category());
                    out.writeEndObject();
                }
                out.writeEndArray();
                optional(out, UNMAPPED_RAW, t.unmappedRaw());
                out.writeNumberField(ROWS, t.rows());
                out.writeNumberField(OFFENCES, t.offences());
                out.writeNumberField(SUPPRESSED_CELLS, t.suppressedCells());
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    /** @param sha256 the content the document belongs to, named in the error if it cannot be read */
    static List<OffenceTally> read(String document, String sha256) {
        return LedgerJson.read(document, "the ledger's tallies of content " + sha256, in -> {
            LedgerJson.expect(in, JsonToken.START_ARRAY);
            List<OffenceTally> out = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
                out.add(tally(in));
            }
            return out;
        });
    }

    private static OffenceTally tally(JsonParser in) throws IOException {
        LedgerJson.expect(in, JsonToken.START_OBJECT);
        String forceCode = null;
        String forceName = null;
        String firstMonth = null;
        int months = 0;
        String offenceCode = null;
        List<Platform> platforms = List.of();
        String unmappedRaw = null;
        long rows = 0;
        long offences = 0;
        long suppressedCells = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case FORCE_CODE -> forceCode = LedgerJson.text(in);
                case FORCE_NAME -> forceName = LedgerJson.text(in);
                case FIRST_MONTH -> firstMonth = LedgerJson.text(in);
                case MONTHS -> months = in.getIntValue();
                case OFFENCE_CODE -> offenceCode = LedgerJson.text(in);
                case PLATFORMS -> platforms = platforms(in);
                case UNMAPPED_RAW -> unmappedRaw = LedgerJson.text(in);
                case ROWS -> rows = in.getLongValue();
                case OFFENCES -> offences = in.getLongValue();
                case SUPPRESSED_CELLS -> suppressedCells = in.getLongValue();
                default -> throw new IOException("unknown key " + field);
            }
        }
        if (forceCode == null || firstMonth == null || offenceCode == null) {
            throw new IOException("a tally without " + FORCE_CODE + ", " + FIRST_MONTH + " or " + OFFENCE_CODE);
        }
        return new OffenceTally(new Force(forceCode, forceName),
                FinancialPeriod.covering(month(firstMonth), months), OffenceCode.of(offenceCode), platforms,
                unmappedRaw, rows, offences, suppressedCells);
    }

    private static List<Platform> platforms(JsonParser in) throws IOException {
        LedgerJson.expect(in, JsonToken.START_ARRAY);
        List<Platform> platforms = new ArrayList<>(2);
        while (in.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String owner = null;
            String category = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case NAME -> name = LedgerJson.text(in);
                    case OWNER -> owner = LedgerJson.text(in);
                    case CATEGORY -> category = LedgerJson.text(in);
                    default -> throw new IOException("unknown platform key " + field);
                }
            }
            platforms.add(new Platform(name, owner, category));
        }
        LedgerJson.expect(in, JsonToken.END_ARRAY);
        return platforms;
    }

    /**
     * A month as {@code YearMonth.toString} writes it ({@code 2023-07}), read without {@code YearMonth.parse}: its
     * formatter cost more than the rest of a document, read once per tally when publishing.
     */
    static YearMonth month(String text) throws IOException {
        if (text == null || text.length() != 7 || text.charAt(4) != '-' || !digits(text, 0, 4) || !digits(text, 5, 7)) {
            throw new IOException("not a month (YYYY-MM): " + text);
        }
        int month = Integer.parseInt(text, 5, 7, 10);
        if (month < 1 || month > 12) {
            throw new IOException("not a month (YYYY-MM): " + text);
        }
        return YearMonth.of(Integer.parseInt(text, 0, 4, 10), month);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void optional(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    /** Force code to the months the tallies' rows cover, as the JSON object {@code COVERED_MONTHS} holds. */
    static String coveredMonths(List<OffenceTally> tallies) {
        SortedMap<String, SortedSet<YearMonth>> covered = new TreeMap<>();
        for (OffenceTally t : tallies) {
            covered.computeIfAbsent(t.force().code(), k -> new TreeSet<>()).addAll(t.period().months());
        }
        return LedgerJson.write(out -> {
            out.writeStartObject();
            for (var force : covered.entrySet()) {
                out.writeFieldName(force.getKey());
                LedgerJson.strings(out, force.getValue().stream().map(YearMonth::toString).toList());
            }
            out.writeEndObject();
        });
    }

    static SortedMap<String, SortedSet<YearMonth>> readCoveredMonths(String document) {
        return LedgerJson.read(document, "the ledger's covered months", in -> {
            LedgerJson.expect(in, JsonToken.START_OBJECT);
            SortedMap<String, SortedSet<YearMonth>> out = new TreeMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String force = in.currentName();
                in.nextToken();
                SortedSet<YearMonth> months = new TreeSet<>();
                for (String month : LedgerJson.strings(in)) {
                    months.add(month(month));
                }
                out.put(force, months);
            }
            return out;
        });
    }
}
