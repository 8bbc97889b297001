package org.forcereturns.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.Layout;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;
import org.forcereturns.normalise.CountParser;
import org.forcereturns.normalise.CountValue;
import org.forcereturns.normalise.DateParser;
import org.forcereturns.normalise.ForceLookup;
import org.forcereturns.normalise.OffenceCodeParser;
import org.forcereturns.normalise.PeriodParser;

/**
 * Applies the contract's value rules (section 4) to one CSV record of one file.
 *
 * <p>Rules run in a fixed order so that a row is only rejected for a value that would have counted:
 * totals rows and out-of-scope forces or codes are skipped before any other field is judged.
 * Duplicate crime references are the caller's business (they need the file's history).
 */
public final class RowNormaliser {

    private final ReferenceData reference;
    private final IngestRules rules;
    private final String sourceFile;
    private final HeaderMapping header;
    private final LastLookup<ForceLookup> forceLookup;
    private final LastLookup<Optional<OffenceCode>> codeLookup = new LastLookup<>(OffenceCodeParser::parse);
    private final LastLookup<List<Platform>> platformLookup;
    private final FinancialPeriod[] monthPeriods = new FinancialPeriod[12 * 200];

    public RowNormaliser(ReferenceData reference, IngestRules rules, String sourceFile, HeaderMapping header) {
        this.reference = reference;
        this.rules = rules;
        this.sourceFile = sourceFile;
        this.header = header;
        this.forceLookup = new LastLookup<>(text -> reference.forces().lookup(text));
        this.platformLookup = new LastLookup<>(text -> reference.platformNormaliser().normalise(text).platforms());
    }

    public RowOutcome normalise(CsvRecord record) {
        if (record.malformedReason() != null) {
            return reject(record, RejectReason.MALFORMED_ROW, null, record.malformedReason());
        }
        String forceText = value(record, Field.FORCE);
        ForceLookup force = forceLookup.get(forceText);
        if (force instanceof ForceLookup.TotalsRow) {
            return new RowOutcome.Skipped(SkipReason.TOTALS_ROW);
        }
        if (force instanceof ForceLookup.OutOfScope) {
            return new RowOutcome.Skipped(SkipReason.OUT_OF_SCOPE_FORCE);
        }

        String codeText = value(record, Field.OFFENCE_CODE);
        if (codeText.isEmpty()) {
            return reject(record, RejectReason.MISSING_VALUE, Field.OFFENCE_CODE, codeText);
        }
        Optional<OffenceCode> code = codeLookup.get(codeText);
        if (code.isEmpty()) {
            return reject(record, RejectReason.BAD_OFFENCE_CODE, Field.OFFENCE_CODE, codeText);
        }
        if (!rules.scope().contains(code.get())) {
            return new RowOutcome.Skipped(SkipReason.OUT_OF_SCOPE_OFFENCE);
        }

        if (force instanceof ForceLookup.Missing) {
            return reject(record, RejectReason.MISSING_VALUE, Field.FORCE, forceText);
        }
        if (!(force instanceof ForceLookup.Found found)) {
            return reject(record, RejectReason.UNKNOWN_FORCE, Field.FORCE, forceText);
        }

        PeriodOrReject period = period(record);
        if (period.reject != null) {
            return period.reject;
        }

        Long offences = 1L;
        if (header.layout() == Layout.COUNT) {
            String countText = value(record, Field.COUNT);
            CountValue count = CountParser.parse(countText);
            if (count instanceof CountValue.Invalid) {
                return reject(record, RejectReason.BAD_COUNT, Field.COUNT, countText);
            }
            offences = count instanceof CountValue.Count c ? Long.valueOf(c.value()) : null;
        }

        String platformText = header.has(Field.PLATFORM) ? value(record, Field.PLATFORM) : "";
        List<Platform> platforms = platformText.isEmpty() ? List.of() : platformLookup.get(platformText);
        String crimeReference = header.has(Field.CRIME_REFERENCE) ? emptyToNull(value(record, Field.CRIME_REFERENCE)) : null;

        return new RowOutcome.Accepted(new CleanOffence(found.force(), crimeReference, period.date, period.period,
                code.get(), platforms, emptyToNull(platformText), offences, offences == null, record.lineNumber()));
    }

    private PeriodOrReject period(CsvRecord record) {
        return switch (header.periodForm()) {
            case RECORDED_DATE -> dated(record);
            case MONTH -> monthly(record);
            case FINANCIAL_YEAR -> yearly(record);
        };
    }

