package org.forcereturns.warehouse;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;

/**
 * Gives parquet-java's {@code ParquetWriter} each {@link CleanOffence} field straight as a {@code clean_offences}
 * value, without an Avro record per row. The files are those parquet-avro would write: same Parquet schema, same
 * {@code parquet.avro.schema} footer key (parquet-avro readers, such as the publisher's, read by it).
 *
 * <p>A value naming several platforms lists them in {@code platform} joined by {@value #JOIN} (docs/decisions.md);
 * the per-platform tables count it once per platform. Texts of the few distinct forces, years, months, codes and
 * platform lists are encoded once per file, and rows come in runs that share them, so the last one is remembered.
 */
final class CleanOffenceWriteSupport extends WriteSupport<CleanOffence> {

    static final String JOIN = " / ";

    /** The footer key parquet-avro reads a file's Avro schema from; every table file carries it. */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    static final String AVRO_SCHEMA = Tables.CLEAN_OFFENCES.avro().toString();

    private static final MessageType SCHEMA = Tables.CLEAN_OFFENCES.parquet();
    private static final String[] NAMES = SCHEMA.getFields().stream().map(f -> f.getName()).toArray(String[]::new);
    private static final int FORCE_CODE = index("force_code");
    private static final int FORCE_NAME = index("force_name");
    private static final int CRIME_REFERENCE = index("crime_reference");
    private static final int RECORDED_DATE = index("recorded_date");
    private static final int FINANCIAL_YEAR = index("financial_year");
    private static final int FINANCIAL_QUARTER = index("financial_quarter");
    private static final int MONTH = index("month");
    private static final int OFFENCE_CODE = index("offence_code");
    private static final int PLATFORM = index("platform");
    private static final int PLATFORM_RAW = index("platform_raw");
    private static final int PLATFORM_OWNER = index("platform_owner");
    private static final int PLATFORM_CATEGORY = index("platform_category");
    private static final int PLATFORM_COUNT = index("platform_count");
    private static final int OFFENCES = index("offences");
    private static final int SUPPRESSED = index("suppressed");
    private static final int SOURCE_FILE = index("source_file");
    private static final int SOURCE_LINE = index("source_line");
    private static final int SOURCE_SHA256 = index("source_sha256");
    /** The platform, owner and category of a row with no platform recorded: all null. */
    private static final Binary[] NOT_RECORDED = new Binary[3];

    private final Binary sourceFile;
    private final Binary sourceSha256;
    private final Map<String, String> metadata;
    private final Map<Force, Binary[]> forces = new HashMap<>();
    private final Map<FinancialYear, Binary> years = new HashMap<>();
    private final Map<YearMonth, Binary> months = new HashMap<>();
    private final Map<OffenceCode, Binary> codes = new HashMap<>();
    private final Map<List<Platform>, Binary[]> platformTexts = new HashMap<>();
    private RecordConsumer out;
    private Force lastForce;
    private Binary[] lastForceTexts;
    private FinancialPeriod lastPeriod;
    private Binary lastYear;
    private Binary lastMonth;
    private OffenceCode lastCode;
    private Binary lastCodeText;
    private List<Platform> lastPlatforms;
    private Binary[] lastPlatformTexts = NOT_RECORDED;

    CleanOffenceWriteSupport(String sourceFile, String sourceSha256) {
        this.sourceFile = bytes(sourceFile);
        this.sourceSha256 = bytes(sourceSha256);
        this.metadata = new LinkedHashMap<>();
        // Readers that want Avro records get the table's own Avro schema, as with every other table.
        this.metadata.put(AVRO_SCHEMA_KEY, AVRO_SCHEMA);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(SCHEMA, metadata);
    }

