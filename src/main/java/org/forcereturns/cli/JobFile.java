package org.forcereturns.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A job definition (jobs/*.yml): inbox, warehouse, offence-code scope, reject threshold, threads, a folder
 * of reference-data overrides, publish settings ({@code publish.min-cell-size}), the warehouse lease in seconds
 * ({@code lock-lease}) and Hadoop settings. Relative local paths in it are relative to the job file's own folder.
 */
public record JobFile(String inbox, String warehouse, List<String> scope, Double rejectThreshold, Integer threads,
                      String reference, Long minCellSize, Long lockLease, Map<String, String> hadoop) {

    private static final List<String> KEYS = List.of("inbox", "warehouse", "scope", "reject-threshold", "threads",
            "reference", "publish", "lock-lease", "hadoop");

    public static JobFile empty() {
        return new JobFile(null, null, null, null, null, null, null, null, Map.of());
    }

    public static JobFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("job file " + file + " does not exist");
        }
        Object parsed;
        try (Reader in = Files.newBufferedReader(file)) {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | YAMLException e) {
            throw new UsageException("job file " + file + " cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new UsageException("job file " + file + " must be a YAML mapping of settings");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new UsageException("job file " + file + ": unknown setting '" + key + "' (known: " + KEYS + ")");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, String> hadoop = new LinkedHashMap<>();
        if (map.get("hadoop") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> hadoop.put(String.valueOf(k), String.valueOf(v)));
        }
        try {
            return new JobFile(location(base, map.get("inbox")), location(base, map.get("warehouse")),
                    map.get("scope") == null ? null : ((List<?>) map.get("scope")).stream().map(String::valueOf).toList(),
                    map.get("reject-threshold") == null ? null : Double.valueOf(String.valueOf(map.get("reject-threshold"))),
                    map.get("threads") == null ? null : Integer.valueOf(String.valueOf(map.get("threads"))),
                    location(base, map.get("reference")), minCellSize(map.get("publish")),
                    map.get("lock-lease") == null ? null : Long.valueOf(String.valueOf(map.get("lock-lease"))), hadoop);
        } catch (ClassCastException | NumberFormatException e) {
            throw new UsageException("job file " + file + ": " + e.getMessage());
        }
    }

    /** {@code publish: {min-cell-size: 10}}: the only publish setting so far. */
    private static Long minCellSize(Object publish) {
        if (publish == null) {
            return null;
        }
        if (!(publish instanceof Map<?, ?> p) || !p.keySet().stream().allMatch("min-cell-size"::equals)) {
            throw new UsageException("job file: 'publish' takes only min-cell-size");
        }
        Object value = p.get("min-cell-size");
        return value == null ? null : Long.valueOf(String.valueOf(value));
    }

    private static String location(Path base, Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            return text;
        }
        return base.resolve(text).normalize().toString();
    }
}
