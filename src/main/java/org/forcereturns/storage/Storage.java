package org.forcereturns.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.security.AccessControlException;

/**
 * The one door to files: inbox, raw archive, state and tables, on any Hadoop FileSystem URI.
 * A plain local path means {@code file:}.
 */
public final class Storage {

    /**
     * Batch defaults for the Hadoop RPC client (HDFS NameNode): fail within seconds, not minutes, when a NameNode
     * cannot be reached; a failed run is restartable, so waiting gains nothing. Hadoop's own defaults retry a
     * refused connection 10 times a second apart and a timed-out one 45 times at 20 s each (about 15 minutes).
     * With these: a few seconds for a refused connection, at most about 30 s for a host that does not answer.
     * They apply only where no *-site.xml on the class path sets the key; the job file's {@code hadoop:} map
     * overrides them all.
     * Listed in docs/hdfs-and-s3.md.
     */
    public static final Map<String, String> BATCH_DEFAULTS = Map.of(
            "ipc.client.connect.max.retries", "3",
            "ipc.client.connect.retry.interval", "1000",
            "ipc.client.connect.timeout", "10000",
            "ipc.client.connect.max.retries.on.timeouts", "2");

    private final Configuration conf;
    /**
     * The same settings with Hadoop's own local file system: for remote file systems, whose clients keep scratch
     * files on local disk through {@code FileSystem.getLocal}, which requires a {@code LocalFileSystem} (S3A
     * buffers each upload there). Remote file systems are cached by Hadoop per scheme and authority, and
     * {@link #resolve} creates each first through here, so Parquet's readers and writers get the same instance.
     */
    private final Configuration remoteConf;
    private volatile FileSystem localFs;

    public Storage(Map<String, String> hadoopSettings) {
        this.conf = new Configuration();
        // The raw local file system writes no .crc side files into local warehouses; this one also sets
        // permissions without forking chmod (see ForklessLocalFileSystem).
        conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        BATCH_DEFAULTS.forEach((key, value) -> {
            if (onlyHadoopDefault(key)) {
                conf.set(key, value, "force-returns-etl batch default");
            }
        });
        hadoopSettings.forEach(conf::set);
        this.remoteConf = new Configuration(conf);
        if (!hadoopSettings.containsKey("fs.file.impl")) {
            remoteConf.unset("fs.file.impl");
            remoteConf.unset("fs.file.impl.disable.cache");
        }
    }

    private boolean onlyHadoopDefault(String key) {
        String[] sources = conf.getPropertySources(key);
        if (sources == null) {
            return true;
        }
        for (String source : sources) {
            if (!source.endsWith("-default.xml")) {
                return false;
            }
        }
        return true;
    }

    public static Storage local() {
        return new Storage(Map.of());
    }

    public Configuration configuration() {
        return conf;
    }

