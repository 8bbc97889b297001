package org.forcereturns.publish;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.ledger.DeliveryRecord;

/**
 * One {@code clean_offences} row per accepted offence or count cell, so that {@code SUM(offences)} is the
 * total. A value naming several platforms lists them in {@code platform} joined by {@value #JOIN}
 * (see docs/decisions.md); the per-platform tables count it once per platform.
 *
 * <p>One instance per publish: it runs once per published row, so the texts derived from the few distinct years,
 * months, codes and platform lists are made once and remembered (the maps hold a few hundred entries at most).
 */
final class CleanOffenceRecords {

    static final String JOIN = " / ";

    private static final Schema SCHEMA = Tables.CLEAN_OFFENCES.avro();
    private static final int FORCE_CODE = pos("force_code");
    private static final int FORCE_NAME = pos("force_name");
    private static final int CRIME_REFERENCE = pos("crime_reference");
    private static final int RECORDED_DATE = pos("recorded_date");
    private static final int FINANCIAL_YEAR = pos("financial_year");
    private static final int FINANCIAL_QUARTER = pos("financial_quarter");
    private static final int MONTH = pos("month");
    private static final int OFFENCE_CODE = pos("offence_code");
    private static final int PLATFORM = pos("platform");
    private static final int PLATFORM_RAW = pos("platform_raw");
    private static final int PLATFORM_OWNER = pos("platform_owner");
    private static final int PLATFORM_CATEGORY = pos("platform_category");
    private static final int PLATFORM_COUNT = pos("platform_count");
    private static final int OFFENCES = pos("offences");
    private static final int SUPPRESSED = pos("suppressed");
    private static final int SOURCE_FILE = pos("source_file");
    private static final int SOURCE_LINE = pos("source_line");
    private static final int SOURCE_SHA256 = pos("source_sha256");

    private final Map<FinancialYear, String> years = new HashMap<>();
    private final Map<YearMonth, String> months = new HashMap<>();
    private final Map<OffenceCode, String> codes = new HashMap<>();
    private final Map<List<Platform>, String[]> platformTexts = new HashMap<>();

    GenericData.Record of(CleanOffence row, DeliveryRecord delivery) {
        GenericData.Record r = new GenericData.Record(SCHEMA);
        FinancialPeriod period = row.period();
        r.put(FORCE_CODE, row.force().code());
        r.put(FORCE_NAME, row.force().name());
        r.put(CRIME_REFERENCE, row.crimeReference());
        r.put(RECORDED_DATE, row.recordedDate() == null ? null : (int) row.recordedDate().toEpochDay());
        r.put(FINANCIAL_YEAR, years.computeIfAbsent(period.year(), FinancialYear::label));
        r.put(FINANCIAL_QUARTER, period.quarter());
        r.put(MONTH, period.month() == null ? null : months.computeIfAbsent(period.month(), YearMonth::toString));
        r.put(OFFENCE_CODE, codes.computeIfAbsent(row.offenceCode(), OffenceCode::toString));
        if (row.platformRecorded()) {
            String[] texts = platformTexts.computeIfAbsent(row.platforms(), CleanOffenceRecords::platformTexts);
            r.put(PLATFORM, texts[0]);
            r.put(PLATFORM_OWNER, texts[1]);
            r.put(PLATFORM_CATEGORY, texts[2]);
        }
        r.put(PLATFORM_RAW, row.platformRaw());
        r.put(PLATFORM_COUNT, row.platforms().size());
        r.put(OFFENCES, row.offences());
        r.put(SUPPRESSED, row.suppressed());
        r.put(SOURCE_FILE, delivery.sourceFile());
        r.put(SOURCE_LINE, row.sourceLine());
        r.put(SOURCE_SHA256, delivery.sha256());
        return r;
    }

    private static String[] platformTexts(List<Platform> platforms) {
        return new String[] {joined(platforms, Platform::name), joined(platforms, Platform::owner),
                joined(platforms, Platform::category)};
    }

    /** Distinct non-null parts in order, joined; null when there are none. */
    private static String joined(List<Platform> platforms, Function<Platform, String> part) {
        Set<String> values = new LinkedHashSet<>();
        for (Platform p : platforms) {
            String v = part.apply(p);
            if (v != null) {
                values.add(v);
            }
        }
        return values.isEmpty() ? null : String.join(JOIN, values);
    }

    private static int pos(String column) {
        return SCHEMA.getField(column).pos();
    }
}
