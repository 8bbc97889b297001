package org.forcereturns.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forcereturns.config.ForceReturnsSettings;
import org.springframework.beans.BeanWrapperImpl;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A command-line option that sets one {@link ForceReturnsSettings} property, overriding the job file. The options
 * carry text only: Spring Boot converts and validates every setting in one place, wherever it came from. The
 * help shows the default the settings type holds.
 *
 * @param property the property under {@code force-returns.}
 * @param commands the commands that take it
 */
record SettingOption(String name, String property, String label, String description, Set<String> commands) {

    private static final Set<String> JOB = Set.of("run", "rebuild");
    private static final Set<String> PROCESS = Set.of("run", "rebuild", "restart");
    /** Process settings a worker needs too: its deliveries are ingested as the manager's would be. */
    private static final Set<String> WORKER_TOO = Set.of("run", "rebuild", "restart", "worker");

    static final List<SettingOption> ALL = List.of(
            new SettingOption("--inbox", "inbox", "URI", "folder of force returns (local path, file:, hdfs:, s3a:)",
                    Set.of("run")),
            new SettingOption("--warehouse", "warehouse", "URI", "where the tables, raw archive and state live",
                    Set.of("run", "rebuild", "report")),
            new SettingOption("--run-date", "run-date", "YYYY-MM-DD",
                    "the run date: later dates are out of range (default: today)", JOB),
            new SettingOption("--scope", "scope", "CODES", "offence codes counted, comma-separated (default: the "
                    + "in_scope codes of offence-codes.csv, the reference folder's or the bundled one)", JOB),
            new SettingOption("--reject-threshold", "reject-threshold", "X",
                    "quarantine a file whose rejected share of rows is above X", JOB),
            new SettingOption("--min-cell-size", "publish.min-cell-size", "N", "publish force-level counts from 1 to "
                    + "N-1 as null, flagged suppressed (0: off; job file: publish: min-cell-size)", JOB),
            new SettingOption("--threads", "threads", "N", "deliveries ingested in parallel", WORKER_TOO),
            new SettingOption("--commit-interval", "commit-interval", "N",
                    "rows of a delivery written per chunk (one transaction in the JobRepository)", WORKER_TOO),
            new SettingOption("--reference", "reference", "DIR", "folder of reference files (forces.csv, "
                    + "platforms.csv, platform-aliases.csv, header-aliases.csv, offence-codes.csv) replacing the "
                    + "bundled ones", WORKER_TOO),
            new SettingOption("--lock-lease", "lock-lease", "SECONDS", "the warehouse lease: a run that died (any "
                    + "host, any container) is taken over this long after its last heartbeat", PROCESS),
            new SettingOption("--metrics-textfile", "metrics-textfile", "PATH",
                    "Prometheus textfile written at the end of every run", PROCESS),
            new SettingOption("--log-format", "log-format", "text|json",
                    "json: one JSON object per log line (Spring Boot's structured logging)", WORKER_TOO),
            new SettingOption("--partitioning", "partitioning", "local|remote", "remote: the deliveries are "
                    + "ingested by worker processes (the worker command) over RabbitMQ (spring.rabbitmq.*)", PROCESS),
            new SettingOption("--worker-timeout", "worker-timeout", "DURATION", "remote partitioning: deliveries no "
                    + "worker has finished this long after they were sent fail the run (e.g. 30s, 5m)", PROCESS),
            new SettingOption("--partition-queue", "partition-queue", "NAME", "remote partitioning: the RabbitMQ "
                    + "queue of partition requests, one per JobRepository", WORKER_TOO),
            new SettingOption("--progress-interval", "progress-interval", "SECONDS",
                    "log progress this often (default: a live line on a terminal, else every 10 seconds)", PROCESS));

    /** Adds the options each command takes to its spec. */
    static void addTo(CommandSpec command) {
        for (SettingOption o : ALL) {
            if (o.commands.contains(command.name())) {
                command.addOption(OptionSpec.builder(o.name).paramLabel(o.label).type(String.class)
                        .description(o.description + defaultText(o.property)).userObject(o).build());
            }
        }
    }

    /** The settings given on this command line, as {@code force-returns.*} properties. */
    static Map<String, Object> given(ParseResult command) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (OptionSpec option : command.matchedOptions()) {
            if (option.userObject() instanceof SettingOption o) {
                properties.put("force-returns." + o.property, command.matchedOptionValue(o.name, ""));
            }
        }
        return properties;
    }

    /** The option that sets a property, if there is one: to name it in an error message. */
    static String optionFor(String property) {
        return ALL.stream().filter(o -> ("force-returns." + o.property).equals(property)).map(SettingOption::name)
                .findFirst().orElse(null);
    }

    private static String defaultText(String property) {
        Object value = new BeanWrapperImpl(new ForceReturnsSettings()).getPropertyValue(camelCase(property));
        if (value == null) {
            return "";
        }
        String text = value instanceof Duration d ? Long.toString(d.toSeconds())
                : value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value.toString();
        return " (default: " + text + ")";
    }

    private static String camelCase(String property) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : property.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
