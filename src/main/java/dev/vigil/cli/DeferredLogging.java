package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the {@code vigil} command ({@link Main#main} chooses it): loggers that answer "is this level
 * on?" from {@code VIGIL_LOG_LEVEL} alone, and set logback up ({@link StderrLogging}) only when something is logged
 * at a level that is on. SQLite's driver asks for its loggers when it loads, so with logback's own provider every
 * command set logback up (~20 ms of a 0.2 s {@code vigil cases list}) to log nothing. What is logged goes where it went
 * before: one line each on stderr, at the same levels. With {@code -Dlogback.configurationFile=FILE}, whose levels
 * may differ per logger, logback is set up at the start as before.
 */
public final class DeferredLogging implements SLF4JServiceProvider {

    private LogbackServiceProvider eager;
    private ILoggerFactory loggers;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    public DeferredLogging() {
    }

    @Override
    public void initialize() {
        if (System.getProperty("logback.configurationFile") != null) {
            eager = new LogbackServiceProvider();
            eager.initialize();
            loggers = eager.getLoggerFactory();
        } else {
            Level threshold = StderrLogging.level(System.getenv("VIGIL_LOG_LEVEL"));
            loggers = name -> new DeferredLogger(name, threshold);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return eager != null ? eager.getMarkerFactory() : markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return eager != null ? eager.getMDCAdapter() : mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** A logger that hands what it logs to logback's logger of the same name, setting logback up the first time. */
    static final class DeferredLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final transient Level threshold;

        DeferredLogger(String name, Level threshold) {
            this.name = name;
            this.threshold = threshold;
        }

        private boolean on(org.slf4j.event.Level level) {
            return Level.fromLocationAwareLoggerInteger(level.toInt()).isGreaterOrEqual(threshold);
        }

        @Override
        public boolean isTraceEnabled() {
            return on(org.slf4j.event.Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return on(org.slf4j.event.Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return on(org.slf4j.event.Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return on(org.slf4j.event.Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return on(org.slf4j.event.Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return DeferredLogger.class.getName();
        }

        @Override
        protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String message,
                                                   Object[] arguments, Throwable thrown) {
            LocationAwareLogger logger = (LocationAwareLogger) Logback.LOGGERS.getLogger(name);
            logger.log(marker, getFullyQualifiedCallerName(), level.toInt(), message, arguments, thrown);
        }
    }

    /** Logback, set up the way its own provider does (which finds {@link StderrLogging}), at the first line logged. */
    private static final class Logback {
        static final ILoggerFactory LOGGERS = start();

        private static ILoggerFactory start() {
            LogbackServiceProvider provider = new LogbackServiceProvider();
            provider.initialize();
            return provider.getLoggerFactory();
        }
    }
}
