package org.forcereturns.storage;

import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Compresses Parquet pages to ZSTD with one reused compression context and the page's size known up front.
 * Parquet-java's codec opens a zstd stream for every page, which allocates a context and clears tables sized for
 * input of unknown length; for our many small pages that set-up cost more than the compression. The pages are
 * ordinary zstd frames at the same level, read by every Parquet reader.
 */
final class ZstdPageCompressor implements BytesInputCompressor {

    /** Parquet-java's setting for the level, and its default. */
    static final String LEVEL = "parquet.compression.codec.zstd.level";
    static final int DEFAULT_LEVEL = 3;

    private final ZstdCompressCtx context;

    ZstdPageCompressor(Configuration conf) {
        this.context = new ZstdCompressCtx().setLevel(conf.getInt(LEVEL, DEFAULT_LEVEL));
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
        return BytesInput.from(context.compress(bytes.toByteArray()));
    }

    @Override
    public CompressionCodecName getCodecName() {
        return CompressionCodecName.ZSTD;
    }

    @Override
    public void release() {
        context.close();
    }
}
