package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class DeferredLoggingTest {

    private static Logger logger(String name) {
        DeferredLogging provider = new DeferredLogging();
        provider.initialize();
        return provider.getLoggerFactory().getLogger(name);
    }

    @Test
    void withoutVigilLogLevelWarningsAndErrorsAreOnAndTheRestOff() {
        String setting = System.getenv("VIGIL_LOG_LEVEL");
        Assumptions.assumeTrue(setting == null || setting.isBlank(),
                "skipped: VIGIL_LOG_LEVEL is set (" + setting + "); this test checks the default levels");
        Logger logger = logger("dev.vigil.Example");
        assertThat(logger.isTraceEnabled()).isFalse();
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(logger.isInfoEnabled()).isFalse();
        assertThat(logger.isWarnEnabled()).isTrue();
        assertThat(logger.isErrorEnabled()).isTrue();
        assertThat(logger.getName()).isEqualTo("dev.vigil.Example");
    }

    @Test
    void aLineLoggedGoesToStderrThroughLogbackInVigilsLayout() {
        Logger logger = logger("org.sqlite.core.NativeDB");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // logback's console appender takes System.err when it is set up: at this first line
            logger.error("cannot load {} from {}", "libsqlitejdbc.so", "/tmp", new IllegalStateException("boom"));
        } finally {
            System.setErr(stderr);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR o\\.s\\.core\\.NativeDB - cannot load libsqlitejdbc\\.so "
                + "from /tmp\\R.*IllegalStateException: boom.*");
    }
}
