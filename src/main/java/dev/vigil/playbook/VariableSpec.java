package dev.vigil.playbook;

import dev.cel.common.types.CelType;
import java.util.function.Function;

/**
 * A variable playbook expressions can read, e.g. {@code remote.ip}. Absent values read as a neutral value (empty text,
 * 0, false, empty list) so that conditions stay two-valued; questions use the {@code *.known} variables or
 * {@code answer(known, value)} to say {@code unknown}.
 */
public record VariableSpec(String name, CelType type, String description, String example,
                           Function<FindingScope, Object> value) {

    /** The type as written in the reference, e.g. {@code string}, {@code list(int)}. */
    public String typeName() {
        return type.name().equals("list") || type.name().equals("map")
                ? type.name() + "(" + String.join(", ", type.parameters().stream().map(CelType::name).toList()) + ")"
                : type.name();
    }
}
