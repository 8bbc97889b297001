package org.forcereturns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forcereturns.config.ForceReturnsSettings;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A job file (jobs/*.yml) as Spring configuration: its keys are {@code force-returns.*} settings written without
 * the prefix; relative local paths in it are relative to the job file's own folder; every value keeps its line for
 * error messages. A key that is no setting is refused.
 */
final class JobFile {

    /** The settings that name a location. */
    private static final List<String> LOCATIONS = List.of("inbox", "warehouse", "reference", "metrics-textfile");

    private JobFile() {
    }

    static PropertySource<?> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("job file " + file + " does not exist");
        }
        String name = "job file " + file;
        List<PropertySource<?>> documents;
        try {
            documents = new YamlPropertySourceLoader().load(name, new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new UsageException(name + " cannot be read: " + Failures.oneLine(e));
        }
        if (documents.size() > 1) {
            throw new UsageException(name + " holds " + documents.size() + " YAML documents; a job file is one");
        }
        Path folder = file.toAbsolutePath().getParent();
        Map<String, Object> settings = new LinkedHashMap<>();
        if (!documents.isEmpty() && documents.get(0).getSource() instanceof Map<?, ?> values) {
            values.forEach((key, value) -> settings.put("force-returns." + key,
                    LOCATIONS.contains(String.valueOf(key)) ? relativeTo(folder, value) : value));
        }
        PropertySource<?> source = new OriginTrackedMapPropertySource(name, settings, true);
        refuseUnknownKeys(source);
        return source;
    }

    /** Binds the job file alone, failing on any key the settings type does not have. */
    private static void refuseUnknownKeys(PropertySource<?> source) {
        new Binder(ConfigurationPropertySources.from(source)).bind("force-returns",
                Bindable.of(ForceReturnsSettings.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
    }

    private static Object relativeTo(Path folder, Object value) {
        Object raw = value instanceof OriginTrackedValue t ? t.getValue() : value;
        String text = String.valueOf(raw);
        if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            return value;
        }
        return OriginTrackedValue.of(folder.resolve(text).normalize().toString(), Origin.from(value));
    }
}
