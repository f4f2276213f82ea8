package dev.vigil.playbook;

import dev.vigil.text.DidYouMean;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import dev.vigil.yaml.Place;
import dev.vigil.yaml.YamlDocument;
import dev.vigil.yaml.YamlNode;
import dev.vigil.yaml.YamlProblem;
import dev.vigil.yaml.YamlTreeReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one playbook file into a {@link Playbook}, strictly: unknown and duplicate keys, missing keys, wrong values,
 * and every expression problem are errors at their line and column; all of a file's errors are collected at once.
 */
final class PlaybookParser {

    /** Names a template may use besides variables and evidence: the facts of the initial assessment. */
    static final Set<String> FACTS = Set.of("accountId", "accountName", "environment", "owner", "contact", "channel",
            "destinationIp", "destinationPort", "destinationOrganization", "instanceId", "firstSeen", "lastSeen", "type",
            "findingId", "region");

    static final Set<String> GROUP_BY_FIELDS = new TreeSet<>(List.of("account", "type", "remote", "remote-ip", "port",
            "resource", "instance", "region"));

    private static final List<String> PLAYBOOK_KEYS = List.of("id", "version", "title", "description", "kind", "covers",
            "group-by", "suppressions", "rules", "questions", "steps", "next-steps");
    private static final List<String> SUPPRESSION_KEYS = List.of("id", "when", "disposition", "reason", "owner",
            "reference", "expires", "evidence");
    private static final List<String> RULE_KEYS = List.of("id", "when", "benign", "raise", "lower", "disposition",
            "summary", "evidence");
    private static final List<String> QUESTION_KEYS = List.of("id", "text", "answer", "evidence");
    private static final List<String> STEP_KEYS = List.of("id", "text");

    private final String file;
    private final String source;
    private final List<PlaybookError> errors;
    private final ExpressionCache cache;
    private final ExpressionCompiler compiler = ExpressionCompiler.instance();
    private final Set<String> variableNames = new HashSet<>();

    PlaybookParser(String file, String source, List<PlaybookError> errors, ExpressionCache cache) {
        this.file = file;
        this.source = source;
        this.errors = errors;
        this.cache = cache;
        VigilVariables.all().forEach(v -> variableNames.add(v.name()));
    }

