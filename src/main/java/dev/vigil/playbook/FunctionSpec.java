package dev.vigil.playbook;

import dev.cel.common.types.CelType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of Vigil's CEL functions: its name (namespaced, e.g. {@code ip.inList}), parameters, result, what it answers
 * and an example that the tests compile. {@code implementation} runs against the finding being triaged.
 */
public record FunctionSpec(String name, String overloadId, List<Parameter> parameters, CelType result,
                           String description, String example, Implementation implementation) {

    public FunctionSpec {
        parameters = List.copyOf(parameters);
    }

    /** A named, typed parameter. */
    public record Parameter(String name, CelType type) {
    }

    /** The Java side of a function: reads the finding's scope and the CEL arguments. */
    @FunctionalInterface
    public interface Implementation {
        Object apply(FindingScope scope, Object[] arguments);
    }

    /** {@code ip.inList(list: string) -> bool}. */
    public String signature() {
        return name + "(" + parameters.stream().map(p -> p.name() + ": " + typeName(p.type())).collect(Collectors.joining(", "))
                + ") -> " + typeName(result);
    }

    /** The short name after the namespace: {@code inList} for {@code ip.inList}. */
    public String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public String namespace() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    static String typeName(CelType type) {
        return type.parameters().isEmpty() ? type.name()
                : type.name() + "(" + type.parameters().stream().map(FunctionSpec::typeName).collect(Collectors.joining(", ")) + ")";
    }
}
