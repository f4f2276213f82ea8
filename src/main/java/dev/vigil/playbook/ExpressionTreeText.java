package dev.vigil.playbook;

import com.google.common.collect.ImmutableList;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A parsed CEL expression tree as one line of printable ASCII, and back: {@link ExpressionCache} keeps the trees of the
 * expressions {@link LambdaCompiler} compiles, so that a run whose expressions are all known never loads CEL's ANTLR
 * parser. It covers the kinds of node the lambda form uses (constants of type string, int, double and bool; names,
 * field selections, calls, list literals without optional elements, comprehensions of one variable); a tree with any
 * other is not written.
 *
 * <p>The text is the tree in prefix order, one token per node and spaces between tokens: {@code s}, {@code i},
 * {@code d} (the double's bits in hex), {@code t} and {@code f} for constants; {@code v} and a name; {@code .} and a
 * field, then the operand ({@code ?} for a presence test); {@code c} and a function, the number of arguments, then
 * the arguments ({@code m} for a call with a target, which comes first); {@code l} and the number of elements, then
 * the elements; {@code x}, the loop variable, the accumulator, then range, initial value, condition, step and result.
 * Names and strings are written as they are, except that a backslash and every character outside {@code !..~} are
 * {@code \}{@code uXXXX}: no token holds a space. Node ids are numbered afresh in prefix order (no part of Vigil reads
 * them from this tree).
 */
final class ExpressionTreeText {

    private ExpressionTreeText() {
    }

    /** The tree as text; null when it has a kind of node this form does not cover. */
    static String write(CelExpr expr) {
        StringBuilder text = new StringBuilder();
        return write(expr, text) ? text.toString() : null;
    }

    /** The tree of a text {@link #write} wrote; empty when the text is not such a tree. */
    static Optional<CelExpr> read(String text) {
        try {
            Reader reader = new Reader(text);
            CelExpr expr = reader.node();
            return reader.atEnd() ? Optional.of(expr) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // cut short, a bad number or escape: not a tree
        }
    }

    private static boolean write(CelExpr expr, StringBuilder text) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        switch (expr.getKind()) {
            case CONSTANT -> {
                CelConstant constant = expr.constant();
                switch (constant.getKind()) {
                    case STRING_VALUE -> escape(text.append('s'), constant.stringValue());
                    case INT64_VALUE -> text.append('i').append(constant.int64Value());
                    case DOUBLE_VALUE -> text.append('d').append(Long.toHexString(Double.doubleToRawLongBits(
                            constant.doubleValue())));
                    case BOOLEAN_VALUE -> text.append(constant.booleanValue() ? 't' : 'f');
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            case IDENT -> {
                escape(text.append('v'), expr.ident().name());
                return true;
            }
            case SELECT -> {
                escape(text.append(expr.select().testOnly() ? '?' : '.'), expr.select().field());
                return write(expr.select().operand(), text);
            }
            case CALL -> {
                CelExpr.CelCall call = expr.call();
                escape(text.append(call.target().isPresent() ? 'm' : 'c'), call.function());
                text.append(' ').append(call.args().size());
                if (call.target().isPresent() && !write(call.target().get(), text)) {
                    return false;
                }
                for (CelExpr arg : call.args()) {
                    if (!write(arg, text)) {
                        return false;
                    }
                }
                return true;
            }
            case LIST -> {
                if (!expr.list().optionalIndices().isEmpty()) {
                    return false;
                }
                text.append('l').append(expr.list().elements().size());
                for (CelExpr element : expr.list().elements()) {
                    if (!write(element, text)) {
                        return false;
                    }
                }
                return true;
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension loop = expr.comprehension();
                if (!loop.iterVar2().isEmpty()) {
                    return false;
                }
                escape(text.append('x'), loop.iterVar());
                escape(text.append(' '), loop.accuVar());
                return write(loop.iterRange(), text) && write(loop.accuInit(), text) && write(loop.loopCondition(), text)
                        && write(loop.loopStep(), text) && write(loop.result(), text);
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code value} with a backslash and every character outside {@code !..~} as {@code \}{@code uXXXX}. */
    static String escape(String value) {
        StringBuilder text = new StringBuilder(value.length() + 8);
        escape(text, value);
        return text.toString();
    }

    private static void escape(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c <= '~' && c != '\\') {
                text.append(c);
            } else {
                text.append("\\u").append(HexFormat.of().toHexDigits(c));
            }
        }
    }

    /** Reads tokens left to right; any malformation throws. */
    private static final class Reader {
        private final String text;
        private int position;
        private long nextId = 1;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position == text.length();
        }

        CelExpr node() {
            String token = token();
            long id = nextId++;
            char kind = token.charAt(0);
            String rest = token.substring(1);
            return switch (kind) {
                case 's' -> CelExpr.ofConstant(id, CelConstant.ofValue(unescape(rest)));
                case 'i' -> CelExpr.ofConstant(id, CelConstant.ofValue(Long.parseLong(rest)));
                case 'd' -> CelExpr.ofConstant(id, CelConstant.ofValue(Double.longBitsToDouble(
                        Long.parseUnsignedLong(rest, 16))));
                case 't', 'f' -> {
                    if (!rest.isEmpty()) {
                        throw new IllegalArgumentException(token);
                    }
                    yield CelExpr.ofConstant(id, CelConstant.ofValue(kind == 't'));
                }
                case 'v' -> CelExpr.ofIdent(id, unescape(rest));
                case '.', '?' -> CelExpr.ofSelect(id, node(), unescape(rest), kind == '?');
                case 'c', 'm' -> {
                    int arity = count();
                    Optional<CelExpr> target = kind == 'm' ? Optional.of(node()) : Optional.empty();
                    ImmutableList.Builder<CelExpr> args = ImmutableList.builderWithExpectedSize(arity);
                    for (int i = 0; i < arity; i++) {
                        args.add(node());
                    }
                    yield CelExpr.ofCall(id, target, unescape(rest), args.build());
                }
                case 'l' -> {
                    int size = Integer.parseInt(rest);
                    ImmutableList.Builder<CelExpr> elements = ImmutableList.builderWithExpectedSize(size);
                    for (int i = 0; i < size; i++) {
                        elements.add(node());
                    }
                    yield CelExpr.ofList(id, elements.build(), ImmutableList.of());
                }
                case 'x' -> {
                    String accumulator = unescape(token());
                    CelExpr range = node();
                    CelExpr init = node();
                    CelExpr condition = node();
                    CelExpr step = node();
                    CelExpr result = node();
                    yield CelExpr.ofComprehension(id, unescape(rest), range, accumulator, init, condition, step, result);
                }
                default -> throw new IllegalArgumentException(token);
            };
        }

        private int count() {
            int count = Integer.parseInt(token());
            if (count < 0) {
                throw new IllegalArgumentException("negative count");
            }
            return count;
        }

        private String token() {
            if (position > 0) {
                if (text.charAt(position) != ' ') {
                    throw new IllegalArgumentException("no space at " + position);
                }
                position++;
            }
            int end = text.indexOf(' ', position);
            if (end < 0) {
                end = text.length();
            }
            if (end == position) {
                throw new IllegalArgumentException("empty token at " + position);
            }
            String token = text.substring(position, end);
            position = end;
            return token;
        }

        private static String unescape(String value) {
            if (value.indexOf('\\') < 0) {
                return value;
            }
            StringBuilder text = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\\') {
                    text.append(c);
                } else if (value.startsWith("u", i + 1) && i + 6 <= value.length()) {
                    text.append((char) Integer.parseInt(value, i + 2, i + 6, 16));
                    i += 5;
                } else {
                    throw new IllegalArgumentException("bad escape at " + i);
                }
            }
            return text.toString();
        }
    }
}
