package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StderrLoggingTest {

    @Test
    void logbackIsSetUpInCodeWithOneAppenderToStderr() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
        assertThat(root.getLevel()).isEqualTo(StderrLogging.level(System.getenv("VIGIL_LOG_LEVEL")));
    }

    @Test
    void theLevelComesFromVigilLogLevelAndIsWarnOtherwise() {
        assertThat(StderrLogging.level(null)).isEqualTo(Level.WARN);
        assertThat(StderrLogging.level(" ")).isEqualTo(Level.WARN);
        assertThat(StderrLogging.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(StderrLogging.level("ERROR")).isEqualTo(Level.ERROR);
        assertThat(StderrLogging.level("loud")).isEqualTo(Level.WARN);
    }
}
