package org.forcereturns.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Pages compressed with the reused context are read back by parquet-java's own ZSTD decompressor. */
class ZstdPageCompressorTest {

    private static final Configuration CONF = Storage.local().configuration();

    @Property(tries = 60)
    void parquetsCodecReadsEveryPage(@ForAll @IntRange(min = 0, max = 300_000) int size,
                                     @ForAll @IntRange(min = 1, max = 256) int distinctBytes, @ForAll long seed)
            throws IOException {
        byte[] page = new byte[size];
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            page[i] = (byte) random.nextInt(distinctBytes);
        }
        ZstdPageCompressor compressor = new ZstdPageCompressor(CONF);
        CodecFactory codecs = new CodecFactory(CONF, 1 << 20);
        try {
            // The same context compresses page after page, as in a column chunk.
            for (int round = 0; round < 2; round++) {
                BytesInput compressed = compressor.compress(BytesInput.from(page));
                BytesInputDecompressor decompressor = codecs.getDecompressor(CompressionCodecName.ZSTD);
                assertThat(decompressor.decompress(BytesInput.from(compressed.toByteArray()), size).toByteArray())
                        .isEqualTo(page);
            }
        } finally {
            compressor.release();
            codecs.release();
        }
    }
}
