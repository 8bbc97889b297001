package org.forcereturns.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
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
            .string("crime_reference", true)
            .date("recorded_date", true)
            .string("first_month", false)
            .int32("month_count", false)
            .string("offence_code", false)
            .string("platform_names", true)
            .string("platform_owners", true)
            .string("platform_categories", true)
            .string("platform_raw", true)
            .int64("offences", true)
            .int64("source_line", false)
            .build();

    private static final String SEP = "|";

    private OffenceSegment() {
    }

    public static Writer writer(Path file, Configuration conf) throws IOException {
        return new Writer(new ParquetTableWriter(SCHEMA, file, conf, Map.of()));
    }

    public static Reader reader(Path file, Configuration conf) throws IOException {
        return new Reader(AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
                .withDataModel(GenericData.get()).withConf(conf).build());
    }

    public static final class Writer implements Closeable {
        private final ParquetTableWriter out;

        private Writer(ParquetTableWriter out) {
            this.out = out;
        }

        public void write(CleanOffence o) throws IOException {
            GenericData.Record r = SCHEMA.newRecord();
            r.put(0, o.force().code());
            r.put(1, o.force().name());
            r.put(2, o.crimeReference());
            r.put(3, o.recordedDate() == null ? null : (int) o.recordedDate().toEpochDay());
            r.put(4, o.period().firstMonth().toString());
            r.put(5, o.period().monthCount());
            r.put(6, o.offenceCode().toString());
            if (o.platformRecorded()) {
                r.put(7, join(o.platforms(), Platform::name));
                r.put(8, join(o.platforms(), Platform::owner));
                r.put(9, join(o.platforms(), Platform::category));
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

        private Reader(ParquetReader<GenericRecord> in) {
            this.in = in;
        }

        /** The next row, or null at the end. */
        public CleanOffence next() throws IOException {
            GenericRecord r = in.read();
            if (r == null) {
                return null;
            }
            YearMonth first = YearMonth.parse(str(r.get(4)));
            int months = (Integer) r.get(5);
            FinancialPeriod period = switch (months) {
                case 1 -> FinancialPeriod.ofMonth(first);
                case 3 -> FinancialPeriod.ofQuarter(FinancialYear.containing(first), FinancialPeriod.quarterOf(first));
                default -> FinancialPeriod.ofYear(FinancialYear.containing(first));
            };
            Object date = r.get(3);
            Long offences = (Long) r.get(11);
            return new CleanOffence(new Force(str(r.get(0)), str(r.get(1))), str(r.get(2)),
                    date == null ? null : LocalDate.ofEpochDay((Integer) date), period, OffenceCode.of(str(r.get(6))),
                    platforms(str(r.get(7)), str(r.get(8)), str(r.get(9))), str(r.get(10)), offences,
                    offences == null, (Long) r.get(12));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
