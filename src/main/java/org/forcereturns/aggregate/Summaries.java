package org.forcereturns.aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;

/**
 * Folds published offence rows (or their tallies) into the summary tables of contract section 7. Memory grows with the number
 * of groups (years x forces x platforms), never with rows.
 *
 * <p>A row naming several platforms counts once for each platform, once for each distinct owner and
 * category, and once in the platform-recorded divisor, so shares may add up to more than 1.
 *
 * <p>A year not over on the run date is incomplete: its rate divides by the days up to the end of the latest
 * month that any accepted row of the year covers, kept or superseded (contract section 7).
 */
public final class Summaries {

    private final LocalDate runDate;

    // Hashed while rows stream in (one look-up per row), sorted once when the table is read out.
    private final Map<ForceKey, ForceCounts> byForce = new HashMap<>();
    private final Map<YearKey, Long> byPlatform = new TreeMap<>();
    private final Map<YearKey, Long> byOwner = new TreeMap<>();
    private final Map<YearKey, Long> byCategory = new TreeMap<>();
    private final Map<ForcePlatformKey, Long> byForcePlatform = new TreeMap<>();
    private final Map<FinancialYear, NationalCounts> national = new TreeMap<>();
    private final Map<String, Platform> platforms = new TreeMap<>();
    private final Map<String, String> forceNames = new HashMap<>();
    private final Map<OffenceCode, String> offenceCodes = new HashMap<>();
    private final Map<FinancialYear, YearMonth> coveredUntil = new HashMap<>();

    /** @param runDate the run's date: a financial year is complete when it ended before this day */
    public Summaries(LocalDate runDate) {
        this.runDate = runDate;
    }

    public void add(CleanOffence row) {
        add(OffenceTally.of(row));
    }

    public void add(OffenceTally tally) {
        FinancialYear year = tally.period().year();
        long offences = tally.offences();
        long recorded = tally.platformRecorded() ? offences : 0;
        String force = tally.force().code();
        forceNames.put(force, tally.force().name());
        cover(tally.period());

        String code = offenceCodes.computeIfAbsent(tally.offenceCode(), OffenceCode::toString);
        ForceCounts fc = byForce.computeIfAbsent(new ForceKey(year, tally.period().quarter(), force, code),
                k -> new ForceCounts());
        fc.offences += offences;
        fc.platformRecorded += recorded;
        fc.suppressedCells += tally.suppressedCells();

        NationalCounts nc = national.computeIfAbsent(year, k -> new NationalCounts());
        nc.offences += offences;
        nc.platformRecorded += recorded;
        nc.suppressedCells += tally.suppressedCells();
        nc.forces.add(force);
        if (!tally.platformRecorded()) {
            return;
        }
        // A force reports platform when it names one, whether the cell counts 0, 5 or is suppressed.
        nc.forcesWithPlatform.add(force);
        Set<String> owners = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        Set<String> names = new HashSet<>();
        for (Platform p : tally.platforms()) {
            if (!names.add(p.name())) {
                continue;
            }
            platforms.putIfAbsent(p.name(), p);
            byPlatform.merge(new YearKey(year, p.name()), offences, Long::sum);
            byForcePlatform.merge(new ForcePlatformKey(year, force, p.name()), offences, Long::sum);
            owners.add(p.owner());
            categories.add(p.category());
        }
        owners.forEach(o -> byOwner.merge(new YearKey(year, o), offences, Long::sum));
        categories.forEach(c -> byCategory.merge(new YearKey(year, c), offences, Long::sum));
    }

    /**
     * Notes the months of accepted rows that a later delivery replaced: they count nowhere, but they were
     * reported, so they still say how far into an incomplete year the returns reach.
     */
    public void addSuperseded(OffenceTally tally) {
        cover(tally.period());
    }

