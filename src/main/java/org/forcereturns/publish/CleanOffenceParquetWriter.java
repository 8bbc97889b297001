package org.forcereturns.publish;

import java.io.Closeable;
import java.io.IOException;
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
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.storage.ColumnFileWriter;
import org.forcereturns.storage.ColumnFileWriter.Column;

/**
 * Writes {@link CleanOffence} rows of one delivered file and financial year as a {@code clean_offences} Parquet
 * file, each value straight to its column ({@link ColumnFileWriter}), without building a record per row. The files
 * are those parquet-avro would write: same Parquet schema, same {@code parquet.avro.schema} key.
 *
 * <p>The source file and its hash, the year and (nearly always) the force are one value for the whole file, and
 * are written as {@link org.forcereturns.storage.ConstantColumn constant columns}. A value naming several platforms
 * lists them in {@code platform} joined by {@value #JOIN} (docs/decisions.md); the per-platform tables count it once
 * per platform. Texts of the few distinct forces, years, months, codes and platform lists are encoded once per file
 * and the same instance is given for every row that names them.
 */
final class CleanOffenceParquetWriter implements Closeable {

    static final String JOIN = " / ";

    /** The footer key parquet-avro reads a file's Avro schema from; every table file carries it. */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    static final String AVRO_SCHEMA = Tables.CLEAN_OFFENCES.avro().toString();
    private static final Set<String> CONSTANT =
            Set.of("force_code", "force_name", "financial_year", "source_file", "source_sha256");
    /** The platform, owner and category of a row with no platform recorded: all null. */
    private static final Binary[] NOT_RECORDED = new Binary[3];

    private final ColumnFileWriter file;
    private final Column forceCode;
    private final Column forceName;
    private final Column crimeReference;
    private final Column recordedDate;
    private final Column financialYear;
    private final Column financialQuarter;
    private final Column month;
    private final Column offenceCode;
    private final Column platform;
    private final Column platformRaw;
    private final Column platformOwner;
    private final Column platformCategory;
    private final Column platformCount;
    private final Column offences;
    private final Column suppressed;
    private final Column sourceFileColumn;
    private final Column sourceLine;
    private final Column sourceSha256Column;
    private final Binary sourceFile;
    private final Binary sourceSha256;
    private final Map<Force, Binary[]> forces = new HashMap<>();
    private final Map<FinancialYear, Binary> years = new HashMap<>();
    private final Map<YearMonth, Binary> months = new HashMap<>();
    private final Map<OffenceCode, Binary> codes = new HashMap<>();
    private final Map<List<Platform>, Binary[]> platformTexts = new HashMap<>();
    // The last force, period, code and platform list seen, and their texts: rows come in runs that share them.
    private Force lastForce;
    private Binary[] lastForceTexts;
    private FinancialPeriod lastPeriod;
    private Binary lastYear;
    private Binary lastMonth;
    private OffenceCode lastCode;
    private Binary lastCodeText;
    private List<Platform> lastPlatforms;
    private Binary[] lastPlatformTexts = NOT_RECORDED;

    CleanOffenceParquetWriter(OutputFile out, Configuration conf, String sourceFile, String sourceSha256,
                              Map<String, String> metadata) throws IOException {
        this.sourceFile = bytes(sourceFile);
        this.sourceSha256 = bytes(sourceSha256);
        Map<String, String> footer = new LinkedHashMap<>(metadata);
        // Readers that want Avro records get the table's own Avro schema, as with every other table.
        footer.put(AVRO_SCHEMA_KEY, AVRO_SCHEMA);
        this.file = new ColumnFileWriter(out, Tables.CLEAN_OFFENCES, conf, CONSTANT, footer,
                ColumnFileWriter.ROW_GROUP_BYTES);
        this.forceCode = file.column("force_code");
        this.forceName = file.column("force_name");
        this.crimeReference = file.column("crime_reference");
        this.recordedDate = file.column("recorded_date");
        this.financialYear = file.column("financial_year");
        this.financialQuarter = file.column("financial_quarter");
        this.month = file.column("month");
        this.offenceCode = file.column("offence_code");
        this.platform = file.column("platform");
        this.platformRaw = file.column("platform_raw");
        this.platformOwner = file.column("platform_owner");
        this.platformCategory = file.column("platform_category");
        this.platformCount = file.column("platform_count");
        this.offences = file.column("offences");
        this.suppressed = file.column("suppressed");
        this.sourceFileColumn = file.column("source_file");
        this.sourceLine = file.column("source_line");
        this.sourceSha256Column = file.column("source_sha256");
    }

    void write(CleanOffence row) throws IOException {
        try {
            writeRow(row);
        } catch (IOException | RuntimeException e) {
            // A row half written leaves the columns uneven: the file must not be finished.
            file.abort();
            throw e;
        }
    }

    private void writeRow(CleanOffence row) throws IOException {
        FinancialPeriod period = row.period();
        if (row.force() != lastForce) {
            lastForce = row.force();
            lastForceTexts = forces.computeIfAbsent(lastForce, f -> new Binary[] {bytes(f.code()), bytes(f.name())});
        }
        forceCode.add(lastForceTexts[0]);
        forceName.add(lastForceTexts[1]);
        crimeReference.add(text(row.crimeReference()));
        if (row.recordedDate() != null) {
            recordedDate.add((int) row.recordedDate().toEpochDay());
        } else {
            recordedDate.addNull();
        }
        if (period != lastPeriod) {
            lastYear = years.computeIfAbsent(period.year(), y -> bytes(y.label()));
            lastMonth = period.month() == null ? null : months.computeIfAbsent(period.month(), m -> bytes(m.toString()));
            lastPeriod = period;
        }
        financialYear.add(lastYear);
        if (period.quarter() != null) {
            financialQuarter.add(period.quarter().intValue());
        } else {
            financialQuarter.addNull();
        }
        month.add(lastMonth);
        if (row.offenceCode() != lastCode) {
            lastCode = row.offenceCode();
            lastCodeText = codes.computeIfAbsent(lastCode, c -> bytes(c.toString()));
        }
        offenceCode.add(lastCodeText);
        if (row.platforms() != lastPlatforms) {
            lastPlatforms = row.platforms();
            lastPlatformTexts = row.platformRecorded()
                    ? platformTexts.computeIfAbsent(lastPlatforms, CleanOffenceParquetWriter::platformTexts)
                    : NOT_RECORDED;
        }
        Binary[] texts = lastPlatformTexts;
        platform.add(texts[0]);
        platformRaw.add(text(row.platformRaw()));
        platformOwner.add(texts[1]);
        platformCategory.add(texts[2]);
        platformCount.add(row.platforms().size());
        if (row.offences() != null) {
            offences.add(row.offences().longValue());
        } else {
            offences.addNull();
        }
        suppressed.add(row.suppressed());
        sourceFileColumn.add(sourceFile);
        sourceLine.add(row.sourceLine());
        sourceSha256Column.add(sourceSha256);
        file.endRow();
    }

    long bufferedSize() {
        return file.bufferedSize();
    }

    void endRowGroup() throws IOException {
        file.endRowGroup();
    }

    @Override
    public void close() throws IOException {
        file.close();
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
}