    Optional<Playbook> parse(String text) {
        Optional<YamlNode> root = read(text);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlNode.Mapping map)) {
            error(root.get().place(), "playbook_bad_value", "a playbook is a map with id, version, title, covers, ...; found " + kind(root.get()));
            return Optional.empty();
        }
        int before = errors.size();
        checkKeys(map, PLAYBOOK_KEYS, "playbook");
        String id = text(map, "id", "playbook", true);
        String owner = "playbook \"" + (id == null ? "?" : id) + "\"";
        String version = text(map, "version", owner, true);
        String title = text(map, "title", owner, true);
        String description = text(map, "description", owner, false);
        String kind = text(map, "kind", owner, false);
        boolean global = false;
        if (kind != null && !kind.equals("playbook")) {
            if (kind.equals("global")) {
                global = true;
            } else {
                error(map.get("kind").place(), "playbook_bad_value", owner + ": kind is \"playbook\" (the default) or \"global\", not \"" + kind + "\"");
            }
        }
        List<TypePattern> covers = covers(map, owner, global);
        List<String> groupBy = List.of();
        Expression groupByExpression = null;
        if (map.get("group-by") instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            groupByExpression = compiler.compile(scalar, owner + " group-by", ExpressionCompiler.Expected.ANY, errors, cache).orElse(null);
        } else {
            groupBy = groupBy(map, owner);
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (YamlNode.Mapping item : maps(map.get("suppressions"), owner + ": suppressions")) {
            suppression(item).ifPresent(suppressions::add);
        }
        List<Rule> rules = new ArrayList<>();
        for (YamlNode.Mapping item : maps(map.get("rules"), owner + ": rules")) {
            rule(item).ifPresent(rules::add);
        }
        List<Question> questions = new ArrayList<>();
        for (YamlNode.Mapping item : maps(map.get("questions"), owner + ": questions")) {
            question(item).ifPresent(questions::add);
        }
        uniqueIds(map, owner);
        List<PlaybookStep> steps = steps(map.get("steps"), owner);
        Map<Disposition, List<Template>> nextSteps = nextSteps(map.get("next-steps"), owner);
        if (global && (!questions.isEmpty() || !steps.isEmpty())) {
            error(map.place(), "playbook_bad_value", owner + ": a global playbook has suppressions, rules and next-steps only;"
                    + " put questions and steps in a type's playbook");
        }
        if (errors.size() > before || id == null) {
            return Optional.empty();
        }
        return Optional.of(new Playbook(id, version, title, description, global, covers, groupBy, groupByExpression, suppressions, rules,
                questions, steps, nextSteps, source, map.place()));
    }

    private List<TypePattern> covers(YamlNode.Mapping map, String owner, boolean global) {
        YamlNode node = map.get("covers");
        if (node == null) {
            if (!global) {
                error(map.place(), "playbook_missing_key", owner + ": \"covers\" is missing: list the finding types"
                        + " (e.g. Behavior:EC2/NetworkPortUnusual, UnauthorizedAccess:*/Tor*, or default)");
            }
            return List.of();
        }
        if (global) {
            error(node.place(), "playbook_bad_value", owner + ": a global playbook applies to every finding; remove \"covers\"");
            return List.of();
        }
        List<TypePattern> patterns = new ArrayList<>();
        for (YamlNode.Scalar item : scalars(node, owner + ": covers")) {
            String text = item.text() == null ? "" : item.text().trim();
            if (text.isEmpty() || text.contains(" ")) {
                error(item.place(), "playbook_bad_pattern", owner + ": \"" + text + "\" is not a finding type or pattern"
                        + " (e.g. Recon:EC2/PortProbeUnprotectedPort, UnauthorizedAccess:*/Tor*, default)");
            } else {
                patterns.add(TypePattern.of(text));
            }
        }
        if (patterns.isEmpty() && node instanceof YamlNode.Sequence list && list.items().isEmpty()) {
            error(node.place(), "playbook_missing_key", owner + ": \"covers\" is empty");
        }
        return patterns;
    }

    private List<String> groupBy(YamlNode.Mapping map, String owner) {
        YamlNode node = map.get("group-by");
        if (node == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (YamlNode.Scalar item : scalars(node, owner + ": group-by")) {
            String field = item.text() == null ? "" : item.text().trim();
            if (!GROUP_BY_FIELDS.contains(field)) {
                error(item.place(), "playbook_bad_value", owner + ": group-by field \"" + field + "\" is not one of "
                        + GROUP_BY_FIELDS + DidYouMean.suffix(field, GROUP_BY_FIELDS));
            } else {
                fields.add(field);
            }
        }
        return fields;
    }

    private Optional<Suppression> suppression(YamlNode.Mapping map) {
        checkKeys(map, SUPPRESSION_KEYS, "suppression");
        String id = text(map, "id", "suppression", true);
        String owner = "suppression \"" + (id == null ? "?" : id) + "\"";
        Optional<Expression> when = expression(map, "when", owner, ExpressionCompiler.Expected.BOOL, true);
        Disposition disposition = null;
        String dispositionText = text(map, "disposition", owner, true);
        if (dispositionText != null) {
            disposition = switch (dispositionText) {
                case "false_positive" -> Disposition.FALSE_POSITIVE;
                case "acknowledged" -> Disposition.ACKNOWLEDGED;
                default -> {
                    error(map.get("disposition").place(), "playbook_bad_value", owner + ": a suppression's disposition is"
                            + " false_positive or acknowledged, not \"" + dispositionText + "\" (use a rule for the others)");
                    yield null;
                }
            };
        }
        String reason = text(map, "reason", owner, true);
        String by = text(map, "owner", owner, true);
        String reference = text(map, "reference", owner, false);
        LocalDate expires = null;
        String expiresText = text(map, "expires", owner, false);
        if (expiresText != null) {
            try {
                expires = LocalDate.parse(expiresText.trim());
            } catch (java.time.format.DateTimeParseException e) {
                error(map.get("expires").place(), "playbook_bad_date", owner + ": expires \"" + expiresText
                        + "\" is not a date: write it as YYYY-MM-DD, e.g. 2027-06-30");
            }
        }
        Map<String, Expression> evidence = evidence(map, owner);
        if (id == null || when.isEmpty() || disposition == null || reason == null || by == null) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(id, map.place(), when.get(), disposition, reason, by, reference, expires, evidence));
    }

    private Optional<Rule> rule(YamlNode.Mapping map) {
        checkKeys(map, RULE_KEYS, "rule");
        String id = text(map, "id", "rule", true);
        String owner = "rule \"" + (id == null ? "?" : id) + "\"";
        Optional<Expression> when = expression(map, "when", owner, ExpressionCompiler.Expected.BOOL, true);
        boolean benign = bool(map, "benign", owner);
        Level raise = level(map, "raise", owner);
        Level lower = level(map, "lower", owner);
        if (lower != null && !benign) {
            error(map.get("lower").place(), "playbook_lower_not_benign", owner + ": only a rule that finds the activity"
                    + " legitimate may lower the severity: add \"benign: true\" if it does, or use raise");
        }
        if (raise != null && benign) {
            error(map.get("raise").place(), "playbook_bad_value", owner + ": a benign rule lowers the severity; it cannot also raise it");
        }
        Disposition disposition = null;
        String dispositionText = text(map, "disposition", owner, false);
        if (dispositionText != null) {
            switch (dispositionText) {
                case "expected" -> disposition = Disposition.EXPECTED;
                case "investigate" -> disposition = Disposition.INVESTIGATE;
                case "escalate" -> disposition = Disposition.ESCALATE;
                default -> error(map.get("disposition").place(), "playbook_bad_value", owner + ": a rule's disposition is"
                        + " expected, investigate or escalate, not \"" + dispositionText + "\""
                        + (dispositionText.equals("false_positive") || dispositionText.equals("acknowledged")
                        ? " (write a suppression for that)" : ""));
            }
        }
        Map<String, Expression> evidence = evidence(map, owner);
        String summaryText = text(map, "summary", owner, true);
        Template summary = null;
        if (summaryText != null) {
            summary = Template.of(summaryText);
            Set<String> known = new HashSet<>(variableNames);
            known.addAll(FACTS);
            known.addAll(evidence.keySet());
            checkPlaceholders(summary, known, map.get("summary").place(), owner);
        }
        if (id == null || when.isEmpty() || summary == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, map.place(), when.get(), benign, raise, lower, disposition, summary, evidence));
    }

    private Optional<Question> question(YamlNode.Mapping map) {
        checkKeys(map, QUESTION_KEYS, "question");
        String id = text(map, "id", "question", true);
        String owner = "question \"" + (id == null ? "?" : id) + "\"";
        String text = text(map, "text", owner, true);
        Optional<Expression> answer = expression(map, "answer", owner, ExpressionCompiler.Expected.ANSWER, true);
        Map<String, Expression> evidence = evidence(map, owner);
        if (id == null || text == null || answer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Question(id, map.place(), text, answer.get(), evidence));
    }

    private List<PlaybookStep> steps(YamlNode node, String owner) {
        List<PlaybookStep> steps = new ArrayList<>();
        if (node == null) {
            return steps;
        }
        if (!(node instanceof YamlNode.Mapping phases)) {
            error(node.place(), "playbook_bad_value", owner + ": steps is a map from phase (" + String.join(", ", PlaybookStep.PHASES)
                    + ") to a list of steps; found " + kind(node));
            return steps;
        }
        Set<String> known = new HashSet<>(variableNames);
        known.addAll(FACTS);
        for (YamlNode.Field entry : phases.fields().values()) {
            String phase = entry.key();
            if (!PlaybookStep.PHASES.contains(phase)) {
                error(entry.keyPlace(), "playbook_unknown_key", owner + ": unknown phase \"" + phase + "\""
                        + DidYouMean.suffix(phase, PlaybookStep.PHASES) + " (phases: " + String.join(", ", PlaybookStep.PHASES) + ")");
                continue;
            }
            if (!(entry.value() instanceof YamlNode.Sequence list)) {
                error(entry.value().place(), "playbook_bad_value", owner + ": steps." + phase + " is a list; found " + kind(entry.value()));
                continue;
            }
            int number = 0;
            for (YamlNode item : list.items()) {
                number++;
                String id = phase + "-" + number;
                String text = null;
                if (item instanceof YamlNode.Scalar scalar && scalar.text() != null) {
                    text = scalar.text();
                } else if (item instanceof YamlNode.Mapping step) {
                    checkKeys(step, STEP_KEYS, "step");
                    String given = text(step, "id", owner + ": step", false);
                    id = given == null ? id : given;
                    text = text(step, "text", owner + ": step " + id, true);
                } else {
                    error(item.place(), "playbook_bad_value", owner + ": a step is a text or a map with id and text; found " + kind(item));
                }
                if (text != null) {
                    Template template = Template.of(text.strip());
                    checkPlaceholders(template, known, item.place(), owner + ": step " + id);
                    steps.add(new PlaybookStep(id, phase, template));
                }
            }
        }
        steps.sort(java.util.Comparator.comparingInt(s -> PlaybookStep.PHASES.indexOf(s.phase())));
        return steps;
    }

    private Map<Disposition, List<Template>> nextSteps(YamlNode node, String owner) {
        Map<Disposition, List<Template>> result = new EnumMap<>(Disposition.class);
        if (node == null) {
            return result;
        }
        if (!(node instanceof YamlNode.Mapping map)) {
            error(node.place(), "playbook_bad_value", owner + ": next-steps is a map from disposition to a list of texts; found " + kind(node));
            return result;
        }
        Set<String> known = new HashSet<>(variableNames);
        known.addAll(FACTS);
        List<String> dispositions = java.util.Arrays.stream(Disposition.values()).map(Disposition::id).toList();
        for (YamlNode.Field entry : map.fields().values()) {
            if (!dispositions.contains(entry.key())) {
                error(entry.keyPlace(), "playbook_unknown_key", owner + ": next-steps for unknown disposition \"" + entry.key()
                        + "\"" + DidYouMean.suffix(entry.key(), dispositions) + " (dispositions: " + String.join(", ", dispositions) + ")");
                continue;
            }
            List<Template> templates = new ArrayList<>();
            for (YamlNode.Scalar item : scalars(entry.value(), owner + ": next-steps." + entry.key())) {
                Template template = Template.of(item.text() == null ? "" : item.text().strip());
                checkPlaceholders(template, known, item.place(), owner + ": next-steps." + entry.key());
                templates.add(template);
            }
            result.put(Disposition.valueOf(entry.key().toUpperCase(Locale.ROOT)), templates);
        }
        return result;
    }

    private Map<String, Expression> evidence(YamlNode.Mapping map, String owner) {
        Map<String, Expression> evidence = new LinkedHashMap<>();
        YamlNode node = map.get("evidence");
        if (node == null) {
            return evidence;
        }
        if (!(node instanceof YamlNode.Mapping entries)) {
            error(node.place(), "playbook_bad_value", owner + ": evidence is a map from name to expression"
                    + " (e.g. range: ip.matchedRange('github-git')); found " + kind(node));
            return evidence;
        }
        for (YamlNode.Field entry : entries.fields().values()) {
            if (entry.value() instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                compiler.compile(scalar, owner + " evidence \"" + entry.key() + "\"", ExpressionCompiler.Expected.ANY, errors, cache)
                        .ifPresent(expression -> evidence.put(entry.key(), expression));
            } else {
                error(entry.value().place(), "playbook_bad_value", owner + ": evidence \"" + entry.key() + "\" is an expression; found " + kind(entry.value()));
            }
        }
        return evidence;
    }

    private void uniqueIds(YamlNode.Mapping map, String owner) {
        for (List<String> sections : List.of(List.of("suppressions", "rules"), List.of("questions"))) {
            uniqueIds(map, owner, sections);
        }
    }

    private void uniqueIds(YamlNode.Mapping map, String owner, List<String> sections) {
        Map<String, Place> seen = new LinkedHashMap<>();
        for (String section : sections) {
            YamlNode node = map.get(section);
            if (!(node instanceof YamlNode.Sequence list)) {
                continue;
            }
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Mapping entry && entry.get("id") instanceof YamlNode.Scalar id && id.text() != null) {
                    Place first = seen.putIfAbsent(id.text(), id.place());
                    if (first != null) {
                        error(id.place(), "playbook_duplicate_id", owner + ": id \"" + id.text() + "\" is used twice (first at line "
                                + first.line() + "): ids name rules in verdicts, so each must be unique");
                    }
                }
            }
        }
    }

    // ---- small readers ---------------------------------------------------------------------------------------------

    private Optional<Expression> expression(YamlNode.Mapping map, String key, String owner, ExpressionCompiler.Expected expected,
                                            boolean required) {
        YamlNode node = map.get(key);
        if (node == null) {
            if (required) {
                error(map.place(), "playbook_missing_key", owner + ": \"" + key + "\" is missing");
            }
            return Optional.empty();
        }
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            error(node.place(), "playbook_bad_value", owner + ": \"" + key + "\" is a CEL expression; found " + kind(node));
            return Optional.empty();
        }
        return compiler.compile(scalar, owner, expected, errors, cache);
    }

    private String text(YamlNode.Mapping map, String key, String owner, boolean required) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            if (required) {
                error(map.place(), "playbook_missing_key", owner + ": \"" + key + "\" is missing");
            }
            return null;
        }
        if (!(node instanceof YamlNode.Scalar scalar)) {
            error(node.place(), "playbook_bad_value", owner + ": \"" + key + "\" is a text; found " + kind(node));
            return null;
        }
        return scalar.text();
    }

    private boolean bool(YamlNode.Mapping map, String key, String owner) {
        String text = text(map, key, owner, false);
        if (text == null) {
            return false;
        }
        if (!text.equals("true") && !text.equals("false")) {
            error(map.get(key).place(), "playbook_bad_value", owner + ": \"" + key + "\" is true or false, not \"" + text + "\"");
        }
        return text.equals("true");
    }

    private Level level(YamlNode.Mapping map, String key, String owner) {
        String text = text(map, key, owner, false);
        if (text == null) {
            return null;
        }
        try {
            return Level.parse(text);
        } catch (IllegalArgumentException e) {
            error(map.get(key).place(), "playbook_bad_value", owner + ": \"" + key + "\" is high, medium or low, not \"" + text + "\"");
            return null;
        }
    }

    private List<YamlNode.Mapping> maps(YamlNode node, String what) {
        List<YamlNode.Mapping> maps = new ArrayList<>();
        if (node == null) {
            return maps;
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            error(node.place(), "playbook_bad_value", what + " is a list; found " + kind(node));
            return maps;
        }
        for (YamlNode item : list.items()) {
            if (item instanceof YamlNode.Mapping map) {
                maps.add(map);
            } else {
                error(item.place(), "playbook_bad_value", what + ": each entry is a map with id, when, ...; found " + kind(item));
            }
        }
        return maps;
    }

    private List<YamlNode.Scalar> scalars(YamlNode node, String what) {
        List<YamlNode.Scalar> scalars = new ArrayList<>();
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            scalars.add(scalar);
        } else if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                    scalars.add(scalar);
                } else {
                    error(item.place(), "playbook_bad_value", what + ": each entry is a text; found " + kind(item));
                }
            }
        } else if (node != null) {
            error(node.place(), "playbook_bad_value", what + " is a list of texts; found " + kind(node));
        }
        return scalars;
    }

    private void checkKeys(YamlNode.Mapping map, List<String> allowed, String what) {
        for (YamlNode.Field entry : map.fields().values()) {
            if (!allowed.contains(entry.key())) {
                error(entry.keyPlace(), "playbook_unknown_key", "unknown key \"" + entry.key() + "\" in " + what
                        + DidYouMean.suffix(entry.key(), allowed) + " (keys: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private void checkPlaceholders(Template template, Set<String> known, Place location, String owner) {
        for (String name : template.unknownPlaceholders(known)) {
            error(location, "playbook_unknown_placeholder", owner + ": unknown placeholder {{" + name + "}}"
                    + DidYouMean.suffix(name, known) + " (use a fact such as {{contact}}, a variable such as {{remote.ip}}, or an evidence name)");
        }
    }

    private void error(Place location, String code, String message) {
        errors.add(new PlaybookError(location, code, message));
    }

    /** The document's root, or empty when the text is empty or not YAML (with the error). */
    private Optional<YamlNode> read(String text) {
        YamlDocument document;
        try {
            document = YamlTreeReader.read(file, text);
        } catch (IOException e) {
            error(new Place(file, 1, 1), "playbook_unreadable", "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        for (YamlProblem problem : document.problems()) {
            if (problem instanceof YamlProblem.DuplicateKey duplicate) {
                error(duplicate.place(), "playbook_duplicate_key", "duplicate key \"" + duplicate.key()
                        + "\" (first at line " + duplicate.first().line() + "): keep one of them");
            } else if (problem instanceof YamlProblem.Syntax syntax) {
                Place at = syntax.place();
                error(new Place(file, Math.max(1, at.line()), Math.max(1, at.column())), "playbook_yaml_syntax",
                        "not valid YAML: " + syntax.firstLine());
            }
        }
        if (document.isEmpty()) {
            error(new Place(file, 1, 1), "playbook_empty", "the file is empty: a playbook needs at least id, version, title");
        }
        return Optional.ofNullable(document.root());
    }

    /** What a node is, for messages: "a map", "a list", "a text". */
    private static String kind(YamlNode node) {
        return node instanceof YamlNode.Scalar ? "a text" : node.shape();
    }
}
