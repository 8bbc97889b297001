package org.forcereturns.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.forcereturns.aggregate.Summaries;
import org.forcereturns.storage.TableSchema;
import org.forcereturns.warehouse.Tables;

/** Turns the folded summaries into the rows of each summary table. */
final class SummaryTables {

    static final List<TableSchema> TABLES = List.of(Tables.OFFENCES_BY_FORCE, Tables.OFFENCES_BY_PLATFORM,
            Tables.OFFENCES_BY_OWNER, Tables.OFFENCES_BY_CATEGORY, Tables.OFFENCES_BY_FORCE_PLATFORM,
            Tables.NATIONAL_SUMMARY);

    private final Summaries summaries;
    private final SmallCellSuppression suppression;

    SummaryTables(Summaries summaries, SmallCellSuppression suppression) {
        this.summaries = summaries;
        this.suppression = suppression;
    }

    List<GenericRecord> records(TableSchema table) {
        List<GenericRecord> out = new ArrayList<>();
        if (table == Tables.OFFENCES_BY_FORCE) {
            for (Summaries.ForceRow f : summaries.offencesByForce()) {
                GenericData.Record r = table.newRecord();
                r.put("financial_year", f.year().label());
                r.put("financial_quarter", f.quarter());
                r.put("force_code", f.forceCode());
                r.put("force_name", f.forceName());
                r.put("offence_code", f.offenceCode());
                Long offences = suppression.apply(f.offences());
                Long recorded = suppression.apply(f.platformRecordedOffences());
                r.put("offences", offences);
                r.put("platform_recorded_offences", recorded);
                r.put("suppressed_cells", f.suppressedCells());
                r.put("suppressed", offences == null || recorded == null);
                out.add(r);
            }
        } else if (table == Tables.OFFENCES_BY_PLATFORM) {
            for (Summaries.PlatformRow p : summaries.offencesByPlatform()) {
                GenericData.Record r = table.newRecord();
                r.put("financial_year", p.year().label());
                r.put("platform", p.platform());
                r.put("platform_owner", p.owner());
                r.put("platform_category", p.category());
                r.put("offences", p.offences());
                r.put("share_of_platform_recorded", p.share());
                out.add(r);
            }
        } else if (table == Tables.OFFENCES_BY_OWNER || table == Tables.OFFENCES_BY_CATEGORY) {
            boolean owner = table == Tables.OFFENCES_BY_OWNER;
            for (Summaries.GroupRow g : owner ? summaries.offencesByOwner() : summaries.offencesByCategory()) {
                GenericData.Record r = table.newRecord();
                r.put("financial_year", g.year().label());
                r.put(owner ? "platform_owner" : "platform_category", g.group());
                r.put("offences", g.offences());
                r.put("share_of_platform_recorded", g.share());
                out.add(r);
            }
        } else if (table == Tables.OFFENCES_BY_FORCE_PLATFORM) {
            for (Summaries.ForcePlatformRow f : summaries.offencesByForcePlatform()) {
                GenericData.Record r = table.newRecord();
                r.put("financial_year", f.year().label());
                r.put("force_code", f.forceCode());
                r.put("force_name", f.forceName());
                r.put("platform", f.platform());
                Long offences = suppression.apply(f.offences());
                r.put("offences", offences);
                r.put("suppressed", offences == null);
                out.add(r);
            }
        } else if (table == Tables.NATIONAL_SUMMARY) {
            for (Summaries.NationalRow n : summaries.nationalSummary()) {
                GenericData.Record r = table.newRecord();
                r.put("financial_year", n.year().label());
                r.put("offences", n.offences());
                r.put("days_in_year", n.daysInYear());
                r.put("offences_per_day", n.offencesPerDay());
                r.put("platform_recorded_offences", n.platformRecordedOffences());
                r.put("platform_recorded_share", n.platformRecordedShare());
                r.put("forces_reporting", n.forcesReporting());
                r.put("forces_reporting_platform", n.forcesReportingPlatform());
                r.put("suppressed_cells", n.suppressedCells());
                r.put("year_complete", n.yearComplete());
                r.put("days_covered", n.daysCovered());
                out.add(r);
            }
        } else {
            throw new IllegalArgumentException("not a summary table: " + table.name());
        }
        return out;
    }
}