    private PeriodOrReject dated(CsvRecord record) {
        String text = value(record, Field.RECORDED_DATE);
        if (text.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.MISSING_VALUE, Field.RECORDED_DATE, text));
        }
        Optional<LocalDate> date = DateParser.parse(text);
        if (date.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.BAD_DATE, Field.RECORDED_DATE, text));
        }
        if (date.get().isBefore(IngestRules.EARLIEST_DATE) || date.get().isAfter(rules.runDate())) {
            return PeriodOrReject.of(reject(record, RejectReason.DATE_OUT_OF_RANGE, Field.RECORDED_DATE, text));
        }
        return new PeriodOrReject(monthOf(date.get()), date.get(), null);
    }

    /** The month's period, made once per file and month: equal rows then share one instance. */
    private FinancialPeriod monthOf(LocalDate date) {
        int slot = (date.getYear() - IngestRules.EARLIEST_DATE.getYear()) * 12 + date.getMonthValue() - 1;
        if (slot < 0 || slot >= monthPeriods.length) {
            return FinancialPeriod.ofDate(date);
        }
        FinancialPeriod period = monthPeriods[slot];
        if (period == null) {
            period = FinancialPeriod.ofDate(date);
            monthPeriods[slot] = period;
        }
        return period;
    }

    private PeriodOrReject monthly(CsvRecord record) {
        String text = value(record, Field.MONTH);
        if (text.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.MISSING_VALUE, Field.MONTH, text));
        }
        Optional<YearMonth> month = PeriodParser.parseMonth(text);
        if (month.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.BAD_PERIOD, Field.MONTH, text));
        }
        return inRange(record, FinancialPeriod.ofMonth(month.get()), Field.MONTH, text);
    }

    private PeriodOrReject yearly(CsvRecord record) {
        String yearText = value(record, Field.FINANCIAL_YEAR);
        if (yearText.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.MISSING_VALUE, Field.FINANCIAL_YEAR, yearText));
        }
        Optional<FinancialYear> year = PeriodParser.parseFinancialYear(yearText);
        if (year.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.BAD_PERIOD, Field.FINANCIAL_YEAR, yearText));
        }
        String quarterText = header.has(Field.FINANCIAL_QUARTER) ? value(record, Field.FINANCIAL_QUARTER) : "";
        if (quarterText.isEmpty()) {
            return inRange(record, FinancialPeriod.ofYear(year.get()), Field.FINANCIAL_YEAR, yearText);
        }
        OptionalInt quarter = PeriodParser.parseQuarter(quarterText);
        if (quarter.isEmpty()) {
            return PeriodOrReject.of(reject(record, RejectReason.BAD_PERIOD, Field.FINANCIAL_QUARTER, quarterText));
        }
        // A year that has not begun (or began before 2002/03) is the year's fault; a quarter of a year that has
        // begun but that has not begun itself is the quarter's.
        PeriodOrReject wholeYear = inRange(record, FinancialPeriod.ofYear(year.get()), Field.FINANCIAL_YEAR, yearText);
        if (wholeYear.reject != null) {
            return wholeYear;
        }
        return inRange(record, FinancialPeriod.ofQuarter(year.get(), quarter.getAsInt()), Field.FINANCIAL_QUARTER,
                quarterText);
    }

    /** A period counts only if it starts on or after 1 April 2002 and has begun by the run date. */
    private PeriodOrReject inRange(CsvRecord record, FinancialPeriod period, Field field, String text) {
        LocalDate start = period.firstMonth().atDay(1);
        if (start.isBefore(IngestRules.EARLIEST_DATE) || start.isAfter(rules.runDate())) {
            return PeriodOrReject.of(reject(record, RejectReason.DATE_OUT_OF_RANGE, field, text));
        }
        return new PeriodOrReject(period, null, null);
    }

    private String value(CsvRecord record, Field field) {
        int index = header.index(field);
        return index < 0 || index >= record.fields().size() ? "" : record.fields().get(index);
    }

    private RowOutcome reject(CsvRecord record, RejectReason reason, Field field, String value) {
        String column = field == null ? null : header.headerName(field);
        return new RowOutcome.Rejected(new Reject(sourceFile, record.lineNumber(), reason, column, value, record.raw()));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private record PeriodOrReject(FinancialPeriod period, LocalDate date, RowOutcome reject) {
        static PeriodOrReject of(RowOutcome reject) {
            return new PeriodOrReject(null, null, reject);
        }
    }
}
