package dev.vigil.cli;

import java.util.List;

/** Checks a {@code --format} value against the ones a command supports. */
final class Formats {
    private Formats() {
    }

    static void check(String format, String... supported) {
        if (!List.of(supported).contains(format)) {
            throw new ExitCodes.ConfigurationException("--format \"" + format + "\" is not supported here; use "
                    + String.join(" or ", supported));
        }
    }
}
