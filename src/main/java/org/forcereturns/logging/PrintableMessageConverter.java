package org.forcereturns.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} for plain-text logs with control characters escaped ({@link Printable}): a message names files
 * that others delivered, and one log event must stay one line. (JSON logs escape them already.)
 */
public class PrintableMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Printable.escape(super.convert(event));
    }
}