    @Override
    public String getName() {
        return "force-returns";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(CleanOffence row) {
        FinancialPeriod period = row.period();
        out.startMessage();
        if (row.force() != lastForce) {
            lastForce = row.force();
            lastForceTexts = forces.computeIfAbsent(lastForce, f -> new Binary[] {bytes(f.code()), bytes(f.name())});
        }
        binary(FORCE_CODE, lastForceTexts[0]);
        binary(FORCE_NAME, lastForceTexts[1]);
        binary(CRIME_REFERENCE, text(row.crimeReference()));
        if (row.recordedDate() != null) {
            integer(RECORDED_DATE, (int) row.recordedDate().toEpochDay());
        }
        if (period != lastPeriod) {
            lastYear = years.computeIfAbsent(period.year(), y -> bytes(y.label()));
            lastMonth = period.month() == null ? null : months.computeIfAbsent(period.month(), m -> bytes(m.toString()));
            lastPeriod = period;
        }
        binary(FINANCIAL_YEAR, lastYear);
        if (period.quarter() != null) {
            integer(FINANCIAL_QUARTER, period.quarter());
        }
        binary(MONTH, lastMonth);
        if (row.offenceCode() != lastCode) {
            lastCodeText = codes.computeIfAbsent(row.offenceCode(), c -> bytes(c.toString()));
            lastCode = row.offenceCode();
        }
        binary(OFFENCE_CODE, lastCodeText);
        if (row.platforms() != lastPlatforms) {
            lastPlatformTexts = row.platformRecorded()
                    ? platformTexts.computeIfAbsent(row.platforms(), CleanOffenceWriteSupport::platformTexts)
                    : NOT_RECORDED;
            lastPlatforms = row.platforms();
        }
        binary(PLATFORM, lastPlatformTexts[0]);
        binary(PLATFORM_RAW, text(row.platformRaw()));
        binary(PLATFORM_OWNER, lastPlatformTexts[1]);
        binary(PLATFORM_CATEGORY, lastPlatformTexts[2]);
        integer(PLATFORM_COUNT, row.platforms().size());
        if (row.offences() != null) {
            out.startField(NAMES[OFFENCES], OFFENCES);
            out.addLong(row.offences());
            out.endField(NAMES[OFFENCES], OFFENCES);
        }
        out.startField(NAMES[SUPPRESSED], SUPPRESSED);
        out.addBoolean(row.suppressed());
        out.endField(NAMES[SUPPRESSED], SUPPRESSED);
        binary(SOURCE_FILE, sourceFile);
        out.startField(NAMES[SOURCE_LINE], SOURCE_LINE);
        out.addLong(row.sourceLine());
        out.endField(NAMES[SOURCE_LINE], SOURCE_LINE);
        binary(SOURCE_SHA256, sourceSha256);
        out.endMessage();
    }

    /** A null value is a field left out: Parquet records it as a null. */
    private void binary(int field, Binary value) {
        if (value != null) {
            out.startField(NAMES[field], field);
            out.addBinary(value);
            out.endField(NAMES[field], field);
        }
    }

    private void integer(int field, int value) {
        out.startField(NAMES[field], field);
        out.addInteger(value);
        out.endField(NAMES[field], field);
    }

    private static Binary text(String value) {
        return value == null ? null : bytes(value);
    }

    private static Binary[] platformTexts(List<Platform> platforms) {
        return new Binary[] {text(joined(platforms, Platform::name)), text(joined(platforms, Platform::owner)),
                text(joined(platforms, Platform::category))};
    }

    /** Distinct non-null parts in order, joined; null when there are none. */
    static String joined(List<Platform> platforms, Function<Platform, String> part) {
        Set<String> values = new LinkedHashSet<>();
        for (Platform p : platforms) {
            String v = part.apply(p);
            if (v != null) {
                values.add(v);
            }
        }
        return values.isEmpty() ? null : String.join(JOIN, values);
    }

    /** Array-backed, which Parquet compares and hashes faster than the buffer-backed {@code Binary.fromString}. */
    private static Binary bytes(String value) {
        return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    private static int index(String column) {
        return SCHEMA.getFieldIndex(column);
    }
}
