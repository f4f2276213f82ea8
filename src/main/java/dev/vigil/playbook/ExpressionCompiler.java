package dev.vigil.playbook;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.vigil.text.DidYouMean;
import dev.vigil.yaml.Place;
import dev.vigil.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compiles playbook expressions once, at load: parse, check every name against Vigil's registries (unknown function or
 * variable, with a did-you-mean), type-check, check the result type and literal arguments (CIDRs, dates), compile to
 * lambdas (or plan a CEL program). Every problem becomes a {@link PlaybookError} at the expression's place in the YAML
 * file. An expression that compiled without error in an earlier run (see {@link ExpressionCache}) is compiled when first
 * evaluated instead, from its remembered parsed tree when it has one: the CEL environment and parser are then never
 * needed, and are built on first use. Thread-safe.
 */
public final class ExpressionCompiler {

    /** What an expression must produce. */
    public enum Expected {
        /** a condition ({@code when}) */
        BOOL("a condition (true or false)"),
        /** a question's answer: yes/no/unknown text, or a bool */
        ANSWER("an answer: yes, no or unknown (or true/false)"),
        /** evidence: any value */
        ANY("a value");

        private final String description;

        Expected(String description) {
            this.description = description;
        }
    }

    private static final Set<String> STANDARD_FUNCTIONS = Set.of("size", "contains", "startsWith", "endsWith", "matches",
            "int", "uint", "double", "string", "bytes", "bool", "dyn", "type", "timestamp", "duration", "getFullYear",
            "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "getHours", "getMinutes", "getSeconds",
            "getMilliseconds", "has", "all", "exists", "exists_one", "map", "filter");

    private static final ExpressionCompiler INSTANCE = new ExpressionCompiler();

    private final CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private final String fingerprint;
    private volatile Cel cel;
    private final Set<String> variables;
    private final Set<String> functions;
    private final Set<String> namespaces;

    private ExpressionCompiler() {
        this.fingerprint = fingerprint(options);
        this.variables = new TreeSet<>();
        for (VariableSpec variable : VigilVariables.all()) {
            variables.add(variable.name());
        }
        this.functions = new TreeSet<>(VigilFunctions.names());
        this.namespaces = new TreeSet<>();
        for (String name : functions) {
            if (name.contains(".")) {
                namespaces.add(name.substring(0, name.lastIndexOf('.')));
            }
        }
    }

    /**
     * CEL's options and Vigil's declarations, as text: what the CEL environment is built from besides CEL's standard
     * macros, which CEL's version fixes (the cache's fingerprint adds the jar). Written with plain loops from Vigil's
     * registries, without building CEL's declarations or macros: a start whose expressions are all in the cache needs
     * the fingerprint, and nothing else of CEL's environment (streams, declarations and the macros' String.format keys
     * were 15-25 ms).
     */
    private static String fingerprint(CelOptions options) {
        StringBuilder environment = new StringBuilder(options.toString());
        for (VariableSpec variable : VigilVariables.all()) {
            environment.append('\n').append(variable.name()).append(": ").append(variable.type());
        }
        for (FunctionSpec function : VigilFunctions.all()) {
            environment.append('\n').append(function.name()).append(' ').append(function.overloadId());
            for (FunctionSpec.Parameter parameter : function.parameters()) {
                environment.append(' ').append(parameter.type());
            }
            environment.append(" -> ").append(function.result());
        }
        return environment.toString();
    }

    /** The CEL environment, built when an expression is first compiled (a load that finds every expression in the cache does not need it). */
    private Cel cel() {
        Cel built = cel;
        if (built == null) {
            synchronized (this) {
                built = cel;
                if (built == null) {
                    built = CelFactory.standardCelBuilder()
                            .setOptions(options)
                            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                            .addVarDeclarations(VigilVariables.all().stream()
                                    .map(v -> CelVarDecl.newVarDeclaration(v.name(), v.type())).toList())
                            .addFunctionDeclarations(functionDeclarations())
                            .addFunctionBindings(VigilFunctions.all().stream().map(ExpressionCompiler::binding).toList())
                            .build();
                    cel = built;
                }
            }
        }
        return built;
    }

    /** Vigil's functions as CEL declares them: one declaration per name, with its overloads. */
    private static List<CelFunctionDecl> functionDeclarations() {
        Map<String, List<CelOverloadDecl>> overloads = new LinkedHashMap<>();
        for (FunctionSpec function : VigilFunctions.all()) {
            overloads.computeIfAbsent(function.name(), name -> new ArrayList<>()).add(CelOverloadDecl.newGlobalOverload(
                    function.overloadId(), function.result(), function.parameters().stream().map(FunctionSpec.Parameter::type).toList()));
        }
        return overloads.entrySet().stream().map(e -> CelFunctionDecl.newFunctionDeclaration(e.getKey(), e.getValue())).toList();
    }

