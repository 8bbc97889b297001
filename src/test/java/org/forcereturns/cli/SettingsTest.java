package org.forcereturns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.forcereturns.config.ForceReturnsSettings;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ParseResult;

/**
 * The settings a command binds: defaults, the job file, then options (table-driven), and one clear line with exit
 * status 2 for a bad value, naming the option or the job file's line.
 */
class SettingsTest {

    @TempDir
    static Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ForceReturnsCli cli = new ForceReturnsCli(System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private ForceReturnsSettings bound;

    /** Binds {@code run}'s settings from a job file (null: none) and options, as the command does. */
    private int bind(String jobFile, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run"));
        if (jobFile != null) {
            Path job = Files.createDirectories(dir.resolve("jobs")).resolve("job.yml");
            Files.writeString(job, jobFile);
            args.addAll(List.of("--job", job.toString()));
        }
        args.addAll(List.of(options));
        ParseResult parsed = cli.commandLine().parseArgs(args.toArray(String[]::new)).subcommand();
        try {
            var source = parsed.hasMatchedOption("--job") ? JobFile.load(parsed.matchedOptionValue("--job", null)) : null;
            return cli.inSpring(SettingsConfiguration.class, source, SettingOption.given(parsed), context -> {
                bound = context.getBean(ForceReturnsSettings.class);
                return ExitStatus.SUCCESS;
            });
        } catch (RuntimeException e) {
            return new Failures(new PrintStream(err, true, StandardCharsets.UTF_8)).exitStatus(e);
        }
    }

    static Stream<Arguments> precedence() {
        Path jobs = dir.resolve("jobs");
        return Stream.of(
                Arguments.of(null, new String[0], (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getThreads, 2),
                Arguments.of("threads: 3", new String[0], (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getThreads, 3),
                Arguments.of("threads: 3", new String[] {"--threads", "5"},
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getThreads, 5),
                Arguments.of("commit-interval: 100", new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getCommitInterval, 100),
                Arguments.of("reject-threshold: 0.5", new String[] {"--reject-threshold=0.25"},
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getRejectThreshold, 0.25),
                Arguments.of("inbox: ../in", new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getInbox, dir.resolve("in").toString()),
                Arguments.of("inbox: hdfs://nn:8020/in", new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getInbox, "hdfs://nn:8020/in"),
                Arguments.of("inbox: ../in", new String[] {"--inbox", "here"},
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getInbox, "here"),
                Arguments.of("metrics-textfile: m.prom", new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getMetricsTextfile,
                        jobs.resolve("m.prom").toString()),
                Arguments.of("publish:\n  min-cell-size: 10", new String[0],
                        (Function<ForceReturnsSettings, Object>) s -> s.getPublish().getMinCellSize(), 10L),
                Arguments.of("publish:\n  min-cell-size: 10", new String[] {"--min-cell-size", "5"},
                        (Function<ForceReturnsSettings, Object>) s -> s.getPublish().getMinCellSize(), 5L),
                Arguments.of("lock-lease: 30", new String[0],
                        (Function<ForceReturnsSettings, Object>) s -> s.getLockLease().toSeconds(), 30L),
                Arguments.of("lock-lease: 30", new String[] {"--lock-lease", "2m"},
                        (Function<ForceReturnsSettings, Object>) s -> s.getLockLease().toSeconds(), 120L),
                Arguments.of(null, new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getPartitioning,
                        ForceReturnsSettings.Partitioning.LOCAL),
                Arguments.of("partitioning: remote", new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getPartitioning,
                        ForceReturnsSettings.Partitioning.REMOTE),
                Arguments.of("partitioning: remote", new String[] {"--partitioning", "local"},
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getPartitioning,
                        ForceReturnsSettings.Partitioning.LOCAL),
                Arguments.of(null, new String[0],
                        (Function<ForceReturnsSettings, Object>) s -> s.getWorkerTimeout().toSeconds(), 300L),
                Arguments.of("worker-timeout: 30s", new String[0],
                        (Function<ForceReturnsSettings, Object>) s -> s.getWorkerTimeout().toSeconds(), 30L),
                Arguments.of("worker-timeout: 30s", new String[] {"--worker-timeout", "5m"},
                        (Function<ForceReturnsSettings, Object>) s -> s.getWorkerTimeout().toSeconds(), 300L),
                Arguments.of("partition-queue: etl-prod", new String[0],
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getPartitionQueue, "etl-prod"),
                Arguments.of("run-date: 2024-12-31", new String[0],
                        (Function<ForceReturnsSettings, Object>) s -> s.getRunDate().toString(), "2024-12-31"),
                Arguments.of("log-format: json", new String[] {"--log-format", "text"},
                        (Function<ForceReturnsSettings, Object>) ForceReturnsSettings::getLogFormat,
                        ForceReturnsSettings.LogFormat.TEXT),
                Arguments.of("hadoop:\n  fs.defaultFS: hdfs://nn:8020\n  dfs.client.use.datanode.hostname: true",
                        new String[0], (Function<ForceReturnsSettings, Object>) s -> s.getHadoop().toString(),
                        "{fs.defaultFS=hdfs://nn:8020, dfs.client.use.datanode.hostname=true}"),
                Arguments.of(null, new String[0],
                        (Function<ForceReturnsSettings, Object>) s -> s.offenceScope().codes().toString(),
                        "[86/2, 86/10, 86/15]"),
                Arguments.of("scope: [\"86/2\"]", new String[] {"--scope", "86/10,86/15"},
                        (Function<ForceReturnsSettings, Object>) s -> s.offenceScope().codes().toString(),
                        "[86/10, 86/15]"));
    }

    @ParameterizedTest
    @MethodSource("precedence")
    void optionsOverrideTheJobFileWhichOverridesTheDefaults(String jobFile, String[] options,
                                                            Function<ForceReturnsSettings, Object> setting,
                                                            Object expected) throws Exception {
        assertThat(bind(jobFile, options)).as(err.toString()).isZero();

        assertThat(setting.apply(bound)).isEqualTo(expected);
    }

    /** The scope's default is the in_scope column of offence-codes.csv: the reference folder's when it has one. */
    @org.junit.jupiter.api.Test
    void theDefaultScopeComesFromTheReferenceFoldersOffenceCodes() throws Exception {
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(reference.resolve("offence-codes.csv"),
                "offence_code,in_scope,description,legislation\n86/2,true,a,b\n86/10,false,c,d\n86/11,true,e,f\n");

        assertThat(bind(null, "--reference", reference.toString())).as(err.toString()).isZero();

        assertThat(bound.offenceScope().codes().toString()).isEqualTo("[86/2, 86/11]");
    }

    static Stream<Arguments> badSettings() {
        String job = "job file " + dir.resolve("jobs/job.yml");
        return Stream.of(
                Arguments.of(null, new String[] {"--threads", "0"}, "--threads must be at least 1, not 0"),
                Arguments.of("threads: 0", new String[0], "threads (" + job + ", line 1) must be at least 1, not 0"),
                Arguments.of("\nthreads: many", new String[0],
                        "threads (" + job + ", line 2) must be a whole number, not 'many'"),
                Arguments.of(null, new String[] {"--threads", "many"}, "--threads must be a whole number, not 'many'"),
                Arguments.of(null, new String[] {"--run-date", "2024-13-01"},
                        "--run-date must be YYYY-MM-DD, not '2024-13-01'"),
                Arguments.of(null, new String[] {"--log-format", "xml"}, "--log-format must be one of text, json, not 'xml'"),
                Arguments.of("reject-threshold: 1.5", new String[0],
                        "reject-threshold (" + job + ", line 1) must be between 0 and 1, not 1.5"),
                Arguments.of(null, new String[] {"--lock-lease", "0"}, "--lock-lease must be at least 1 second"),
                Arguments.of(null, new String[] {"--worker-timeout", "0s"}, "--worker-timeout must be at least 1 second"),
                Arguments.of("worker-timeout: soon", new String[0], "worker-timeout (" + job + ", line 1) must be a "
                        + "number of seconds (or a duration such as 2m), not 'soon'"),
                Arguments.of(null, new String[] {"--partitioning", "cloud"},
                        "--partitioning must be one of local, remote, not 'cloud'"),
                Arguments.of(null, new String[] {"--min-cell-size", "-1"}, "--min-cell-size cannot be negative"),
                Arguments.of(null, new String[] {"--scope", "86/2,banana"},
                        "--scope: bad offence-code scope: not an offence code: 'banana'"),
                Arguments.of(null, new String[] {"--reference", "/no/such/folder"},
                        "--reference: the reference folder /no/such/folder does not exist"),
                Arguments.of("threads: 2\ncolour: red", new String[0], "unknown setting 'colour' (" + job + ", line 2)"),
                Arguments.of("publish:\n  colour: red", new String[0],
                        "unknown setting 'publish.colour' (" + job + ", line 2)"),
                Arguments.of("threads: [", new String[0], job + " cannot be read"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsOneLineAndExitTwo(String jobFile, String[] options, String message) throws Exception {
        assertThat(bind(jobFile, options)).isEqualTo(ExitStatus.USAGE);

        assertThat(err.toString()).startsWith("force-returns-etl: ").contains(message);
        assertThat(err.toString().lines()).hasSize(1);
    }
}
