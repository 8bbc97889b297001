package org.forcereturns.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in the test's JVM (MiniDFSCluster: one NameNode, one DataNode, free ports) for the jar's processes
 * to use by URI, with the bundled sample inbox copied to {@code /inbox}.
 */
public final class MiniHdfs implements AutoCloseable {

    public final MiniDFSCluster cluster;
    public final FileSystem fs;
    /** {@code hdfs://localhost:<port>}. */
    public final String uri;

    private MiniHdfs(MiniDFSCluster cluster) throws IOException {
        this.cluster = cluster;
        this.fs = cluster.getFileSystem();
        this.uri = "hdfs://localhost:" + cluster.getNameNodePort();
    }

    public static MiniHdfs start(Path dir) throws IOException {
        // Port 0: the NameNode binds a free port, read back above; the DataNode and web UIs do likewise.
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(new Configuration(), dir.resolve("minidfs").toFile())
                .numDataNodes(1).nameNodePort(0).format(true).build();
        cluster.waitActive();
        MiniHdfs hdfs = new MiniHdfs(cluster);
        hdfs.fs.copyFromLocalFile(false, true, hadoopPath(Path.of("src/sample/inbox")),
                new org.apache.hadoop.fs.Path("/inbox"));
        return hdfs;
    }

    public static org.apache.hadoop.fs.Path hadoopPath(Path local) {
        return new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri());
    }

    /** Copies every published table of a warehouse here to local disk (without .crc files) for DuckDB. */
    public Path copyTablesBack(String warehouse, Path local) throws IOException {
        Files.createDirectories(local);
        for (String table : WarehouseComparison.TABLES) {
            fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(warehouse, table), hadoopPath(local.resolve(table)),
                    true);
        }
        return local;
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
