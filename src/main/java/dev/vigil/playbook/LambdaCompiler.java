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
 * {@code size}, {@code contains/startsWith/endsWith}, list literals. This evaluates several times faster than the
 * interpreter; anything else (macros such as {@code all}/{@code exists}, map access, conversions) is left to the CEL
 * program. The results are the same values CEL gives (Long, Double, String, Boolean, List); a test checks both ways
 * against every bundled expression.
 */
final class LambdaCompiler {

    /** Thrown inside compilation when the expression leaves the subset; the caller falls back to the CEL program. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private LambdaCompiler() {
    }

    static Optional<Function<FindingScope, Object>> compile(CelExpr expr) {
        try {
            return Optional.of(node(expr));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    private static Function<FindingScope, Object> node(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT -> {
                Object value = constant(expr.constant());
                return scope -> value;
            }
            case IDENT, SELECT -> {
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
            default -> throw new Unsupported();
        }
    }

    private static Function<FindingScope, Object> call(CelExpr.CelCall call) {
        String function = call.function();
        List<Function<FindingScope, Object>> args = new ArrayList<>();
        if (call.target().isPresent()) {
            String target = qualifiedName(call.target().get());
            FunctionSpec vigil = target == null ? null : VigilFunctions.byNameAndArity(target + "." + function, call.args().size());
            if (vigil != null && VigilVariables.byName(target) == null) {
                return vigil(vigil, call.args());
            }
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

    private static Function<FindingScope, Object> vigil(FunctionSpec function, List<CelExpr> argExprs) {
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

    private static String qualifiedName(CelExpr expr) {
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
