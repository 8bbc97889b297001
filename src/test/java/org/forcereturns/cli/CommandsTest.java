package org.forcereturns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.forcereturns.storage.StorageException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.integration.dsl.IntegrationFlow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Help for each command, picocli's suggestions on typos, and exit statuses through Spring Boot's ExitCodeGenerator. */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ForceReturnsCli cli = new ForceReturnsCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of(new String[0], 0, "Usage: force-returns-etl [-hV] <command>"),
                Arguments.of(new String[] {"--help"}, 0, "Commands:"),
                Arguments.of(new String[] {"--version"}, 0, "force-returns-etl "),
                Arguments.of(new String[] {"run", "--help"}, 0, "Usage: force-returns-etl run "),
                Arguments.of(new String[] {"restart", "--help"}, 0, "--execution=ID"),
                Arguments.of(new String[] {"rebuild", "--help"}, 0, "Usage: force-returns-etl rebuild "),
                Arguments.of(new String[] {"status", "--help"}, 0, "--limit=N"),
                Arguments.of(new String[] {"report", "--help"}, 0, "--format=html|text"),
                Arguments.of(new String[] {"help", "run"}, 0, "Usage: force-returns-etl run "),
                Arguments.of(new String[] {"rebuid"}, 2, "unknown command 'rebuid'; did you mean rebuild"),
                Arguments.of(new String[] {"run", "--inbx", "x"}, 2, "did you mean --inbox? (see run --help)"),
                Arguments.of(new String[] {"restart", "--inbox", "x"}, 2, "Unknown options: '--inbox', 'x'"),
                Arguments.of(new String[] {"restart", "--execution", "x"}, 2, "'x' is not a long"),
                Arguments.of(new String[] {"run", "--threads"}, 2, "Missing required parameter for option '--threads'"),
                Arguments.of(new String[] {"generate-sample"}, 2, "unknown command 'generate-sample'"),
                Arguments.of(new String[] {"report", "--format", "pdf"}, 2, "--format"),
                Arguments.of(new String[] {"report"}, 2, "missing --warehouse"),
                Arguments.of(new String[] {"report", "--warehouse", "/no/such/warehouse"}, 2,
                        "the warehouse file:/no/such/warehouse does not exist"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void eachCommandLineHasItsExitStatusAndText(String[] args, int status, String text) {
        assertThat(cli.run(args)).as(out + "\n" + err).isEqualTo(status);

        String shown = status == 0 ? out.toString() : err.toString();
        assertThat(shown).contains(text);
        if (status != 0) {
            assertThat(shown.lines()).hasSize(1);
        }
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of((CommandRunner.Work) c -> ExitStatus.SUCCESS, 0, ""),
                Arguments.of((CommandRunner.Work) c -> ExitStatus.FAILED, 1, ""),
                Arguments.of((CommandRunner.Work) c -> ExitStatus.QUARANTINED, 3, ""),
                Arguments.of((CommandRunner.Work) c -> ExitStatus.BUSY, 4, ""),
                Arguments.of((CommandRunner.Work) c -> {
                    throw new UsageException("missing --inbox");
                }, 2, "force-returns-etl: missing --inbox"),
                Arguments.of((CommandRunner.Work) c -> {
                    throw new StorageException("no file system for the scheme \"foo:\"", null, true);
                }, 2, "force-returns-etl: no file system"),
                Arguments.of((CommandRunner.Work) c -> {
                    throw new StorageException("the NameNode does not answer", null, false);
                }, 1, "force-returns-etl: the NameNode"),
                Arguments.of((CommandRunner.Work) c -> {
                    throw new IllegalStateException("disk full\n\tat somewhere");
                }, 1, "force-returns-etl: failed: disk full"));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void theCommandsOutcomeIsTheApplicationsExitCode(CommandRunner.Work work, int status, String line) {
        assertThat(cli.inSpring(SettingsConfiguration.class, null, Map.of(), work)).isEqualTo(status);

        assertThat(err.toString().strip()).startsWith(line);
        assertThat(err.toString().lines().count()).isLessThanOrEqualTo(1);
    }

    static Stream<Arguments> brokerUsers() {
        // A run with --partitioning remote has both too: RemotePartitioningIT (it needs a shared JobRepository).
        return Stream.of(
                Arguments.of(ForceReturnsApplication.class, false, Map.of(), false),
                Arguments.of(ForceReturnsApplication.class, false, Map.of("force-returns.partitioning", "local"), false),
                Arguments.of(Commands.WorkerApplication.class, true, Map.of(), true));
    }

    /** A local run starts neither a RabbitMQ client nor Spring Integration; a worker both. */
    @ParameterizedTest
    @MethodSource("brokerUsers")
    void onlyTheProcessesThatUseTheBrokerHaveItsClient(Class<?> application, boolean worker,
                                                       Map<String, Object> settings, boolean broker,
                                                       @TempDir Path dir) {
        Map<String, Object> options = new java.util.HashMap<>(settings);
        options.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("jobrepo") + ";USER=sa");
        boolean[] seen = new boolean[2];
        int status = cli.inSpring(application, worker, null, options, context -> {
            seen[0] = context.getBeanNamesForType(ConnectionFactory.class).length > 0;
            seen[1] = context.getBeanNamesForType(IntegrationFlow.class).length > 0;
            return ExitStatus.SUCCESS;
        });

        assertThat(status).as(err.toString()).isZero();
        assertThat(seen).containsExactly(broker, broker);
    }
}