    /** Turns a URI or a plain local path into a fully qualified Hadoop path. */
    public Path resolve(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("an empty location was given");
        }
        URI uri = URI.create(location.replace('\\', '/').replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().length() == 1) {
            String absolute = java.nio.file.Path.of(location).toAbsolutePath().normalize().toString();
            return new Path("file", null, absolute.replace('\\', '/'));
        }
        Path path = new Path(uri);
        return fs(path).makeQualified(path);
    }

    public FileSystem fs(Path path) {
        try {
            String scheme = path.toUri().getScheme();
            if (scheme == null || scheme.equals("file")) {
                // The local file system is kept out of Hadoop's cache (its key ignores the configuration), so
                // each call used to build a new instance; one per Storage is enough (it holds no open state).
                FileSystem local = localFs;
                if (local == null) {
                    local = path.getFileSystem(conf);
                    localFs = local;
                }
                return local;
            }
            return path.getFileSystem(remoteConf);
        } catch (UnsupportedFileSystemException e) {
            throw new StorageException("no file system for the scheme \"" + path.toUri().getScheme() + ":\" of "
                    + path + " (use a local path, hdfs://, or s3a:// with hadoop-aws on the class path: see "
                    + "docs/hdfs-and-s3.md)", e, true);
        } catch (IOException e) {
            throw failure("cannot reach the file system of", path, e);
        } catch (IllegalArgumentException e) {
            // The HDFS client reports a host it cannot resolve this way.
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw failure("cannot reach the file system of", path, unknown);
            }
            throw e;
        }
    }

    /** An I/O failure on a location as one line naming it; configuration problems are told from outages. */
    static StorageException failure(String what, Path path, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof AccessControlException) {
            return new StorageException("no permission to use " + path + ": " + message, e, true);
        }
        if (e instanceof UnknownHostException) {
            return new StorageException("unknown host in " + path + ": " + message, e, true);
        }
        boolean outage = e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException;
        return new StorageException(what + " " + path + ": " + message, e, !outage);
    }

    /**
     * Every regular file below {@code root}, sorted by path. Walks with {@code listStatus}, not
     * {@code listFiles}: the latter builds a {@code LocatedFileStatus} per file, which makes the local file system
     * read the file's owner and permissions by forking {@code ls -ld} once per file.
     */
    public List<FileStatus> listFilesRecursively(Path root) throws IOException {
        FileSystem fs = fs(root);
        List<FileStatus> files = new ArrayList<>();
        if (!fs.exists(root)) {
            throw new FileNotFoundException(root.toString());
        }
        java.util.ArrayDeque<Path> dirs = new java.util.ArrayDeque<>();
        dirs.add(root);
        while (!dirs.isEmpty()) {
            for (FileStatus status : fs.listStatus(dirs.poll())) {
                if (status.isDirectory()) {
                    dirs.add(status.getPath());
                } else if (status.isFile()) {
                    files.add(status);
                }
            }
        }
        files.sort(Comparator.comparing(s -> s.getPath().toString()));
        return files;
    }

    /**
     * Everything below {@code root} that is not a folder, without following any link: each entry says whether it
     * is a regular file, and why not when it is not (a symbolic link, a pipe, a device). Hadoop's local file system
     * lists a link as what it points at, so local folders are walked with java.nio instead; HDFS reports its own
     * links, and object stores have none.
     */
    public List<TreeEntry> listTree(Path root) throws IOException {
        FileSystem fs = fs(root);
        if (!fs.exists(root)) {
            throw new FileNotFoundException(root.toString());
        }
        List<TreeEntry> out = new ArrayList<>();
        if (fs instanceof RawLocalFileSystem local) {
            java.nio.file.Path top = local.pathToFile(root).toPath();
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
                    Path path = fs.makeQualified(new Path(file.toUri()));
                    out.add(new TreeEntry(path, attrs.size(), attrs.lastModifiedTime().toMillis(),
                            attrs.isSymbolicLink() ? "a symbolic link"
                                    : attrs.isRegularFile() ? null : "not a regular file (a pipe, socket or device)"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } else {
            java.util.ArrayDeque<Path> dirs = new java.util.ArrayDeque<>();
            dirs.add(root);
            while (!dirs.isEmpty()) {
                for (FileStatus status : fs.listStatus(dirs.poll())) {
                    if (status.isSymlink()) {
                        out.add(new TreeEntry(status.getPath(), 0, status.getModificationTime(), "a symbolic link"));
                    } else if (status.isDirectory()) {
                        dirs.add(status.getPath());
                    } else {
                        out.add(new TreeEntry(status.getPath(), status.getLen(), status.getModificationTime(), null));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(e -> e.path().toString()));
        return out;
    }

    /**
     * One entry of {@link #listTree}.
     *
     * @param notRegular why the entry is not a regular file, or null when it is one
     */
    public record TreeEntry(Path path, long size, long modified, String notRegular) {
    }

    public List<FileStatus> list(Path dir) throws IOException {
        FileSystem fs = fs(dir);
        if (!fs.exists(dir)) {
            return List.of();
        }
        List<FileStatus> out = new ArrayList<>(List.of(fs.listStatus(dir)));
        out.sort(Comparator.comparing(s -> s.getPath().getName()));
        return out;
    }

    public boolean exists(Path path) {
        try {
            return fs(path).exists(path);
        } catch (IOException e) {
            throw failure("cannot reach", path, e);
        }
    }

    public InputStream open(Path path) throws IOException {
        return fs(path).open(path);
    }

    public OutputStream create(Path path) throws IOException {
        return fs(path).create(path, true);
    }

    /**
     * Creates a file that must not exist yet, atomically: of two processes creating it at once, exactly one succeeds
     * and the other gets {@link org.apache.hadoop.fs.FileAlreadyExistsException}. Hadoop's local file system checks
     * and then creates (two steps another process can come between); a local path is created with
     * {@code O_CREAT|O_EXCL} instead. HDFS creates atomically itself.
     */
    public OutputStream createNew(Path path) throws IOException {
        if (fs(path) instanceof RawLocalFileSystem local) {
            try {
                return Files.newOutputStream(local.pathToFile(path).toPath(), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new org.apache.hadoop.fs.FileAlreadyExistsException(path + " already exists");
            }
        }
        return fs(path).create(path, false);
    }

    /**
     * Copies a file, replacing {@code to}. Between two local paths the kernel copies the bytes (they never pass
     * through the JVM, which took a 5M-row run's archive copies from about 1 CPU-second to 0.4); otherwise they are
     * streamed.
     */
    public void copy(Path from, Path to) throws IOException {
        if (fs(from) instanceof RawLocalFileSystem source && fs(to) instanceof RawLocalFileSystem target) {
            java.nio.file.Path out = target.pathToFile(to).toPath();
            Files.createDirectories(out.getParent());
            Files.copy(source.pathToFile(from).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (InputStream in = open(from); OutputStream out = create(to)) {
            in.transferTo(out);
        }
    }

    public void mkdirs(Path dir) throws IOException {
        try {
            fs(dir).mkdirs(dir);
        } catch (AccessControlException e) {
            throw failure("cannot create", dir, e);
        }
    }

    public void delete(Path path) throws IOException {
        FileSystem fs = fs(path);
        if (fs.exists(path)) {
            fs.delete(path, true);
        }
    }

    /** Renames, failing loudly: Hadoop reports many failures as {@code false}, not as an exception. */
    public void rename(Path from, Path to) throws IOException {
        FileSystem fs = fs(from);
        fs.mkdirs(to.getParent());
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    /**
     * Writes a small file so that readers see either the old content or the new: never half, and never no file.
     * The old file stays whole until the new one has replaced it in one step (see {@link #replace}), so a crash at
     * any point leaves one of the two. On an object store the new content is put straight to its key: a PUT is
     * published whole when the stream closes and replaces the old object in one step (a rename there is a copy).
     */
    public void writeAtomically(Path path, byte[] content) throws IOException {
        FileSystem fs = fs(path);
        if (OBJECT_STORES.contains(fs.getUri().getScheme())) {
            try (OutputStream out = fs.create(path, true)) {
                out.write(content);
            }
            return;
        }
        Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp-" + System.nanoTime());
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(content);
        }
        try {
            beforeReplace.run();
            replace(tmp, path);
        } catch (IOException | RuntimeException e) {
            fs.delete(tmp, false);
            throw e;
        }
    }

    /** Schemes of object stores whose PUT replaces an object whole (and whose rename is a copy, not atomic). */
    static final java.util.Set<String> OBJECT_STORES = java.util.Set.of("s3a", "gs", "oss", "cosn", "obs");

    /** Runs between writing a new file and replacing the old one: a crash point for tests. */
    private volatile Runnable beforeReplace = () -> { };

    void beforeReplace(Runnable crashPoint) {
        this.beforeReplace = crashPoint;
    }

    /**
     * Renames the file {@code from} to {@code to}, replacing any file there in one step: {@code rename(2)} on a local
     * disk, the NameNode's rename with OVERWRITE on HDFS. Hadoop's plain {@code rename} refuses an existing target
     * on HDFS and its {@code rename(..., OVERWRITE)} deletes first elsewhere, so neither is used. On any other file
     * system the old file is moved aside first and deleted only once the new one is in place: a crash in between
     * leaves it as {@code .<name>.old-*} beside the missing file, not lost.
     */
    void replace(Path from, Path to) throws IOException {
        FileSystem fs = fs(to);
        if (fs instanceof RawLocalFileSystem local) {
            Files.move(local.pathToFile(from).toPath(), local.pathToFile(to).toPath(),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else if (fs instanceof DistributedFileSystem hdfs) {
            hdfs.rename(from, to, Options.Rename.OVERWRITE);
        } else if (!fs.exists(to)) {
            rename(from, to);
        } else {
            Path aside = new Path(to.getParent(), "." + to.getName() + ".old-" + System.nanoTime());
            rename(to, aside);
            rename(from, to);
            fs.delete(aside, false);
        }
    }

    public void writeString(Path path, String content) throws IOException {
        writeAtomically(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public String readString(Path path) throws IOException {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
