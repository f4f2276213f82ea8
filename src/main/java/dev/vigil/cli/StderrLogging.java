package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Vigil's logging set-up, in code rather than a logback.xml: diagnostics go to stderr (stdout carries only results),
 * at {@code VIGIL_LOG_LEVEL} (default warn), one line each ({@link StderrLayout}). Reading and interpreting an XML file
 * cost a short command such as {@code vigil cases list} about 0.1 s of its start. Logback finds this class through
 * {@code META-INF/services} (it is the only custom configurator, so it needs no rank);
 * {@code -Dlogback.configurationFile=FILE} still takes a file of one's own.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        StderrLayout layout = new StderrLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv("VIGIL_LOG_LEVEL")));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root level: {@code VIGIL_LOG_LEVEL} (trace, debug, info, warn, error, off), warn when unset or not a level. */
    static Level level(String setting) {
        return setting == null || setting.isBlank() ? Level.WARN : Level.toLevel(setting.trim(), Level.WARN);
    }
}
