package dev.vigil.playbook;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.vigil.yaml.Place;

/**
 * A CEL expression from a playbook, parsed and type-checked once at load; {@link #evaluate} runs it against a finding
 * without recompiling. Most expressions run as Java lambdas (see {@link LambdaCompiler}); the CEL program is planned
 * when one is first needed, so loading does not build CEL's runtime for programs that never run. Thread-safe (the
 * program is immutable once planned; the scope is per finding).
 */
public final class Expression {

    /** Plans the CEL program of an expression that has been type-checked (now, or by an earlier run: see {@link ExpressionCache}). */
    interface Planner {
        CelRuntime.Program plan() throws CelValidationException, CelEvaluationException;
    }

    private final String text;
    private final Place location;
    private final java.util.function.Function<FindingScope, Object> direct;
    private final Planner planner;
    private volatile CelRuntime.Program program;

    /**
     * @param direct  the expression compiled to Java lambdas, or null when it uses more than the common subset and the
     *                CEL program evaluates it
     * @param planner plans the CEL program, at most once, when it is first needed
     */
    Expression(String text, Place location, java.util.function.Function<FindingScope, Object> direct, Planner planner) {
        this.text = text;
        this.location = location;
        this.direct = direct;
        this.planner = planner;
    }

    public String text() {
        return text;
    }

    public Place location() {
        return location;
    }

    /** The value: Boolean, String, Long, Double, List or Map. */
    public Object evaluate(FindingScope scope) {
        try {
            if (direct != null) {
                return direct.apply(scope);
            }
            return evaluateWithCel(scope);
        } catch (RuntimeException e) {
            throw new EvaluationException(location + ": cannot evaluate \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** The value from the CEL program, even when a lambda form exists (tests compare the two). */
    Object evaluateWithCel(FindingScope scope) {
        CelRuntime.Program cel = program();
        return scope.enter(() -> {
            try {
                return cel.eval(scope);
            } catch (CelEvaluationException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private CelRuntime.Program program() {
        CelRuntime.Program planned = program;
        if (planned == null) {
            synchronized (this) {
                planned = program;
                if (planned == null) {
                    try {
                        planned = planner.plan();
                    } catch (CelValidationException | CelEvaluationException e) {
                        throw new IllegalStateException("cannot plan the CEL program: " + e.getMessage(), e);
                    }
                    program = planned;
                }
            }
        }
        return planned;
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
