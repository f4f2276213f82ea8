package dev.vigil.playbook;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.vigil.yaml.Place;
import java.util.function.Function;

/**
 * A CEL expression from a playbook, compiled once; {@link #evaluate} runs it against a finding without recompiling.
 * Most expressions run as Java lambdas (see {@link LambdaCompiler}); the CEL program is planned when one is first
 * needed, so loading does not build CEL's runtime for programs that never run. An expression that an earlier run
 * compiled without error (see {@link ExpressionCache}) is compiled when first evaluated: a command that evaluates
 * nothing, such as {@code vigil playbooks list}, compiles nothing. Thread-safe (what is compiled or planned is
 * immutable; the scope is per finding).
 */
public final class Expression {

    /** Plans the CEL program of an expression that type-checks. */
    interface Planner {
        CelRuntime.Program plan() throws CelValidationException, CelEvaluationException;
    }

    /**
     * How an expression runs.
     *
     * @param direct  the expression compiled to Java lambdas, or null when it uses more than the common subset and the
     *                CEL program evaluates it
     * @param planner plans the CEL program, at most once, when it is first needed
     */
    record Compiled(Function<FindingScope, Object> direct, Planner planner) {
    }

    /** Compiles an expression known to compile without error (it did in an earlier run of the same Vigil). */
    interface Deferred {
        Compiled compile() throws CelValidationException;
    }

    private final String text;
    private final Place location;
    private final Deferred deferred;
    private volatile Compiled compiled;
    private volatile CelRuntime.Program program;

    /** An expression compiled now. */
    Expression(String text, Place location, Compiled compiled) {
        this.text = text;
        this.location = location;
        this.deferred = null;
        this.compiled = compiled;
    }

    /** An expression compiled when first evaluated. */
    Expression(String text, Place location, Deferred deferred) {
        this.text = text;
        this.location = location;
        this.deferred = deferred;
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
            Function<FindingScope, Object> direct = compiled().direct();
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

    private Compiled compiled() {
        Compiled done = compiled;
        if (done == null) {
            synchronized (this) {
                done = compiled;
                if (done == null) {
                    try {
                        done = deferred.compile();
                    } catch (CelValidationException e) {
                        throw new IllegalStateException("cannot compile: " + e.getMessage(), e);
                    }
                    compiled = done;
                }
            }
        }
        return done;
    }

    private CelRuntime.Program program() {
        CelRuntime.Program planned = program;
        if (planned == null) {
            synchronized (this) {
                planned = program;
                if (planned == null) {
                    try {
                        planned = compiled().planner().plan();
                    } catch (CelValidationException | CelEvaluationException e) {
                        throw new IllegalStateException("cannot plan the CEL program: " + e.getMessage(), e);
                    }
                    program = planned;
                }
            }
        }
        return planned;
    }

    /** Compiles the expression now if that was deferred; a failure is left for the first evaluation to report. */
    void prepare() {
        try {
            compiled();
        } catch (RuntimeException e) {
            // evaluate() reports it, with the expression's place, on the finding that first needs it
        }
    }

    /** Whether it is compiled (its compilation was not deferred, or has happened). */
    boolean isCompiled() {
        return compiled != null;
    }

    /** Whether a lambda form evaluates this expression (compiles it if that was deferred). */
    boolean compiledToLambdas() {
        return compiled().direct() != null;
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
