package org.forcereturns.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.report.HtmlReport;
import org.forcereturns.report.ReportData;
import org.forcereturns.report.TextReport;
import org.forcereturns.storage.Storage;
import org.springframework.core.env.PropertySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The commands. Each parses its own options; the settings options are added from {@link SettingOption}. */
final class Commands {

    private static final String DATABASE = """

            Settings come from the job file (--job), overridden by FORCE_RETURNS_*
            environment variables, --force-returns.<setting>=... arguments and the
            options above, in that order.
            The JobRepository is an embedded H2 file database under var/ unless
            Spring Boot's spring.datasource.* properties (or SPRING_DATASOURCE_*
            variables) say otherwise, e.g.
              --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test
              --spring.datasource.username=postgres""";

    private static final String EXIT_STATUS = """

            Exit status: 0 success; 1 failed (restartable);
                         2 bad usage or configuration;
                         3 completed, but some file was quarantined;
                         4 another run holds the warehouse (nothing done).""";

    private Commands() {
    }

    @Command(name = ForceReturnsCli.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Validate, normalise and publish police force returns of CSA image offences.",
            synopsisSubcommandLabel = "<command>", commandListHeading = "%nCommands:%n",
            footer = {"%nRun '" + ForceReturnsCli.NAME + " <command> --help' for a command's options.",
                    DATABASE, EXIT_STATUS})
    static final class Top implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitStatus.SUCCESS;
        }
    }

    /** Commands that read settings: the job file and the options, bound in a Spring application. */
    abstract static class WithSettings implements Callable<Integer> {

        final ForceReturnsCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--job", paramLabel = "FILE",
                description = "job file (YAML) of settings; the options below override it")
        Path job;

        WithSettings(ForceReturnsCli cli) {
            this.cli = cli;
        }

        /** The Spring application this command runs in. */
        Class<?> application() {
            return ForceReturnsApplication.class;
        }

        @Override
        public Integer call() {
            PropertySource<?> jobFile = job == null ? null : JobFile.load(job);
            Map<String, Object> options = SettingOption.given(spec.commandLine().getParseResult());
            return cli.inSpring(application(), usesBroker(), jobFile, options,
                    context -> work(context, context.getBean(ForceReturnsSettings.class)));
        }

        abstract int work(org.springframework.context.ApplicationContext context, ForceReturnsSettings settings)
                throws Exception;

        /** Whether this command always takes work from the broker (else only with {@code --partitioning remote}). */
        boolean usesBroker() {
            return false;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, footer = {DATABASE, EXIT_STATUS},
            description = "Ingest every new return in the inbox and republish the tables.")
    static class Run extends WithSettings {

        Run(ForceReturnsCli cli) {
            super(cli);
        }

        @Override
        final int work(org.springframework.context.ApplicationContext context, ForceReturnsSettings settings)
                throws Exception {
            return new JobCommands(context, settings, cli).run(this instanceof Rebuild);
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true, footer = {DATABASE, EXIT_STATUS},
            description = {"Re-read every delivery from the raw archive with the current reference data.",
                    "For instance after adding a platform alias; the tables are republished."})
    static final class Rebuild extends Run {

        Rebuild(ForceReturnsCli cli) {
            super(cli);
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, footer = {DATABASE, EXIT_STATUS},
            description = {"Continue the last failed run (or --execution ID) where it stopped.",
                    "It keeps the settings the run started with; pass the same --job for its hadoop: settings."})
    static final class Restart extends WithSettings {

        @Option(names = "--execution", paramLabel = "ID", description = "the job execution to restart")
        Long execution;

        Restart(ForceReturnsCli cli) {
            super(cli);
        }

        @Override
        int work(org.springframework.context.ApplicationContext context, ForceReturnsSettings settings)
                throws Exception {
            return new JobCommands(context, settings, cli).restart(execution);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, footer = DATABASE,
            description = "List recent runs: state, files, rows, rejects, duration, exit status.")
    static final class Status extends WithSettings {

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
                description = "how many runs to list (default: ${DEFAULT-VALUE})")
        int limit;

        Status(ForceReturnsCli cli) {
            super(cli);
        }

        @Override
        int work(org.springframework.context.ApplicationContext context, ForceReturnsSettings settings) {
            return new JobCommands(context, settings, cli).status(limit);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, footer = EXIT_STATUS,
            description = {"Write report.html again from the published tables.",
                    "With --format text, print the headline and quality summary instead."})
    static final class Report extends WithSettings {

        enum Format { html, text }

        @Option(names = "--format", paramLabel = "html|text", defaultValue = "html",
                description = "html (default) or text")
        Format format;

        Report(ForceReturnsCli cli) {
            super(cli);
        }

        /** No JobRepository: the settings only. */
        @Override
        Class<?> application() {
            return SettingsConfiguration.class;
        }

        @Override
        int work(org.springframework.context.ApplicationContext context, ForceReturnsSettings settings)
                throws Exception {
            if (settings.getWarehouse() == null) {
                throw new UsageException("missing --warehouse URI (or warehouse: in the job file)");
            }
            Storage storage = new Storage(settings.getHadoop());
            org.apache.hadoop.fs.Path root = storage.resolve(settings.getWarehouse());
            if (!storage.exists(root)) {
                throw new UsageException("the warehouse " + root + " does not exist");
            }
            ReportData data = ReportData.read(storage, root);
            if (format == Format.text) {
                cli.out.print(TextReport.render(data));
            } else {
                HtmlReport.write(storage, root, data);
                cli.out.println("report written to " + new org.apache.hadoop.fs.Path(root, HtmlReport.FILE_NAME));
            }
            return ExitStatus.SUCCESS;
        }
    }

    @Command(name = "worker", mixinStandardHelpOptions = true, footer = {DATABASE, """

            The broker is set with Spring Boot's spring.rabbitmq.* properties
            (default localhost:5672, guest/guest). Give the same --reference as the
            runs. SIGTERM stops taking deliveries and lets those in hand finish.
            See docs/scale-out.md."""},
            description = {"Ingest deliveries for runs with --partitioning remote, until stopped.",
                    "Takes partition requests from RabbitMQ; shares the runs' JobRepository and warehouse."})
    static final class Worker extends WithSettings {

        Worker(ForceReturnsCli cli) {
            super(cli);
        }

        @Override
        Class<?> application() {
            return WorkerApplication.class;
        }

        @Override
        boolean usesBroker() {
            return true;
        }

        @Override
        int work(org.springframework.context.ApplicationContext context, ForceReturnsSettings settings)
                throws Exception {
            return org.forcereturns.partitioning.Worker.serve(context, settings, cli.err, ForceReturnsCli.NAME,
                    cli.finished);
        }
    }

    /** The worker's application: the job's, plus the intake of partition requests. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import({ForceReturnsApplication.class,
            org.forcereturns.partitioning.PartitionMessaging.class, org.forcereturns.partitioning.WorkerIntake.class})
    static class WorkerApplication {
    }

    /** {@code --version}: the release the jar was built as. */
    static final class Version implements picocli.CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = ForceReturnsCli.class.getPackage().getImplementationVersion();
            return new String[] {ForceReturnsCli.NAME + " " + (version == null ? "dev" : version)};
        }
    }
}
