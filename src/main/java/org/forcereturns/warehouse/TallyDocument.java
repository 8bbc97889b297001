package org.forcereturns.warehouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * they were counted: an array of objects, their keys named in the schema scripts. One document per content, as
 * Spring Batch keeps an execution context, rather than a row per tally: a row per tally made the embedded database
 * the costliest part of ingesting and publishing (docs/decisions.md).
 */
final class TallyDocument {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(@JsonProperty("force_code") String forceCode, @JsonProperty("force_name") String forceName,
                 @JsonProperty("first_month") String firstMonth, @JsonProperty("months") int months,
                 @JsonProperty("offence_code") String offenceCode,
                 @JsonProperty("platforms") List<PlatformEntry> platforms,
                 @JsonProperty("unmapped_raw") String unmappedRaw, @JsonProperty("rows") long rows,
                 @JsonProperty("offences") long offences, @JsonProperty("suppressed_cells") long suppressedCells) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlatformEntry(@JsonProperty("name") String name, @JsonProperty("owner") String owner,
                         @JsonProperty("category") String category) {
    }

    private static final ObjectWriter WRITER = LedgerJson.MAPPER.writerFor(Entry[].class);
    private static final ObjectReader READER = LedgerJson.MAPPER.readerFor(Entry[].class);

    private TallyDocument() {
    }

    static String write(List<OffenceTally> tallies) {
        Entry[] entries = new Entry[tallies.size()];
        for (int i = 0; i < entries.length; i++) {
            OffenceTally t = tallies.get(i);
            List<PlatformEntry> platforms = new ArrayList<>(t.platforms().size());
            for (Platform p : t.platforms()) {
                platforms.add(new PlatformEntry(p.name(), p.owner(), p.category()));
            }
            entries[i] = new Entry(t.force().code(), t.force().name(), t.period().firstMonth().toString(),
                    t.period().monthCount(), t.offenceCode().toString(), platforms, t.unmappedRaw(), t.rows(),
                    t.offences(), t.suppressedCells());
        }
        try {
            return WRITER.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param sha256 the content the document belongs to, named in the error if it cannot be read */
    static List<OffenceTally> read(String document, String sha256) {
        Entry[] entries;
        try {
            entries = READER.readValue(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger's tallies of content " + sha256 + " are not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        List<OffenceTally> out = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            List<Platform> platforms = new ArrayList<>(e.platforms().size());
            for (PlatformEntry p : e.platforms()) {
                platforms.add(new Platform(p.name(), p.owner(), p.category()));
            }
            out.add(new OffenceTally(new Force(e.forceCode(), e.forceName()),
                    FinancialPeriod.covering(YearMonth.parse(e.firstMonth()), e.months()),
                    OffenceCode.of(e.offenceCode()), platforms, e.unmappedRaw(), e.rows(), e.offences(),
                    e.suppressedCells()));
        }
        return out;
    }

    /** Force code to the months the tallies' rows cover, as the JSON object {@code COVERED_MONTHS} holds. */
    static String coveredMonths(List<OffenceTally> tallies) {
        SortedMap<String, SortedSet<YearMonth>> covered = new TreeMap<>();
        for (OffenceTally t : tallies) {
            covered.computeIfAbsent(t.force().code(), k -> new TreeSet<>()).addAll(t.period().months());
        }
        Map<String, List<String>> months = new TreeMap<>();
        covered.forEach((force, set) -> months.put(force, set.stream().map(YearMonth::toString).toList()));
        return LedgerJson.write(months);
    }

    static SortedMap<String, SortedSet<YearMonth>> readCoveredMonths(String document) {
        Map<String, List<String>> months = LedgerJson.read(document, new TypeReference<>() { });
        SortedMap<String, SortedSet<YearMonth>> out = new TreeMap<>();
        months.forEach((force, list) -> out.put(force, new TreeSet<>(list.stream().map(YearMonth::parse).toList())));
        return out;
    }
}
