package org.forcereturns.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.storage.ParquetTableReader;
import org.forcereturns.storage.ParquetTableWriter;
import org.forcereturns.storage.TableSchema;

/**
 * The accepted rows of one ingested file, kept in the warehouse's state so that publishing (and nightly
 * increments) never re-read the inbox. Internal format: not a published table.
 */
public final class OffenceSegment {

    static final TableSchema SCHEMA = TableSchema.table("offence_segment")
            .string("force_code", false)
            .string("force_name", false)
            .string("crime_reference", true).unique()
            .date("recorded_date", true)
            .string("first_month", false)
            .int32("month_count", false)
            .string("offence_code", false)
            .string("platform_names", true)
            .string("platform_owners", true)
            .string("platform_categories", true)
            .string("platform_raw", true)
            .int64("offences", true)
            .int64("source_line", false).unique()
            .build();

    private static final String SEP = "|";

    private OffenceSegment() {
    }

    public static Writer writer(Path file, Configuration conf) throws IOException {
        return new Writer(new ParquetTableWriter(SCHEMA, file, conf, Map.of()));
    }

    public static Reader reader(Path file, Configuration conf) throws IOException {
        return new Reader(ParquetTableReader.open(file, conf));
    }

    public static final class Writer implements Closeable {
        private final ParquetTableWriter out;
        // Texts of the few distinct months, codes and platform lists, made once per file rather than once per row.
        private final Map<YearMonth, String> months = new HashMap<>();
        private final Map<OffenceCode, String> codes = new HashMap<>();
        private final Map<List<Platform>, String[]> platformTexts = new HashMap<>();

        private Writer(ParquetTableWriter out) {
            this.out = out;
        }

        public void write(CleanOffence o) throws IOException {
            GenericData.Record r = SCHEMA.newRecord();
            r.put(0, o.force().code());
            r.put(1, o.force().name());
            r.put(2, o.crimeReference());
            r.put(3, o.recordedDate() == null ? null : (int) o.recordedDate().toEpochDay());
            r.put(4, months.computeIfAbsent(o.period().firstMonth(), YearMonth::toString));
            r.put(5, o.period().monthCount());
            r.put(6, codes.computeIfAbsent(o.offenceCode(), OffenceCode::toString));
            if (o.platformRecorded()) {
                String[] texts = platformTexts.computeIfAbsent(o.platforms(), p -> new String[] {
                        join(p, Platform::name), join(p, Platform::owner), join(p, Platform::category)});
                r.put(7, texts[0]);
                r.put(8, texts[1]);
                r.put(9, texts[2]);
            }
            r.put(10, o.platformRaw());
            r.put(11, o.offences());
            r.put(12, o.sourceLine());
            out.write(r);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    public static final class Reader implements Closeable {
        private final ParquetReader<GenericRecord> in;
        private final Map<PeriodKey, FinancialPeriod> periods = new HashMap<>();
        private final Map<Pair, Force> forces = new HashMap<>();
        private final Map<Object, OffenceCode> codes = new HashMap<>();
        private final Map<Triple, List<Platform>> platformLists = new HashMap<>();

        private Reader(ParquetReader<GenericRecord> in) {
            this.in = in;
        }

        /** The next row, or null at the end. */
        public CleanOffence next() throws IOException {
            GenericRecord r = in.read();
            if (r == null) {
                return null;
            }
            // Strings come back as Avro Utf8 values (equal by content); the few distinct forces, periods, codes
            // and platform lists of a segment are decoded once and shared by every row that names them.
            Object first = r.get(4);
            int months = (Integer) r.get(5);
            FinancialPeriod period = periods.computeIfAbsent(new PeriodKey(first, months), k -> period(str(first), months));
            Force force = forces.computeIfAbsent(new Pair(r.get(0), r.get(1)), k -> new Force(str(k.a()), str(k.b())));
            OffenceCode code = codes.computeIfAbsent(r.get(6), c -> OffenceCode.of(str(c)));
            Object names = r.get(7);
            List<Platform> platforms = names == null ? List.of()
                    : platformLists.computeIfAbsent(new Triple(names, r.get(8), r.get(9)),
                            k -> List.copyOf(platforms(str(k.a()), str(k.b()), str(k.c()))));
            Object date = r.get(3);
            Long offences = (Long) r.get(11);
            return new CleanOffence(force, str(r.get(2)), date == null ? null : LocalDate.ofEpochDay((Integer) date),
                    period, code, platforms, str(r.get(10)), offences, offences == null, (Long) r.get(12));
        }

        private static FinancialPeriod period(String firstMonth, int months) {
            YearMonth first = YearMonth.parse(firstMonth);
            return switch (months) {
                case 1 -> FinancialPeriod.ofMonth(first);
                case 3 -> FinancialPeriod.ofQuarter(FinancialYear.containing(first), FinancialPeriod.quarterOf(first));
                default -> FinancialPeriod.ofYear(FinancialYear.containing(first));
            };
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private record PeriodKey(Object firstMonth, int months) {
    }

    private record Pair(Object a, Object b) {
    }

    private record Triple(Object a, Object b, Object c) {
    }

    private static String join(List<Platform> platforms, java.util.function.Function<Platform, String> part) {
        StringBuilder sb = new StringBuilder();
        for (Platform p : platforms) {
            if (sb.length() > 0) {
                sb.append(SEP);
            }
            String value = part.apply(p);
            sb.append(value == null ? "" : value);
        }
        return sb.toString();
    }

    private static List<Platform> platforms(String names, String owners, String categories) {
        if (names == null) {
            return List.of();
        }
        String[] n = names.split("\\|", -1);
        String[] o = owners.split("\\|", -1);
        String[] c = categories.split("\\|", -1);
        List<Platform> out = new ArrayList<>(n.length);
        for (int i = 0; i < n.length; i++) {
            out.add(new Platform(n[i], o[i], c[i]));
        }
        return out;
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
