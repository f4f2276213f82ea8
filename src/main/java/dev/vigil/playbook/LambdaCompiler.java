package dev.vigil.playbook;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a type-checked CEL expression into a tree of Java lambdas when it only uses the common subset playbooks are
 * written in: literals, Vigil's variables and functions, {@code && || !}, comparisons, {@code in}, {@code ?:},
 * {@code size}, {@code contains/startsWith/endsWith}, list literals, and the macros {@code all}, {@code exists} and
 * {@code filter} over a list (their variable is read from the scope's locals). This evaluates several times faster
 * than the interpreter, and a run whose playbooks stay in the subset never builds CEL's runtime (about 0.2 s at
 * start-up); anything else (other macros, map access, conversions) is left to the CEL program. The results are the same
 * values CEL gives (Long, Double, String, Boolean, List); a test checks both ways against every bundled expression.
 */
final class LambdaCompiler {

    /** Thrown inside compilation when the expression leaves the subset; the caller falls back to the CEL program. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The variables of the macros being compiled, outermost first: a variable's position is its slot in the scope. */
    private final List<String> locals = new ArrayList<>();

    private LambdaCompiler() {
    }

    static Optional<Function<FindingScope, Object>> compile(CelExpr expr) {
        try {
            return Optional.of(new LambdaCompiler().node(expr));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    private Function<FindingScope, Object> node(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT -> {
                Object value = constant(expr.constant());
                return scope -> value;
            }
            case IDENT, SELECT -> {
                int slot = localSlot(expr);
                if (slot >= 0) {
                    return scope -> scope.local(slot);
                }
                if (rootIsLocal(expr)) {
                    throw new Unsupported();
                }
                String name = qualifiedName(expr);
                VariableSpec variable = name == null ? null : VigilVariables.byName(name);
                if (variable == null) {
                    throw new Unsupported();
                }
                return variable.value();
            }
            case LIST -> {
                if (!expr.list().optionalIndices().isEmpty()) {
                    throw new Unsupported();
                }
                List<Function<FindingScope, Object>> elements = new ArrayList<>();
                expr.list().elements().forEach(e -> elements.add(node(e)));
                return scope -> {
                    List<Object> values = new ArrayList<>(elements.size());
                    for (Function<FindingScope, Object> element : elements) {
                        values.add(element.apply(scope));
                    }
                    return values;
                };
            }
            case CALL -> {
                return call(expr.call());
            }
            case COMPREHENSION -> {
                return comprehension(expr.comprehension());
            }
            default -> throw new Unsupported();
        }
    }

    private Function<FindingScope, Object> call(CelExpr.CelCall call) {
        String function = call.function();
        List<Function<FindingScope, Object>> args = new ArrayList<>();
        if (call.target().isPresent() && !rootIsLocal(call.target().get())) {
            String target = qualifiedName(call.target().get());
            FunctionSpec vigil = target == null ? null : VigilFunctions.byNameAndArity(target + "." + function, call.args().size());
            if (vigil != null && VigilVariables.byName(target) == null) {
                return vigil(vigil, call.args());
            }
        }
        if (call.target().isPresent()) {
            args.add(node(call.target().get()));
        }
        call.args().forEach(a -> args.add(node(a)));
        if (call.target().isEmpty()) {
            FunctionSpec vigil = VigilFunctions.byNameAndArity(function, call.args().size());
            if (vigil != null) {
                return vigil(vigil, call.args());
            }
        }
        switch (function) {
            case "_&&_" -> {
                Function<FindingScope, Object> left = args.get(0);
                Function<FindingScope, Object> right = args.get(1);
                return scope -> Boolean.TRUE.equals(left.apply(scope)) && Boolean.TRUE.equals(right.apply(scope));
            }
            case "_||_" -> {
                Function<FindingScope, Object> left = args.get(0);
                Function<FindingScope, Object> right = args.get(1);
                return scope -> Boolean.TRUE.equals(left.apply(scope)) || Boolean.TRUE.equals(right.apply(scope));
            }
            case "!_" -> {
                Function<FindingScope, Object> operand = args.get(0);
                return scope -> !Boolean.TRUE.equals(operand.apply(scope));
            }
            case "_?_:_" -> {
                Function<FindingScope, Object> condition = args.get(0);
                Function<FindingScope, Object> then = args.get(1);
                Function<FindingScope, Object> otherwise = args.get(2);
                return scope -> Boolean.TRUE.equals(condition.apply(scope)) ? then.apply(scope) : otherwise.apply(scope);
            }
            case "_==_" -> {
                return binary(args, (a, b) -> equal(a, b));
            }
            case "_!=_" -> {
                return binary(args, (a, b) -> !equal(a, b));
            }
            case "_<_" -> {
                return binary(args, (a, b) -> compare(a, b) < 0);
            }
            case "_<=_" -> {
                return binary(args, (a, b) -> compare(a, b) <= 0);
            }
            case "_>_" -> {
                return binary(args, (a, b) -> compare(a, b) > 0);
            }
            case "_>=_" -> {
                return binary(args, (a, b) -> compare(a, b) >= 0);
            }
            case "@in" -> {
                return binary(args, LambdaCompiler::in);
            }
            case "size" -> {
                if (args.size() != 1) {
                    throw new Unsupported();
                }
                Function<FindingScope, Object> operand = args.get(0);
                return scope -> size(operand.apply(scope));
            }
            case "contains", "startsWith", "endsWith" -> {
                if (args.size() != 2 || call.target().isEmpty()) {
                    throw new Unsupported();
                }
                return binary(args, (a, b) -> {
                    if (!(a instanceof String text) || !(b instanceof String part)) {
                        throw new IllegalStateException("no such overload: " + function);
                    }
                    return function.equals("contains") ? text.contains(part)
                            : function.equals("startsWith") ? text.startsWith(part) : text.endsWith(part);
                });
            }
            default -> throw new Unsupported();
        }
    }

    private Function<FindingScope, Object> vigil(FunctionSpec function, List<CelExpr> argExprs) {
        List<Function<FindingScope, Object>> args = new ArrayList<>();
        argExprs.forEach(a -> args.add(node(a)));
        FunctionSpec.Implementation implementation = function.implementation();
        if (args.isEmpty()) {
            Object[] none = new Object[0];
            return scope -> implementation.apply(scope, none);
        }
        return scope -> {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).apply(scope);
            }
            return implementation.apply(scope, values);
        };
    }

    /** The macros CEL expands to comprehensions that this compiler evaluates itself. */
    private enum Macro { ALL, EXISTS, FILTER }

    /**
     * {@code range.all(x, p)}, {@code range.exists(x, p)}, {@code range.filter(x, p)} over a list (or a map's keys),
     * with CEL's outcome when {@code p} fails for some elements: {@code all} is false if {@code p} is false for any
     * element, {@code exists} true if it is true for any, whatever failed elsewhere; otherwise the first failure (or a
     * value that is not a boolean) is the error, as it is for every failure in {@code filter}.
     */
    private Function<FindingScope, Object> comprehension(CelExpr.CelComprehension loop) {
        if (!loop.iterVar2().isEmpty()) {
            throw new Unsupported();
        }
        Macro macro = macro(loop);
        CelExpr predicateExpr = macro == Macro.FILTER ? loop.loopStep().call().args().get(0)
                : loop.loopStep().call().args().get(1);
        Function<FindingScope, Object> range = node(loop.iterRange());
        int slot = locals.size();
        locals.add(loop.iterVar());
        Function<FindingScope, Object> predicate;
        try {
            predicate = node(predicateExpr);
        } finally {
            locals.remove(slot);
        }
        return scope -> {
            Collection<?> items = elements(range.apply(scope));
            List<Object> kept = macro == Macro.FILTER ? new ArrayList<>() : null;
            RuntimeException failure = null;
            for (Object item : items) {
                Object value;
                scope.pushLocal(item);
                try {
                    value = predicate.apply(scope);
                } catch (RuntimeException e) {
                    value = e;
                } finally {
                    scope.popLocal();
                }
                if (!(value instanceof Boolean holds)) {
                    if (failure == null) {
                        failure = value instanceof RuntimeException e ? e
                                : new IllegalStateException("no matching overload: " + macro.name().toLowerCase(java.util.Locale.ROOT)
                                        + " needs a bool, not " + value);
                    }
                    continue;
                }
                if (macro == Macro.ALL && !holds) {
                    return false;
                }
                if (macro == Macro.EXISTS && holds) {
                    return true;
                }
                if (macro == Macro.FILTER && holds) {
                    kept.add(item);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return macro == Macro.FILTER ? kept : macro == Macro.ALL;
        };
    }

    /** Which macro a comprehension is, from the exact shape CEL's parser expands it to; anything else is unsupported. */
    private static Macro macro(CelExpr.CelComprehension loop) {
        String accu = loop.accuVar();
        CelExpr init = loop.accuInit();
        CelExpr condition = loop.loopCondition();
        CelExpr step = loop.loopStep();
        if (!isIdent(loop.result(), accu) || step.getKind() != CelExpr.ExprKind.Kind.CALL) {
            throw new Unsupported();
        }
        CelExpr.CelCall stepCall = step.call();
        if (isBool(init, true) && isCall(condition, "@not_strictly_false", 1)
                && isIdent(condition.call().args().get(0), accu)
                && isCall(step, "_&&_", 2) && isIdent(stepCall.args().get(0), accu)) {
            return Macro.ALL;
        }
        if (isBool(init, false) && isCall(condition, "@not_strictly_false", 1)
                && isCall(condition.call().args().get(0), "!_", 1)
                && isIdent(condition.call().args().get(0).call().args().get(0), accu)
                && isCall(step, "_||_", 2) && isIdent(stepCall.args().get(0), accu)) {
            return Macro.EXISTS;
        }
        if (init.getKind() == CelExpr.ExprKind.Kind.LIST && init.list().elements().isEmpty() && isBool(condition, true)
                && isCall(step, "_?_:_", 3) && isIdent(stepCall.args().get(2), accu)
                && isCall(stepCall.args().get(1), "_+_", 2)
                && isIdent(stepCall.args().get(1).call().args().get(0), accu)
                && isSingletonOf(stepCall.args().get(1).call().args().get(1), loop.iterVar())) {
            return Macro.FILTER;
        }
        throw new Unsupported();
    }

    private static boolean isIdent(CelExpr expr, String name) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(name);
    }

    private static boolean isBool(CelExpr expr, boolean value) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE && expr.constant().booleanValue() == value;
    }

    private static boolean isCall(CelExpr expr, String function, int arity) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().target().isEmpty()
                && expr.call().function().equals(function) && expr.call().args().size() == arity;
    }

    private static boolean isSingletonOf(CelExpr expr, String name) {
        return expr.getKind() == CelExpr.ExprKind.Kind.LIST && expr.list().optionalIndices().isEmpty()
                && expr.list().elements().size() == 1 && isIdent(expr.list().elements().get(0), name);
    }

    private static Collection<?> elements(Object range) {
        if (range instanceof Collection<?> items) {
            return items;
        }
        if (range instanceof Map<?, ?> map) {
            return map.keySet();
        }
        throw new IllegalStateException("cannot iterate over " + range);
    }

    /** The slot of a macro variable this expression names, or -1 (the innermost variable of that name counts). */
    private int localSlot(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT ? locals.lastIndexOf(expr.ident().name()) : -1;
    }

    /** Whether a name chain ({@code x.a.b}) starts with a macro variable, which hides a Vigil variable of that name. */
    private boolean rootIsLocal(CelExpr expr) {
        CelExpr root = expr;
        while (root.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            root = root.select().operand();
        }
        return root.getKind() == CelExpr.ExprKind.Kind.IDENT && locals.contains(root.ident().name());
    }

    private interface BinaryOperator {
        Object apply(Object left, Object right);
    }

    private static Function<FindingScope, Object> binary(List<Function<FindingScope, Object>> args, BinaryOperator operator) {
        if (args.size() != 2) {
            throw new Unsupported();
        }
        Function<FindingScope, Object> left = args.get(0);
        Function<FindingScope, Object> right = args.get(1);
        return scope -> operator.apply(left.apply(scope), right.apply(scope));
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return (x instanceof Double || y instanceof Double) ? x.doubleValue() == y.doubleValue() : x.longValue() == y.longValue();
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return (x instanceof Double || y instanceof Double) ? Double.compare(x.doubleValue(), y.doubleValue())
                    : Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw new IllegalStateException("cannot compare " + a + " and " + b);
    }

    private static boolean in(Object element, Object container) {
        if (container instanceof Collection<?> items) {
            for (Object item : items) {
                if (equal(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(element);
        }
        throw new IllegalStateException("'in' needs a list or a map, not " + container);
    }

    private static long size(Object value) {
        if (value instanceof String text) {
            return text.codePointCount(0, text.length());
        }
        if (value instanceof Collection<?> items) {
            return items.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        throw new IllegalStateException("size() of " + value);
    }

    private static Object constant(CelConstant constant) {
        return switch (constant.getKind()) {
            case STRING_VALUE -> constant.stringValue();
            case INT64_VALUE -> constant.int64Value();
            case BOOLEAN_VALUE -> constant.booleanValue();
            case DOUBLE_VALUE -> constant.doubleValue();
            default -> throw new Unsupported();
        };
    }

    /** {@code a.b.c} for an ident/select chain; null for anything else. */
    static String qualifiedName(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            return expr.ident().name();
        }
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT && !expr.select().testOnly()) {
            String operand = qualifiedName(expr.select().operand());
            return operand == null ? null : operand + "." + expr.select().field();
        }
        return null;
    }
}
