package org.forcereturns.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.forcereturns.storage.Storage;
import org.forcereturns.testing.MiniHdfs;
import org.forcereturns.testing.WarehouseComparison;

/**
 * Adobe's S3Mock (an S3-compatible server in one runnable jar, copied into target/ by the build) run as a child
 * process on 127.0.0.1 only, with its objects in a temporary folder. Started, waited on until it answers, and
 * killed by the test that uses it.
 */
final class S3Mock implements AutoCloseable {

    /** Any key pair: S3Mock checks no signature, but the AWS SDK signs every request. */
    static final String ACCESS_KEY = "s3it-access";
    static final String SECRET_KEY = "s3it-secret";

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Storage client;
    private final List<String> buckets = new java.util.ArrayList<>();

    private S3Mock(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static S3Mock start(Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("s3mock-store"));
        Path log = dir.resolve("s3mock.log");
        int port = freeLoopbackPort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dloader.path=" + initializerFolder(dir), "-cp", jar().toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                // HTTPS (S3Mock's main connector): a random port, loopback only; unused here.
                "--server.address=127.0.0.1", "--server.port=0",
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--spring.main.banner-mode=off");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3Mock mock = new S3Mock(process, log, port);
        mock.awaitAnswer(Duration.ofSeconds(90));
        return mock;
    }

    /** Where {@link #startWithSample} puts the bundled sample inbox. */
    static final String SAMPLE_INBOX = "s3a://inbox/returns";

    /** Started, with the buckets {@code inbox} and {@code warehouse}, the sample inbox in the first. */
    static S3Mock startWithSample(Path dir) throws Exception {
        S3Mock mock = start(dir);
        mock.createBucket("inbox");
        mock.createBucket("warehouse");
        mock.upload(Path.of("src/sample/inbox"), SAMPLE_INBOX);
        return mock;
    }

    /** The copy made by the build (pre-integration-test), else the one in the local Maven repository. */
    private static Path jar() {
        for (String property : List.of("s3mock.jar", "s3mock.repository.jar")) {
            String location = System.getProperty(property);
            if (location != null && Files.isRegularFile(Path.of(location))) {
                return Path.of(location);
            }
        }
        throw new IllegalStateException("S3Mock's jar is missing: run `mvn dependency:copy@s3mock` (or `mvn verify`)");
    }

    /**
     * A folder holding only {@link S3MockLoopbackOnly}'s class file and the {@code spring.factories} naming it:
     * S3Mock is given nothing else of ours.
     */
    private static Path initializerFolder(Path dir) throws IOException {
        String resource = S3MockLoopbackOnly.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve("s3mock-classes").resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = S3MockLoopbackOnly.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path factories = dir.resolve("s3mock-classes/META-INF/spring.factories");
        Files.createDirectories(factories.getParent());
        Files.writeString(factories, "org.springframework.context.ApplicationContextInitializer="
                + S3MockLoopbackOnly.class.getName() + "\n");
        return dir.resolve("s3mock-classes");
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitAnswer(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("S3Mock did not answer within " + timeout + ":\n" + output());
            }
            Thread.sleep(200);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    void createBucket(String bucket) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("cannot create the bucket " + bucket + ": " + r.statusCode() + " " + r.body());
        }
        buckets.add(bucket);
    }

    /**
     * The job file's {@code hadoop:} settings for this endpoint: no credentials (the job takes them from the
     * environment, see {@link #credentials()}).
     */
    Map<String, String> hadoopSettings() {
        return hadoopSettings(endpoint());
    }

    static Map<String, String> hadoopSettings(String endpoint) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3a.endpoint", endpoint);
        s.put("fs.s3a.endpoint.region", "us-east-1");
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        return s;
    }

    /** The environment of a job process: S3A's default credential chain reads these. */
    static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** The settings for this JVM's own S3A client (test set-up and checks): credentials included. */
    Map<String, String> clientSettings() {
        Map<String, String> s = new LinkedHashMap<>(hadoopSettings());
        s.put("fs.s3a.access.key", ACCESS_KEY);
        s.put("fs.s3a.secret.key", SECRET_KEY);
        return s;
    }

    /** This JVM's own S3A client of this server (test set-up and checks). */
    synchronized Storage client() {
        if (client == null) {
            client = new Storage(clientSettings());
        }
        return client;
    }

    /**
     * Copies a local folder to S3, file by file, through Storage (S3A's own copyFromLocalFile wants Hadoop's
     * checksummed local file system, which Storage replaces).
     */
    void upload(Path folder, String target) throws Exception {
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                client().copy(MiniHdfs.hadoopPath(file), client().resolve(target + "/"
                        + folder.relativize(file).toString().replace('\\', '/')));
            }
        }
    }

    /** Copies every published table of an S3 warehouse to local disk for DuckDB. */
    Path copyTablesBack(String warehouse, Path local) throws Exception {
        Files.createDirectories(local);
        for (String table : WarehouseComparison.TABLES) {
            org.apache.hadoop.fs.Path source = client().resolve(warehouse + "/" + table);
            String prefix = source.toString() + "/";
            for (FileStatus f : client().listFilesRecursively(source)) {
                client().copy(f.getPath(), MiniHdfs.hadoopPath(local.resolve(table)
                        .resolve(f.getPath().toString().substring(prefix.length()))));
            }
        }
        return local;
    }

    /** Writes a job file whose {@code hadoop:} map holds {@code settings}; inbox and warehouse come as options. */
    static Path jobFile(Path file, Map<String, String> settings) throws IOException {
        StringBuilder yaml = new StringBuilder("hadoop:\n");
        settings.forEach((k, v) -> yaml.append("  ").append(k).append(": \"").append(v).append("\"\n"));
        return Files.writeString(file, yaml);
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        // Hadoop caches a client per bucket for the whole JVM: the next test's S3Mock (another port) needs new ones.
        if (client != null) {
            for (String bucket : buckets) {
                client.resolve("s3a://" + bucket + "/").getFileSystem(client.configuration()).close();
            }
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
