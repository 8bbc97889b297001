package org.forcereturns.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.forcereturns.logging.Printable;
import org.forcereturns.storage.StorageException;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.core.env.PropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns what stopped a command into its exit status and one line on standard error: 2 for settings that must change
 * (naming the option or the job file's line), 1 for anything else (restartable).
 */
final class Failures {

    private final PrintStream err;

    Failures(PrintStream err) {
        this.err = err;
    }

    int exitStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException bind) {
                return usage(settingProblem(bind));
            }
            if (t instanceof StorageException s) {
                // A location that cannot be used (unknown scheme, no permission, NameNode down): its own one line.
                err.println(ForceReturnsCli.NAME + ": " + Printable.escape(s.getMessage()));
                return s.configuration() ? ExitStatus.USAGE : ExitStatus.FAILED;
            }
            if (t instanceof org.springframework.batch.core.job.parameters.InvalidJobParametersException) {
                // A run the job refuses before it starts (a warehouse this JobRepository did not publish).
                return usage(t.getMessage());
            }
            if (t instanceof ExitCodeGenerator coded) {
                err.println(ForceReturnsCli.NAME + ": " + Printable.escape(t.getMessage()));
                return coded.getExitCode();
            }
        }
        err.println(ForceReturnsCli.NAME + ": failed: " + oneLine(e));
        return ExitStatus.FAILED;
    }

    /** The application did not start: bad settings (2), the JobRepository's database (1), or anything else (1). */
    int startup(Throwable e, String datasourceUrl) {
        boolean settings = false;
        boolean database = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            settings |= t instanceof BindException || t instanceof ExitCodeGenerator || t instanceof StorageException;
            database |= t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException;
        }
        if (settings || !database) {
            return exitStatus(e);
        }
        String url = datasourceUrl == null ? "the embedded H2 database under var/jobrepo" : datasourceUrl;
        err.println(ForceReturnsCli.NAME + ": failed: cannot start with the JobRepository at " + Printable.escape(url)
                + ": " + oneLine(e));
        return ExitStatus.FAILED;
    }

    private int usage(String message) {
        err.println(ForceReturnsCli.NAME + ": " + Printable.escape(message));
        return ExitStatus.USAGE;
    }

    /** "--threads must be a whole number, not 'x'", "reject-threshold (job file jobs/a.yml, line 4) must be ...". */
    static String settingProblem(BindException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BindValidationException invalid) {
            ObjectError error = invalid.getValidationErrors().getAllErrors().get(0);
            String property = error instanceof FieldError f ? invalid.getValidationErrors().getName() + "."
                    + kebab(f.getField()) : invalid.getValidationErrors().getName().toString();
            ConfigurationProperty bound = invalid.getValidationErrors().getBoundProperties().stream()
                    .filter(p -> p.getName().toString().equals(property)
                            || p.getName().toString().startsWith(property + "["))
                    .findFirst().orElse(null);
            String message = error.getDefaultMessage();
            return where(property, bound) + (message.startsWith("must") || message.startsWith("cannot") ? " " : ": ")
                    + message;
        }
        if (cause instanceof UnboundConfigurationPropertiesException unknown) {
            ConfigurationProperty first = unknown.getUnboundProperties().iterator().next();
            return "unknown setting '" + key(first.getName().toString()) + "'" + source(first)
                    + " (see run --help for the settings)";
        }
        String property = e.getName().toString();
        Object value = e.getProperty() == null ? null : e.getProperty().getValue();
        return where(property, e.getProperty()) + " must be " + expected(e.getTarget().getType().resolve(Object.class))
                + ", not '" + value + "'";
    }

    /** The option that gave a value, else the setting and where it came from (the job file and line). */
    private static String where(String property, ConfigurationProperty bound) {
        String option = SettingOption.optionFor(property);
        String source = sourceName(bound);
        if (option != null && (source == null || CommandEnvironment.OPTIONS.equals(source))) {
            return option;
        }
        return key(property) + source(bound);
    }

    private static String source(ConfigurationProperty bound) {
        String name = sourceName(bound);
        if (name == null) {
            return "";
        }
        if (name.startsWith("job file ")) {
            List<Origin> origins = new ArrayList<>();
            for (Origin o = Origin.from(bound); o != null; o = o.getParent()) {
                origins.add(o instanceof PropertySourceOrigin p && p.getOrigin() != null ? p.getOrigin() : o);
            }
            String line = origins.stream()
                    .filter(o -> o instanceof TextResourceOrigin t && t.getLocation() != null).findFirst()
                    .map(o -> ", line " + (((TextResourceOrigin) o).getLocation().getLine() + 1)).orElse("");
            return " (" + name + line + ")";
        }
        return " (from " + name + ")";
    }

    private static String sourceName(ConfigurationProperty bound) {
        return bound != null && bound.getSource().getUnderlyingSource() instanceof PropertySource<?> s ? s.getName()
                : null;
    }

    private static String key(String property) {
        return property.startsWith("force-returns.") ? property.substring("force-returns.".length()) : property;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number such as 0.10";
        }
        if (type == LocalDate.class) {
            return "YYYY-MM-DD";
        }
        if (type == Duration.class) {
            return "a number of seconds (or a duration such as 2m)";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList());
        }
        return "a " + type.getSimpleName();
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // The first line of a library's message; any control character a file name brought into it, escaped.
        return Printable.escape(message.lines().findFirst().orElse(message));
    }
}
