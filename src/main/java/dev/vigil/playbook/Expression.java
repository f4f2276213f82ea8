package dev.vigil.playbook;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A CEL expression from a playbook, parsed, type-checked and planned once at load; {@link #evaluate} runs it against a
 * finding without recompiling. Thread-safe (the program is immutable; the scope is per finding).
 */
public final class Expression {

    private final String text;
    private final Location location;
    private final CelRuntime.Program program;
    private final java.util.function.Function<FindingScope, Object> direct;

    /**
     * @param direct the same expression compiled to Java lambdas (see {@link LambdaCompiler}), or null when it uses more
     *               than the common subset and the CEL program evaluates it
     */
    Expression(String text, Location location, CelRuntime.Program program, java.util.function.Function<FindingScope, Object> direct) {
        this.text = text;
        this.location = location;
        this.program = program;
        this.direct = direct;
    }

    public String text() {
        return text;
    }

    public Location location() {
        return location;
    }

    /** The value: Boolean, String, Long, Double, List or Map. */
    public Object evaluate(FindingScope scope) {
        try {
            if (direct != null) {
                return direct.apply(scope);
            }
            return scope.enter(() -> {
                try {
                    return program.eval(scope);
                } catch (CelEvaluationException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            throw new EvaluationException(location + ": cannot evaluate \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** The value from the CEL program, even when a lambda form exists (tests compare the two). */
    Object evaluateWithCel(FindingScope scope) {
        return scope.enter(() -> {
            try {
                return program.eval(scope);
            } catch (CelEvaluationException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Whether a lambda form evaluates this expression. */
    boolean compiledToLambdas() {
        return direct != null;
    }

    /** Evaluates a condition: true only when the value is true. */
    public boolean test(FindingScope scope) {
        return Boolean.TRUE.equals(evaluate(scope));
    }

    @Override
    public String toString() {
        return text;
    }

    /** A playbook expression failed on a finding (e.g. a list index out of range); the finding's verdict says so. */
    public static final class EvaluationException extends RuntimeException {
        EvaluationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
