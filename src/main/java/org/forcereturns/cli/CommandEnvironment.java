package org.forcereturns.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.config.ForceReturnsSettings.LogFormat;
import org.forcereturns.config.ForceReturnsSettings.Partitioning;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Puts a command's settings into the Spring environment, before logging starts (so a job file can choose JSON
 * logs). Precedence, highest first: the command's options, {@code --force-returns.*} arguments, Java system
 * properties, environment variables ({@code FORCE_RETURNS_THREADS}), the job file, application.properties; the
 * defaults are in {@link ForceReturnsSettings}.
 */
final class CommandEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String OPTIONS = "command-line options";
    static final String JSON_LOGS = "classpath:logback-json.xml";

    static final String EXCLUDE = "spring.autoconfigure.exclude";

    private final Map<String, Object> options;
    private final PropertySource<?> jobFile;
    private final boolean usesBroker;
    private String datasourceUrl;

    /** @param usesBroker whether the command always uses the broker (a worker), whatever its partitioning */
    CommandEnvironment(Map<String, Object> options, PropertySource<?> jobFile, boolean usesBroker) {
        this.options = options;
        this.jobFile = jobFile;
        this.usesBroker = usesBroker;
    }

    /** After Spring Boot has read application.properties, before it starts logging. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource(OPTIONS, options));
        if (jobFile != null) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, jobFile);
        }
        datasourceUrl = environment.getProperty("spring.datasource.url");
        Partitioning partitioning = Binder.get(environment).bind("force-returns.partitioning", Partitioning.class)
                .orElseGet(() -> new ForceReturnsSettings().getPartitioning());
        if (!usesBroker && partitioning != Partitioning.REMOTE) {
            // No RabbitMQ client where no broker is used: Spring Boot would build one, at a second of CPU per run.
            String excluded = environment.getProperty(EXCLUDE, "");
            environment.getPropertySources().addFirst(new MapPropertySource("no broker", Map.of(EXCLUDE,
                    (excluded.isBlank() ? "" : excluded + ",") + RabbitAutoConfiguration.class.getName())));
        }
        LogFormat format = Binder.get(environment).bind("force-returns.log-format", LogFormat.class)
                .orElseGet(() -> new ForceReturnsSettings().getLogFormat());
        if (format == LogFormat.JSON) {
            // Spring Boot's structured logging; logstash's field names by default, as ECS reserves "file" for an object.
            Map<String, Object> logging = new LinkedHashMap<>();
            logging.put("logging.config", JSON_LOGS);
            logging.put("logging.structured.format.console",
                    environment.getProperty("logging.structured.format.console", "logstash"));
            environment.getPropertySources().addFirst(new MapPropertySource("log format", logging));
        }
    }

    /** The JobRepository's database as configured, for a message if it cannot be reached. */
    String datasourceUrl() {
        return datasourceUrl;
    }
}
