package dev.vigil.cli;

import picocli.CommandLine;

/** Vigil's exit codes, the same for every subcommand (picocli's conventions). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int SOME_REJECTED = 3;

    private ExitCodes() {
    }

    /** A configuration problem the user can fix: printed as is, exit 2. */
    public static final class ConfigurationException extends RuntimeException {
        public ConfigurationException(String message) {
            super(message);
        }

        public ConfigurationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static int forException(Throwable exception) {
        return isUserFixable(exception) ? USAGE : INTERNAL;
    }

    /** A configuration error the user can fix: ours, or an invalid vigil.yaml / list / account directory. */
    static boolean isUserFixable(Throwable exception) {
        return exception instanceof ConfigurationException
                || exception instanceof dev.vigil.intel.yaml.InvalidConfigurationException
                || exception instanceof CommandLine.ParameterException;
    }

    /** Prints "vigil: message" for configuration errors and a stack trace only for internal ones. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine,
                                            CommandLine.ParseResult parseResult) {
            if (isUserFixable(exception)) {
                commandLine.getErr().println("vigil: " + exception.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("vigil: internal error: " + exception);
            exception.printStackTrace(commandLine.getErr());
            return INTERNAL;
        }
    }
}
