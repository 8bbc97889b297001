package org.forcereturns.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.storage.ParquetConcatenation;
import org.forcereturns.storage.ParquetTableWriter;

/**
 * Writes one delivered file's accepted rows as finished {@code clean_offences} Parquet, one file per financial
 * year, through parquet-java's {@link ParquetWriter} and {@link CleanOffenceWriteSupport}. Publishing then copies
 * these files' row groups into the table without decoding them (see {@code publish.CleanOffencesTable}), so each row is
 * encoded once, when it is ingested.
 */
public final class CleanOffenceFiles implements Closeable {

    /**
     * Each year's rows are buffered in memory until written as a row group; a delivery spanning many years could
     * hold many row groups at once, so all of them together are capped: past this, the largest is written out.
     * Two deliveries are ingested at a time, so they hold at most twice this of a 512 MB heap.
     */
    static final long MAX_BUFFERED_BYTES = 64L << 20;
    private static final int ROWS_PER_MEMORY_CHECK = 4_096;

    private final IntFunction<Path> fileForYear;
    private final String sourceFile;
    private final String sourceSha256;
    private final Configuration conf;
    private final long maxBufferedBytes;
    private final Map<Integer, YearFile> byYear = new TreeMap<>();
    private int lastYear = Integer.MIN_VALUE;
    private YearFile last;
    private long rows;
    private boolean failed;

    /**
     * @param fileForYear where the rows of a financial year (by its start year) go
     */
    public CleanOffenceFiles(IntFunction<Path> fileForYear, String sourceFile, String sourceSha256,
                             Configuration conf) {
        this(fileForYear, sourceFile, sourceSha256, conf, MAX_BUFFERED_BYTES);
    }

    CleanOffenceFiles(IntFunction<Path> fileForYear, String sourceFile, String sourceSha256, Configuration conf,
                      long maxBufferedBytes) {
        this.fileForYear = fileForYear;
        this.sourceFile = sourceFile;
        this.sourceSha256 = sourceSha256;
        this.conf = conf;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /**
     * The footer of a {@code clean_offences} file built from these files: the metadata given, and the Avro schema
     * that they carry too.
     */
    public static Map<String, String> footer(Map<String, String> metadata) {
        Map<String, String> footer = new java.util.LinkedHashMap<>(metadata);
        footer.put(CleanOffenceWriteSupport.AVRO_SCHEMA_KEY, CleanOffenceWriteSupport.AVRO_SCHEMA);
        return footer;
    }

    public void write(CleanOffence row) throws IOException {
        try {
            int year = row.period().year().startYear();
            if (year != lastYear) {
                last = byYear.computeIfAbsent(year, y -> new YearFile(fileForYear.apply(y)));
                lastYear = year;
            }
            last.write(row);
            if (++rows % ROWS_PER_MEMORY_CHECK == 0) {
                capMemory();
            }
        } catch (IOException | RuntimeException e) {
            // ParquetWriter gives up a file whose row failed part-way (no footer); the others are not joined.
            failed = true;
            throw e;
        }
    }

    private void capMemory() throws IOException {
        long total = 0;
        long largestSize = -1;
        YearFile largest = null;
        for (YearFile f : byYear.values()) {
            long size = f.buffered();
            total += size;
            if (size > largestSize) {
                largest = f;
                largestSize = size;
            }
        }
        if (total > maxBufferedBytes && largest != null) {
            largest.endPart();
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (YearFile f : byYear.values()) {
            try {
                f.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * One year's file. {@link ParquetWriter} writes a row group only when it reaches its own size (128 MB, above the
     * cap), so to free memory early the year's writer is closed as a part of its own; at the end the parts' row
     * groups are copied into the year's file ({@link ParquetConcatenation}). Only a delivery of millions of rows
     * has parts; the first part is the year's file itself, so a delivery without them is written once.
     */
    private final class YearFile {
        private final Path file;
        private final List<Path> parts = new ArrayList<>();
        private ParquetWriter<CleanOffence> writer;

        YearFile(Path file) {
            this.file = file;
        }

        private Path part(int n) {
            return n == 0 ? file : file.suffix(".part" + n);
        }

        void write(CleanOffence row) throws IOException {
            if (writer == null) {
                writer = open(part(parts.size()));
            }
            writer.write(row);
        }

        /**
         * Bytes the writer holds. Its size counts the row groups it has written too, but under the cap a part
         * never reaches ParquetWriter's own row group size, so it has written none.
         */
        long buffered() {
            return writer == null ? 0 : writer.getDataSize();
        }

        void endPart() throws IOException {
            writer.close();
            writer = null;
            parts.add(part(parts.size()));
        }

        void close() throws IOException {
            if (writer != null) {
                endPart();
            }
            if (failed || parts.size() < 2) {
                return;
            }
            FileSystem fs = file.getFileSystem(conf);
            Path first = file.suffix(".part0");
            fs.delete(first, false);
            if (!fs.rename(file, first)) {
                throw new IOException("could not rename " + file + " to " + first);
            }
            parts.set(0, first);
            Map<String, String> footer;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(first, conf))) {
                footer = reader.getFileMetaData().getKeyValueMetaData();
            }
            try (ParquetConcatenation joined = new ParquetConcatenation(file, Tables.CLEAN_OFFENCES.parquet(), conf,
                    footer)) {
                for (Path part : parts) {
                    joined.append(part);
                }
            }
            for (Path part : parts) {
                fs.delete(part, false);
            }
        }

        private ParquetWriter<CleanOffence> open(Path path) throws IOException {
            return ParquetTableWriter.settings(
                    new Builder(HadoopOutputFile.fromPath(path, conf), new CleanOffenceWriteSupport(sourceFile,
                            sourceSha256)), Tables.CLEAN_OFFENCES, conf, Map.of()).build();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<CleanOffence, Builder> {
        private final CleanOffenceWriteSupport support;

        Builder(OutputFile file, CleanOffenceWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected CleanOffenceWriteSupport getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
