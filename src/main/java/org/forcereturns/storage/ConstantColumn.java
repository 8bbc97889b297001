package org.forcereturns.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.bloomfilter.BloomFilterWriteStore;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One required string column of a row group that usually holds a single value in every row (the source file and its
 * hash, the financial year, the force). Parquet-java hashes and compares every value it is given, for the dictionary
 * and the min/max statistics; for such a column this writes the chunk from the value and the row count instead, as
 * parquet-java would: a one-entry dictionary and pages of dictionary id 0 with the same page statistics.
 *
 * <p>The first row with another value turns the column into an ordinary one, written by a column store of its own
 * (the rows so far are written to it first), so the file never depends on the value having been constant.
 */
final class ConstantColumn {

    private final ColumnDescriptor column;
    private final MessageType alone;
    private final ParquetProperties props;
    private PageWriteStore pages;
    private BloomFilterWriteStore blooms;
    private Binary value;
    private long rows;
    private ColumnWriteStore varying;
    private ColumnWriter writer;

    ConstantColumn(MessageType schema, ColumnDescriptor column, ParquetProperties props) {
        PrimitiveType type = column.getPrimitiveType();
        if (type.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY
                || column.getMaxDefinitionLevel() != 0 || column.getMaxRepetitionLevel() != 0) {
            throw new IllegalArgumentException("not a required top-level binary column: " + column);
        }
        if (props.getWriterVersion() != ParquetProperties.WriterVersion.PARQUET_1_0
                || !props.isDictionaryEnabled(column)) {
            // The pages written below are version-1 dictionary pages, as parquet-java writes them.
            throw new IllegalArgumentException("only dictionary-encoded version-1 pages are written: " + column);
        }
        this.column = column;
        this.alone = new MessageType(schema.getName(), schema.getType(column.getPath()[0]));
        this.props = props;
    }

    /** Starts a row group whose pages go to {@code pages}. */
    void start(PageWriteStore pages, BloomFilterWriteStore blooms) {
        this.pages = pages;
        this.blooms = blooms;
        this.value = null;
        this.rows = 0;
        this.varying = null;
        this.writer = null;
    }

    void write(Binary v) {
        if (writer == null) {
            if (rows == 0) {
                value = Objects.requireNonNull(v, "a required column's value").copy();
                rows = 1;
                return;
            }
            // The same instance is the usual case: callers reuse one Binary for a value.
            if (v == value || v.equals(value)) {
                rows++;
                return;
            }
            becomeVarying();
        }
        writer.write(v, 0, 0);
        varying.endRecord();
    }

    private void becomeVarying() {
        varying = props.newColumnWriteStore(alone, pages, blooms);
        writer = varying.getColumnWriter(column);
        for (long i = 0; i < rows; i++) {
            writer.write(value, 0, 0);
            varying.endRecord();
        }
    }

    /** Memory held for the row group's pages not yet written: none while the column is constant. */
    long bufferedSize() {
        return varying == null ? 0 : varying.getBufferedSize();
    }

    /** Ends the row group: writes the column's pages to the page store. */
    void flush() throws IOException {
        if (varying != null) {
            varying.flush();
            varying.close();
            return;
        }
        if (rows == 0) {
            return;
        }
        PageWriter out = pages.getPageWriter(column);
        int perPage = props.getPageRowCountLimit();
        for (long done = 0; done < rows; done += perPage) {
            int n = (int) Math.min(perPage, rows - done);
            Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
            statistics.updateStats(value);
            // A version-1 data page of a required column has no levels: just the values, dictionary id 0 each.
            out.writePage(BytesInput.from(dictionaryIds(n)), n, n, statistics, Encoding.BIT_PACKED,
                    Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
        }
        out.writeDictionaryPage(new DictionaryPage(BytesInput.from(plain(value)), 1, Encoding.PLAIN_DICTIONARY));
    }

    /** {@code n} ids of 0: a bit-width byte (0, for a one-entry dictionary) and the run-length encoded ids. */
    private static byte[] dictionaryIds(int n) throws IOException {
        try (RunLengthBitPackingHybridEncoder ids =
                     new RunLengthBitPackingHybridEncoder(0, 64, 64 * 1024, HeapByteBufferAllocator.getInstance())) {
            for (int i = 0; i < n; i++) {
                ids.writeInt(0);
            }
            byte[] encoded = ids.toBytes().toByteArray();
            byte[] page = new byte[encoded.length + 1];
            System.arraycopy(encoded, 0, page, 1, encoded.length);
            return page;
        }
    }

    /** The dictionary page's one entry, plain-encoded: little-endian length, then the bytes. */
    private static byte[] plain(Binary value) {
        ByteBuffer out = ByteBuffer.allocate(4 + value.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(value.length());
        out.put(value.toByteBuffer());
        return out.array();
    }
}