    /** Binds a Vigil function once, for every finding: it reads the finding from the current {@link FindingScope}. */
    private static CelFunctionBinding binding(FunctionSpec function) {
        List<Class<?>> classes = function.parameters().stream().<Class<?>>map(p -> javaClass(p.type())).toList();
        FunctionSpec.Implementation implementation = function.implementation();
        return CelFunctionBinding.from(function.overloadId(), classes,
                arguments -> implementation.apply(FindingScope.current(), arguments));
    }

    private static Class<?> javaClass(CelType type) {
        if (type.equals(SimpleType.STRING)) {
            return String.class;
        }
        if (type.equals(SimpleType.INT)) {
            return Long.class;
        }
        if (type.equals(SimpleType.BOOL)) {
            return Boolean.class;
        }
        if (type.equals(SimpleType.DOUBLE)) {
            return Double.class;
        }
        return Object.class;
    }

    public static ExpressionCompiler instance() {
        return INSTANCE;
    }

    /**
     * Compiles {@code node}'s text; on failure adds errors naming {@code owner} (e.g. {@code rule "github-ssh"}) and
     * returns empty.
     */
    public Optional<Expression> compile(YamlNode.Scalar node, String owner, Expected expected, List<PlaybookError> errors) {
        return compile(node, owner, expected, errors, ExpressionCache.none());
    }

