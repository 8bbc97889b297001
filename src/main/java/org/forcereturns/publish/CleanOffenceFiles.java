package org.forcereturns.publish;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.forcereturns.domain.CleanOffence;

/**
 * Writes one delivered file's accepted rows as finished {@code clean_offences} Parquet, one file per financial
 * year. Publishing then copies these files' row groups into the table without decoding them (see
 * {@link WarehousePublisher}), so each row is encoded once, when it is ingested.
 */
public final class CleanOffenceFiles implements Closeable {

    private final IntFunction<Path> fileForYear;
    private final String sourceFile;
    private final String sourceSha256;
    private final Configuration conf;
    private final long maxBufferedBytes;
    private final Map<Integer, CleanOffenceParquetWriter> byYear = new TreeMap<>();
    private int lastYear = Integer.MIN_VALUE;
    private CleanOffenceParquetWriter last;
    private long rows;

    /**
     * @param fileForYear where the rows of a financial year (by its start year) go
     */
    public CleanOffenceFiles(IntFunction<Path> fileForYear, String sourceFile, String sourceSha256,
                             Configuration conf) {
        this(fileForYear, sourceFile, sourceSha256, conf, MAX_BUFFERED_BYTES);
    }

    /**
     * Each year's rows are buffered in memory until written as a row group; a delivery spanning many years could
     * hold many row groups at once, so all of them together are capped: past this, the largest is written out.
     * Two deliveries are ingested at a time, so they hold at most twice this of a 512 MB heap.
     */
    static final long MAX_BUFFERED_BYTES = 64L << 20;
    private static final int ROWS_PER_MEMORY_CHECK = 4_096;

    CleanOffenceFiles(IntFunction<Path> fileForYear, String sourceFile, String sourceSha256, Configuration conf,
                      long maxBufferedBytes) {
        this.fileForYear = fileForYear;
        this.sourceFile = sourceFile;
        this.sourceSha256 = sourceSha256;
        this.conf = conf;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    public void write(CleanOffence row) throws IOException {
        int year = row.period().year().startYear();
        if (year != lastYear) {
            last = byYear.get(year);
            if (last == null) {
                last = open(fileForYear.apply(year));
                byYear.put(year, last);
            }
            lastYear = year;
        }
        last.write(row);
        if (++rows % ROWS_PER_MEMORY_CHECK == 0) {
            capMemory();
        }
    }

    private void capMemory() throws IOException {
        long total = 0;
        long largestSize = -1;
        CleanOffenceParquetWriter largest = null;
        for (CleanOffenceParquetWriter w : byYear.values()) {
            long size = w.bufferedSize();
            total += size;
            if (size > largestSize) {
                largest = w;
                largestSize = size;
            }
        }
        if (total > maxBufferedBytes && largest != null) {
            largest.endRowGroup();
        }
    }

    private CleanOffenceParquetWriter open(Path file) throws IOException {
        return new CleanOffenceParquetWriter(HadoopOutputFile.fromPath(file, conf), conf, sourceFile, sourceSha256,
                Map.of());
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CleanOffenceParquetWriter w : byYear.values()) {
            try {
                w.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
