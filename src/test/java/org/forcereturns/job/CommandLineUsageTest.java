package org.forcereturns.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.forcereturns.cli.ExitStatus;
import org.forcereturns.testing.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad usage exits 2 with a one-line message that says what to change, before anything is started. */
class CommandLineUsageTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(new String[] {"frobnicate"}, "unknown command 'frobnicate'"),
                Arguments.of(new String[] {"run", "--warehouse", "/tmp/x"}, "missing --inbox"),
                Arguments.of(new String[] {"run", "--inbox", "/definitely/not/here", "--warehouse", "/tmp/x"},
                        "/definitely/not/here does not exist"),
                Arguments.of(new String[] {"run", "--inbox", ".", "--warehouse", "/tmp/x", "--run-date", "29/11/2026"},
                        "--run-date must be YYYY-MM-DD"),
                Arguments.of(new String[] {"run", "--inbox", ".", "--warehouse", "/tmp/x", "--scope", "86/2,banana"},
                        "bad offence-code scope"),
                Arguments.of(new String[] {"run", "--inbox", ".", "--warehouse", "/tmp/x", "--reject-threshold", "2"},
                        "between 0 and 1"),
                Arguments.of(new String[] {"run", "--colour", "red"}, "Unknown options: '--colour'"),
                Arguments.of(new String[] {"run", "--job", "/no/such/job.yml"}, "job file /no/such/job.yml does not exist"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void exitsTwoWithAClearMessage(String[] args, String message) {
        Cli.Result result = new Cli(dir).run(args);

        assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(result.err()).contains(message);
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void helpExplainsEveryOption() {
        StringBuilder help = new StringBuilder();
        for (String command : new String[] {"run", "restart", "rebuild", "status", "report"}) {
            Cli.Result result = new Cli(dir).run(command, "--help");
            assertThat(result.status()).isZero();
            help.append(result.out());
        }
        for (String option : new String[] {"--job", "--inbox", "--warehouse", "--run-date", "--scope",
                "--reject-threshold", "--threads", "--reference", "--min-cell-size", "--execution", "--limit", "spring.datasource.url"}) {
            assertThat(help).contains(option);
        }
    }
}
