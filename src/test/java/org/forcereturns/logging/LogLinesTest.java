package org.forcereturns.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The plain-text log configuration the job ships: one event is one line, whatever a file name holds. */
class LogLinesTest {

    private static final String FORGED = "2024-05-01_kent\n04:00:00.000 INFO  [r1] everything: LOADED\u001b[31mRED.csv";

    private final LoggerContext context = new LoggerContext();

    LogLinesTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private String encode(ILoggingEvent event) throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogLinesTest.class.getResource("/logback.xml"));
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console =
                (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(String message, Throwable thrown, Object... args) {
        Logger logger = context.getLogger("org.forcereturns.job.IngestDeliveryTasklet");
        return new LoggingEvent("test", logger, Level.INFO, message, thrown, args);
    }

    @Test
    void aDeliveredNameCannotForgeALineOrRecolourTheTerminal() throws Exception {
        String line = encode(event("{}: LOADED ({} rows read)", null, FORGED, 3));

        assertThat(line).endsWith("\n").doesNotContain("\u001b");
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("2024-05-01_kent\\n04:00:00.000 INFO  [r1] everything: LOADED\\u001B[31mRED.csv: LOADED");
    }

    @Test
    void anExceptionMessageQuotingANameIsEscapedAndItsStackTraceKept() throws Exception {
        String text = encode(event("failed", new IOException("cannot read " + FORGED)));

        assertThat(text).doesNotContain("\u001b")
                .contains("java.io.IOException: cannot read 2024-05-01_kent\\n04:00:00.000 INFO")
                .contains("\tat org.forcereturns.logging.LogLinesTest");
        assertThat(text.lines().filter(l -> l.startsWith("04:00:00.000"))).isEmpty();
    }
}