    /**
     * Compiles {@code node}'s text. When {@code cache} knows that the same text compiled without error in an earlier run
     * of this very Vigil, it is compiled when first evaluated instead (it cannot fail: the result is a function of the
     * text and what the cache's fingerprint covers).
     */
    Optional<Expression> compile(YamlNode.Scalar node, String owner, Expected expected, List<PlaybookError> errors,
                                 ExpressionCache cache) {
        String text = node.text() == null ? "" : node.text().strip();
        if (text.isEmpty()) {
            errors.add(new PlaybookError(node.place(), "playbook_missing_key", owner + ": the expression is empty"));
            return Optional.empty();
        }
        if (cache.knows(text, expected)) {
            String tree = cache.tree(text, expected);
            return Optional.of(new Expression(text, node.place(), () -> compileKnown(text, tree)));
        }
        CelValidationResult parsed = cel().parse(text);
        if (parsed.hasError()) {
            for (CelIssue issue : parsed.getErrors()) {
                errors.add(new PlaybookError(place(node, issue.getSourceLocation()), "playbook_syntax_error",
                        owner + ": " + issue.getMessage() + " in \"" + text + "\""));
            }
            return Optional.empty();
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = parsed.getAst();
        } catch (CelValidationException e) {
            errors.add(new PlaybookError(node.place(), "playbook_syntax_error", owner + ": " + e.getMessage()));
            return Optional.empty();
        }
        int before = errors.size();
        new NameCheck(node, owner, ast, errors).visit(ast.getExpr(), Set.of());
        if (errors.size() > before) {
            return Optional.empty();
        }
        CelValidationResult checked = cel().check(ast);
        if (checked.hasError()) {
            for (CelIssue issue : checked.getErrors()) {
                errors.add(new PlaybookError(place(node, issue.getSourceLocation()), "playbook_type_error",
                        owner + ": " + issue.getMessage() + " in \"" + text + "\""));
            }
            return Optional.empty();
        }
        try {
            CelAbstractSyntaxTree checkedAst = checked.getAst();
            CelType result = checkedAst.getResultType();
            if (!fits(result, expected)) {
                errors.add(new PlaybookError(node.place(), "playbook_wrong_result_type", owner + ": \"" + text
                        + "\" gives " + FunctionSpec.typeName(result) + ", but " + expected.description + " is needed"));
                return Optional.empty();
            }
            // the lambda form comes from the parsed tree, as when the compilation is deferred
            Function<FindingScope, Object> direct = LambdaCompiler.compile(ast.getExpr()).orElse(null);
            Expression.Planner planner;
            if (direct != null) {
                planner = () -> cel().createProgram(checkedAst);
            } else {
                // the program will run: plan it now, so that a planning error is reported at load
                CelRuntime.Program program = cel().createProgram(checkedAst);
                planner = () -> program;
            }
            cache.remember(text, expected, direct == null ? null : ExpressionTreeText.write(ast.getExpr()));
            return Optional.of(new Expression(text, node.place(), new Expression.Compiled(direct, planner)));
        } catch (CelValidationException | CelEvaluationException e) {
            errors.add(new PlaybookError(node.place(), "playbook_type_error", owner + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Compiles a text that compiled without error before: from its remembered parsed tree when there is one (no CEL
     * parser, no CEL environment), else from the text parsed anew. Type-checks it only if its CEL program is needed.
     */
    private Expression.Compiled compileKnown(String text, String tree) throws CelValidationException {
        Function<FindingScope, Object> fromTree = tree == null ? null
                : ExpressionTreeText.read(tree).flatMap(LambdaCompiler::compile).orElse(null);
        if (fromTree != null) {
            return new Expression.Compiled(fromTree, () -> {
                Cel cel = cel();
                return cel.createProgram(cel.check(cel.parse(text).getAst()).getAst());
            });
        }
        Cel cel = cel();
        CelAbstractSyntaxTree ast = cel.parse(text).getAst();
        Function<FindingScope, Object> direct = LambdaCompiler.compile(ast.getExpr()).orElse(null);
        return new Expression.Compiled(direct, () -> cel.createProgram(cel.check(ast).getAst()));
    }

    /**
     * What compiling an expression depends on in this environment besides its text: CEL's options and Vigil's
     * declarations. The cache adds the jar (Vigil's own checks, CEL's version and so its standard macros).
     */
    String fingerprint() {
        return fingerprint;
    }

    /** Compiles a stand-alone expression (tests, the reference's examples). */
    public Optional<Expression> compile(String text, Expected expected, List<PlaybookError> errors) {
        return compile(YamlNode.Scalar.plain(new Place("<expression>", 1, 1), text),
                "expression", expected, errors);
    }

    private static boolean fits(CelType result, Expected expected) {
        return switch (expected) {
            case BOOL -> result.equals(SimpleType.BOOL) || result.equals(SimpleType.DYN);
            case ANSWER -> result.equals(SimpleType.BOOL) || result.equals(SimpleType.STRING) || result.equals(SimpleType.DYN);
            case ANY -> true;
        };
    }

    /** Maps a position inside the expression to the YAML file. CEL lines count from 1, columns from 0. */
    private static Place place(YamlNode.Scalar node, CelSourceLocation at) {
        if (at == null || at.equals(CelSourceLocation.NONE) || at.getLine() < 1) {
            return node.place();
        }
        int line = at.getLine() - 1;
        int column = Math.max(0, at.getColumn());
        Place start = node.place();
        if (node.block()) {
            return new Place(start.file(), start.line() + 1 + line, start.column() + 2 + column);
        }
        if (line > 0) {
            return new Place(start.file(), start.line() + line, column + 1);
        }
        return new Place(start.file(), start.line(), start.column() + (node.quoted() ? 1 : 0) + column);
    }

    /** Checks every name in a parsed expression against Vigil's registries before type-checking. */
    private final class NameCheck {
        private final YamlNode.Scalar node;
        private final String owner;
        private final CelAbstractSyntaxTree ast;
        private final List<PlaybookError> errors;

        NameCheck(YamlNode.Scalar node, String owner, CelAbstractSyntaxTree ast, List<PlaybookError> errors) {
            this.node = node;
            this.owner = owner;
            this.ast = ast;
            this.errors = errors;
        }

        void visit(CelExpr expr, Set<String> bound) {
            switch (expr.getKind()) {
                case IDENT -> checkVariable(expr, expr.ident().name(), bound);
                case SELECT -> {
                    String qualified = LambdaCompiler.qualifiedName(expr);
                    if (qualified == null) {
                        visit(expr.select().operand(), bound);
                    } else {
                        checkVariable(rootIdent(expr), qualified, bound);
                    }
                }
                case CALL -> visitCall(expr, bound);
                case LIST -> expr.list().elements().forEach(e -> visit(e, bound));
                case MAP -> expr.map().entries().forEach(e -> {
                    visit(e.key(), bound);
                    visit(e.value(), bound);
                });
                case COMPREHENSION -> {
                    CelExpr.CelComprehension loop = expr.comprehension();
                    visit(loop.iterRange(), bound);
                    Set<String> inner = new HashSet<>(bound);
                    inner.add(loop.iterVar());
                    if (!loop.iterVar2().isEmpty()) {
                        inner.add(loop.iterVar2());
                    }
                    inner.add(loop.accuVar());
                    visit(loop.accuInit(), inner);
                    visit(loop.loopCondition(), inner);
                    visit(loop.loopStep(), inner);
                    visit(loop.result(), inner);
                }
                default -> {
                }
            }
        }

        private void visitCall(CelExpr expr, Set<String> bound) {
            CelExpr.CelCall call = expr.call();
            String function = call.function();
            if (call.target().isPresent()) {
                String target = LambdaCompiler.qualifiedName(call.target().get());
                if (target != null && !isVariableOrPrefix(target) && !bound.contains(rootOf(target))) {
                    String qualified = target + "." + function;
                    if (!functions.contains(qualified)) {
                        List<String> sameNamespace = functions.stream().filter(f -> f.startsWith(target + "."))
                                .map(f -> f.substring(target.length() + 1)).toList();
                        String hint = namespaces.contains(target) ? DidYouMean.suffix(function, sameNamespace)
                                : DidYouMean.suffix(qualified, functions);
                        Place root = at(rootIdent(call.target().get()));
                        Place name = new Place(root.file(), root.line(), root.column() + target.length() + 1);
                        errors.add(new PlaybookError(name, "playbook_unknown_function",
                                owner + ": unknown function \"" + (namespaces.contains(target) ? function : qualified) + "\"" + hint));
                        return;
                    }
                    checkLiterals(qualified, call.args());
                    call.args().forEach(a -> visit(a, bound));
                    return;
                }
                if (!STANDARD_FUNCTIONS.contains(function) && !isOperator(function)) {
                    errors.add(new PlaybookError(at(expr), "playbook_unknown_function", owner + ": unknown function \""
                            + function + "\"" + DidYouMean.suffix(function, STANDARD_FUNCTIONS)));
                    return;
                }
                visit(call.target().get(), bound);
            } else if (!isOperator(function) && !functions.contains(function) && !STANDARD_FUNCTIONS.contains(function)) {
                Set<String> known = new TreeSet<>(functions);
                known.addAll(STANDARD_FUNCTIONS);
                errors.add(new PlaybookError(at(expr), "playbook_unknown_function", owner + ": unknown function \""
                        + function + "\"" + DidYouMean.suffix(function, known)));
                return;
            } else {
                checkLiterals(function, call.args());
            }
            call.args().forEach(a -> visit(a, bound));
        }

        private void checkLiterals(String function, List<CelExpr> args) {
            for (CelExpr arg : args) {
                if (arg.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && arg.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                    VigilFunctions.checkLiteral(function, arg.constant().stringValue()).ifPresent(problem ->
                            errors.add(new PlaybookError(at(arg), function.startsWith("date.") ? "playbook_bad_date"
                                    : "playbook_bad_cidr", owner + ": " + function + ": " + problem)));
                }
            }
        }

        private void checkVariable(CelExpr expr, String name, Set<String> bound) {
            if (bound.contains(rootOf(name)) || isVariableOrPrefixed(name)) {
                return;
            }
            Set<String> known = new TreeSet<>(variables);
            known.addAll(bound);
            String message = namespaces.contains(name)
                    ? owner + ": \"" + name + "\" is a namespace of functions, not a value: call one, e.g. "
                    + functions.stream().filter(f -> f.startsWith(name + ".")).findFirst().orElse(name) + "(...)"
                    : owner + ": unknown variable \"" + name + "\"" + DidYouMean.suffix(name, known);
            errors.add(new PlaybookError(at(expr), "playbook_unknown_variable", message));
        }

        /** {@code name} is a variable, or a field/key of one ({@code instance.tags.team}). */
        private boolean isVariableOrPrefixed(String name) {
            String candidate = name;
            while (true) {
                if (variables.contains(candidate)) {
                    return true;
                }
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return false;
                }
                candidate = candidate.substring(0, dot);
            }
        }

        /** {@code name} is a variable, or the start of variables' names ({@code remote} for {@code remote.ip}). */
        private boolean isVariableOrPrefix(String name) {
            return isVariableOrPrefixed(name) || variables.stream().anyMatch(v -> v.startsWith(name + "."))
                    && !namespaces.contains(name);
        }

        private Place at(CelExpr expr) {
            Integer offset = ast.getSource().getPositionsMap().get(expr.id());
            if (offset == null) {
                return node.place();
            }
            return ast.getSource().getOffsetLocation(offset).map(l -> place(node, l)).orElse(node.place());
        }
    }

    private static CelExpr rootIdent(CelExpr expr) {
        CelExpr current = expr;
        while (current.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            current = current.select().operand();
        }
        return current;
    }

    private static boolean isOperator(String function) {
        return function.startsWith("_") || function.startsWith("@") || function.startsWith("!_");
    }

    private static String rootOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