    private void cover(FinancialPeriod period) {
        coveredUntil.merge(period.year(), lastMonthCovered(period), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The last month a row covers. A whole-year count in a year not over on the run date can only count the
     * months begun by then, so it covers up to the run date's month (docs/decisions.md); a quarter always
     * covers its three months.
     */
    private YearMonth lastMonthCovered(FinancialPeriod period) {
        YearMonth last = period.lastMonth();
        if (period.quarter() == null && !isComplete(period.year())) {
            YearMonth runMonth = YearMonth.from(runDate);
            last = runMonth.isBefore(period.firstMonth()) ? period.firstMonth()
                    : runMonth.isBefore(last) ? runMonth : last;
        }
        return last;
    }

    /** A year is complete once its 31 March is past on the run date. */
    public boolean isComplete(FinancialYear year) {
        return runDate.isAfter(year.lastDay());
    }

    /** Days {@code offences_per_day} divides by: the whole year once complete, else up to the latest month covered. */
    private int daysCovered(FinancialYear year) {
        if (isComplete(year)) {
            return year.days();
        }
        LocalDate end = coveredUntil.get(year).atEndOfMonth();
        return (int) (end.toEpochDay() - year.firstDay().toEpochDay() + 1);
    }

    public List<ForceRow> offencesByForce() {
        List<ForceRow> out = new ArrayList<>();
        new TreeMap<>(byForce).forEach((k, v) -> out.add(new ForceRow(k.year, k.quarter, k.force, forceNames.get(k.force), k.offenceCode,
                v.offences, v.platformRecorded, v.suppressedCells)));
        return out;
    }

    public List<PlatformRow> offencesByPlatform() {
        List<PlatformRow> out = new ArrayList<>();
        byPlatform.forEach((k, v) -> {
            Platform p = platforms.get(k.key);
            out.add(new PlatformRow(k.year, p.name(), p.owner(), p.category(), v, share(k.year, v)));
        });
        return out;
    }

    public List<GroupRow> offencesByOwner() {
        return groups(byOwner);
    }

    public List<GroupRow> offencesByCategory() {
        return groups(byCategory);
    }

    public List<ForcePlatformRow> offencesByForcePlatform() {
        List<ForcePlatformRow> out = new ArrayList<>();
        byForcePlatform.forEach((k, v) -> out.add(new ForcePlatformRow(k.year, k.force, forceNames.get(k.force),
                k.platform, v)));
        return out;
    }

    public List<NationalRow> nationalSummary() {
        List<NationalRow> out = new ArrayList<>();
        national.forEach((year, n) -> {
            int days = daysCovered(year);
            out.add(new NationalRow(year, n.offences, year.days(), (double) n.offences / days, n.platformRecorded,
                    n.offences == 0 ? null : (double) n.platformRecorded / n.offences, n.forces.size(),
                    n.forcesWithPlatform.size(), n.suppressedCells, isComplete(year), days));
        });
        return out;
    }

    private List<GroupRow> groups(Map<YearKey, Long> counts) {
        List<GroupRow> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new GroupRow(k.year, k.key, v, share(k.year, v))));
        return out;
    }

    private double share(FinancialYear year, long offences) {
        long divisor = national.get(year).platformRecorded;
        return divisor == 0 ? 0.0 : (double) offences / divisor;
    }

    public record ForceRow(FinancialYear year, Integer quarter, String forceCode, String forceName, String offenceCode,
                           long offences, long platformRecordedOffences, long suppressedCells) {
    }

    public record PlatformRow(FinancialYear year, String platform, String owner, String category, long offences,
                              double share) {
    }

    /** A row of the owner or category table; {@code group} is null for platforms with no owner or category. */
    public record GroupRow(FinancialYear year, String group, long offences, double share) {
    }

    public record ForcePlatformRow(FinancialYear year, String forceCode, String forceName, String platform,
                                   long offences) {
    }

    /**
     * @param daysCovered  what {@code offencesPerDay} divides by: {@code daysInYear} for a complete year, else the
     *                     days from 1 April to the end of the latest month covered
     */
    public record NationalRow(FinancialYear year, long offences, int daysInYear, double offencesPerDay,
                              long platformRecordedOffences, Double platformRecordedShare, int forcesReporting,
                              int forcesReportingPlatform, long suppressedCells, boolean yearComplete,
                              int daysCovered) {
    }

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<Integer> INT_NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private record YearKey(FinancialYear year, String key) implements Comparable<YearKey> {
        @Override
        public int compareTo(YearKey o) {
            int c = year.compareTo(o.year);
            return c != 0 ? c : NULLS_LAST.compare(key, o.key);
        }
    }

    private record ForceKey(FinancialYear year, Integer quarter, String force, String offenceCode)
            implements Comparable<ForceKey> {
        @Override
        public int compareTo(ForceKey o) {
            int c = year.compareTo(o.year);
            c = c != 0 ? c : INT_NULLS_LAST.compare(quarter, o.quarter);
            c = c != 0 ? c : force.compareTo(o.force);
            return c != 0 ? c : offenceCode.compareTo(o.offenceCode);
        }
    }

    private record ForcePlatformKey(FinancialYear year, String force, String platform)
            implements Comparable<ForcePlatformKey> {
        @Override
        public int compareTo(ForcePlatformKey o) {
            int c = year.compareTo(o.year);
            c = c != 0 ? c : force.compareTo(o.force);
            return c != 0 ? c : platform.compareTo(o.platform);
        }
    }

    private static final class ForceCounts {
        long offences;
        long platformRecorded;
        long suppressedCells;
    }

    private static final class NationalCounts {
        long offences;
        long platformRecorded;
        long suppressedCells;
        final Set<String> forces = new HashSet<>();
        final Set<String> forcesWithPlatform = new HashSet<>();
    }
}
