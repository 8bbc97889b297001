package org.forcereturns.publish;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.generic.GenericData;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.Platform;
import org.forcereturns.ledger.DeliveryRecord;

/**
 * One {@code clean_offences} row per accepted offence or count cell, so that {@code SUM(offences)} is the
 * total. A value naming several platforms lists them in {@code platform} joined by {@value #JOIN}
 * (see docs/decisions.md); the per-platform tables count it once per platform.
 */
final class CleanOffenceRecords {

    static final String JOIN = " / ";

    private CleanOffenceRecords() {
    }

    static GenericData.Record of(CleanOffence row, DeliveryRecord delivery) {
        GenericData.Record r = Tables.CLEAN_OFFENCES.newRecord();
        FinancialPeriod period = row.period();
        r.put("force_code", row.force().code());
        r.put("force_name", row.force().name());
        r.put("crime_reference", row.crimeReference());
        r.put("recorded_date", row.recordedDate() == null ? null : (int) row.recordedDate().toEpochDay());
        r.put("financial_year", period.year().label());
        r.put("financial_quarter", period.quarter());
        r.put("month", period.month() == null ? null : period.month().toString());
        r.put("offence_code", row.offenceCode().toString());
        r.put("platform", joined(row, Platform::name));
        r.put("platform_raw", row.platformRaw());
        r.put("platform_owner", joined(row, Platform::owner));
        r.put("platform_category", joined(row, Platform::category));
        r.put("platform_count", row.platforms().size());
        r.put("offences", row.offences());
        r.put("suppressed", row.suppressed());
        r.put("source_file", delivery.sourceFile());
        r.put("source_line", row.sourceLine());
        r.put("source_sha256", delivery.sha256());
        return r;
    }

    private static String joined(CleanOffence row, Function<Platform, String> part) {
        Set<String> values = new LinkedHashSet<>();
        for (Platform p : row.platforms()) {
            String v = part.apply(p);
            if (v != null) {
                values.add(v);
            }
        }
        return values.isEmpty() ? null : String.join(JOIN, values.stream().filter(Objects::nonNull).toList());
    }
}
