package org.forcereturns.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * {@code %ex} for plain-text logs with each exception message escaped ({@link Printable}): messages often quote a
 * delivered file name. The stack trace keeps its own line breaks.
 */
public class PrintableThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return super.throwableProxyToString(escaped(tp));
    }

    private static IThrowableProxy escaped(IThrowableProxy tp) {
        return tp == null ? null : new Escaped(tp);
    }

    /** The same throwable, its message and those of its causes escaped. */
    private record Escaped(IThrowableProxy tp) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return Printable.escape(tp.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return Printable.escape(tp.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return tp.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return tp.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return tp.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return escaped(tp.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = tp.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                out[i] = escaped(suppressed[i]);
            }
            return out;
        }

        @Override
        public boolean isCyclic() {
            return tp.isCyclic();
        }
    }
}
