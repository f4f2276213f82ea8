package dev.vigil.cli;

import dev.vigil.ingest.InputFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** {@code guardduty}, {@code eventbridge}, {@code asff}, {@code ecs} (any case) to {@link InputFormat}. */
final class InputFormatConverter implements CommandLine.ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
        try {
            return InputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown input format '" + value + "'; use one of "
                    + Arrays.stream(InputFormat.values()).map(InputFormat::id).collect(Collectors.joining(", ")));
        }
    }
}
