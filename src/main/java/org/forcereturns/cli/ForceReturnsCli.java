package org.forcereturns.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.forcereturns.logging.Printable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line (picocli): parses it, answers {@code --help} and usage errors before anything starts, then runs
 * the command inside a Spring application whose exit code (Spring Boot's {@code ExitCodeGenerator}) is the
 * process's exit status. Arguments starting with {@code --spring.}, {@code --logging.} or {@code --force-returns.}
 * go to Spring Boot unchanged.
 */
public final class ForceReturnsCli {

    static final String NAME = "force-returns-etl";
    private static final List<String> SPRING_PREFIXES = List.of("--spring.", "--logging.", "--force-returns.");

    final PrintStream out;
    final PrintStream err;
    /** Counted down when the command has finished and released everything, so a SIGTERM hook can wait for it. */
    final CountDownLatch finished = new CountDownLatch(1);
    private final Failures failures;
    private final List<String> springArgs = new ArrayList<>();

    public ForceReturnsCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.failures = new Failures(err);
    }

    public int run(String[] args) {
        try {
            List<String> own = new ArrayList<>();
            for (String arg : args) {
                (SPRING_PREFIXES.stream().anyMatch(arg::startsWith) ? springArgs : own).add(arg);
            }
            return commandLine().execute(own.toArray(String[]::new));
        } finally {
            finished.countDown();
        }
    }

    /** The name of the command these arguments run (for checking recipes), or a usage error. */
    public static String commandOf(String... args) {
        CommandLine.ParseResult parsed = new ForceReturnsCli(System.out, System.err).commandLine().parseArgs(
                List.of(args).stream().filter(a -> SPRING_PREFIXES.stream().noneMatch(a::startsWith))
                        .toArray(String[]::new));
        return parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : NAME;
    }

    CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Commands.Top());
        for (Object command : List.of(new Commands.Run(this), new Commands.Restart(this), new Commands.Rebuild(this),
                new Commands.Status(this), new Commands.Report(this), new Commands.Worker(this))) {
            cl.addSubcommand(command);
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.getSubcommands().values().forEach(sub -> SettingOption.addTo(sub.getCommandSpec()));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((e, args) -> usageError(e));
        cl.setExecutionExceptionHandler((e, command, parsed) -> failures.exitStatus(e));
        return cl;
    }

    /** One line naming what is wrong, picocli's suggestion if it has one, and where help is. */
    private int usageError(ParameterException e) {
        CommandLine where = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.isUnknownOption() && where.getParent() == null
                && !u.getUnmatched().isEmpty()) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        String help = where.getParent() == null ? "--help" : where.getCommandName() + " --help";
        err.println(NAME + ": " + Printable.escape(message) + " (see " + help + ")");
        return ExitStatus.USAGE;
    }

    /**
     * Runs a command inside a Spring application: the job file and the options given become its configuration,
     * {@code work} runs as its {@code ApplicationRunner}, and its exit code is the command's.
     */
    int inSpring(Class<?> source, PropertySource<?> jobFile, Map<String, Object> options, CommandRunner.Work work) {
        return inSpring(source, false, jobFile, options, work);
    }

    /** @param usesBroker whether the command always uses the broker, whatever its partitioning setting */
    int inSpring(Class<?> source, boolean usesBroker, PropertySource<?> jobFile, Map<String, Object> options,
                 CommandRunner.Work work) {
        CommandEnvironment environment = new CommandEnvironment(options, jobFile, usesBroker);
        CommandRunner runner = new CommandRunner(work, failures);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(source)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .listeners(environment)
                    .initializers(runner::attachTo)
                    .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            return failures.startup(e, environment.datasourceUrl());
        }
        return SpringApplication.exit(context);
    }
}
