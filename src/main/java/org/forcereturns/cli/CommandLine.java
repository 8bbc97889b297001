package org.forcereturns.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code <command> [--option value | --option=value]...}. Options starting with {@code --spring.} or
 * {@code --logging.} are passed to Spring Boot unchanged.
 */
public record CommandLine(String command, Map<String, String> options, List<String> springArgs) {

    public static final Set<String> COMMANDS = Set.of("run", "restart", "rebuild", "status", "report",
            "schedule", "help");
    private static final Set<String> OPTIONS = Set.of("job", "inbox", "warehouse", "run-date", "scope",
            "reject-threshold", "threads", "reference", "min-cell-size", "metrics-textfile", "log-format", "format", "progress-interval", "cron",
            "metrics-port", "max-runs", "lock-lease", "execution", "limit");
    private static final Set<String> FLAGS = Set.of("help");

    public static CommandLine parse(String[] args) {
        if (args.length == 0) {
            return new CommandLine("help", Map.of(), List.of());
        }
        String command = args[0];
        int start = 1;
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        } else if (!COMMANDS.contains(command)) {
            throw new UsageException("unknown command '" + command + "'; commands: run, restart, rebuild, status, "
                    + "report, schedule (see --help)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = start; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            }
            if (arg.startsWith("--spring.") || arg.startsWith("--logging.") || arg.startsWith("--force-returns.")) {
                spring.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new UsageException("unknown option --" + name + " (see --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            options.put(name, value);
        }
        if (options.containsKey("help")) {
            command = "help";
        }
        return new CommandLine(command, options, spring);
    }

    public String option(String name) {
        return options.get(name);
    }
}
