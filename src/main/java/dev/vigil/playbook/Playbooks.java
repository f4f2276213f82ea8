package dev.vigil.playbook;

import dev.vigil.yaml.Place;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The playbooks in force: the bundled ones (src/main/resources/playbooks/), with the user's directories adding
 * playbooks or replacing bundled ones by id (a later directory replaces an earlier one). Loading is all-or-nothing:
 * every error of every file is reported at once. Thread-safe once loaded.
 *
 * <p>Choosing a playbook for a type: the playbook whose {@code covers} matches most specifically (an exact type, then
 * the glob with the most literal characters, then {@code default}); ties go to the playbook whose id sorts first.
 */
public final class Playbooks {

    private static final String BUNDLED_INDEX = "playbooks/bundled.txt";

    private final List<Playbook> typePlaybooks;
    private final List<Playbook> global;
    private final Map<String, Playbook> byType = new ConcurrentHashMap<>();

    private Playbooks(List<Playbook> playbooks) {
        this.typePlaybooks = playbooks.stream().filter(p -> !p.global()).sorted(Comparator.comparing(Playbook::id)).toList();
        this.global = playbooks.stream().filter(Playbook::global).sorted(Comparator.comparing(Playbook::id)).toList();
    }

    /** The bundled playbooks only. */
    public static Playbooks bundled() {
        return load(List.of());
    }

    /**
     * Bundled playbooks plus {@code userDirs}; throws {@link PlaybookException} with every error when any file is invalid.
     * Uses the user's cache of expressions that compiled without error (see {@link ExpressionCache}).
     */
    public static Playbooks load(List<Path> userDirs) {
        return load(userDirs, ExpressionCache.standard(ExpressionCompiler.instance().fingerprint()));
    }

    static Playbooks load(List<Path> userDirs, ExpressionCache cache) {
        List<PlaybookError> errors = new ArrayList<>();
        Map<String, Playbook> byId = new LinkedHashMap<>();
        for (Playbook playbook : parseBundled(errors, cache)) {
            byId.put(playbook.id(), playbook);
        }
        for (Path dir : userDirs) {
            Map<String, Playbook> inDir = new LinkedHashMap<>();
            for (Playbook playbook : parseDirectory(dir, errors, cache)) {
                Playbook twin = inDir.putIfAbsent(playbook.id(), playbook);
                if (twin != null) {
                    errors.add(new PlaybookError(playbook.location(), "playbook_duplicate_id", "playbook id \"" + playbook.id()
                            + "\" is also used by " + twin.source() + ": give one of them another id"));
                }
            }
            byId.putAll(inDir);
        }
        checkCoverage(byId.values(), errors);
        cache.save();
        if (!errors.isEmpty()) {
            throw new PlaybookException(errors);
        }
        return new Playbooks(new ArrayList<>(byId.values()));
    }

    /** Every error of the playbooks in {@code dirs}, as {@link #load} would report them; empty when they are valid. */
    public static List<PlaybookError> check(List<Path> dirs) {
        try {
            load(dirs);
            return List.of();
        } catch (PlaybookException e) {
            return e.errors();
        }
    }

    /** Type playbooks, sorted by id, then global ones. */
    public List<Playbook> all() {
        List<Playbook> all = new ArrayList<>(typePlaybooks);
        all.addAll(global);
        return all;
    }

    /** The global playbooks, whose suppressions and rules apply to every finding first. */
    public List<Playbook> global() {
        return global;
    }

    /**
     * Compiles, on a thread of its own, the expressions whose compilation was deferred to their first use (see
     * {@link ExpressionCache}), global playbooks first: triage then finds them compiled instead of compiling them on its
     * first findings, on the thread that decides (from the remembered parsed trees, a few milliseconds; CEL's parser on
     * a fresh JVM took about a tenth of a second). An expression that fails to compile is left for its first
     * evaluation to report. Returns at once.
     */
    public void compileAhead() {
        List<Expression> expressions = expressions();
        Thread thread = new Thread(() -> {
            for (Expression expression : expressions) {
                expression.prepare();
            }
        }, "vigil-compile");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every expression: of the suppressions, rules and questions with their evidence, and case grouping; global first. */
    List<Expression> expressions() {
        List<Expression> expressions = new ArrayList<>();
        List<Playbook> ordered = new ArrayList<>(global);
        ordered.addAll(typePlaybooks);
        for (Playbook playbook : ordered) {
            for (Suppression suppression : playbook.suppressions()) {
                expressions.add(suppression.when());
                expressions.addAll(suppression.evidence().values());
            }
            for (Rule rule : playbook.rules()) {
                expressions.add(rule.when());
                expressions.addAll(rule.evidence().values());
            }
            for (Question question : playbook.questions()) {
                expressions.add(question.answer());
                expressions.addAll(question.evidence().values());
            }
            if (playbook.groupByExpression() != null) {
                expressions.add(playbook.groupByExpression());
            }
        }
        return expressions;
    }

    /** The playbook for a finding type (most specific match; the default playbook otherwise). */
    public Playbook forType(String type) {
        return byType.computeIfAbsent(type, this::choose);
    }

    private Playbook choose(String type) {
        Playbook best = null;
        int bestSpecificity = Integer.MIN_VALUE;
        for (Playbook playbook : typePlaybooks) {
            int specificity = playbook.specificityFor(type);
            if (specificity > bestSpecificity) {
                best = playbook;
                bestSpecificity = specificity;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no playbook covers \"" + type + "\" and there is no default playbook");
        }
        return best;
    }

    private static void checkCoverage(java.util.Collection<Playbook> playbooks, List<PlaybookError> errors) {
        Map<String, Playbook> byPattern = new LinkedHashMap<>();
        for (Playbook playbook : playbooks) {
            for (TypePattern pattern : playbook.covers()) {
                Playbook other = byPattern.putIfAbsent(pattern.text(), playbook);
                if (other != null && other != playbook) {
                    errors.add(new PlaybookError(playbook.location(), "playbook_overlapping_covers", "playbook \"" + playbook.id()
                            + "\" and playbook \"" + other.id() + "\" (" + other.source() + ") both cover \"" + pattern.text()
                            + "\": to replace a bundled playbook, give yours the same id"));
                }
            }
        }
        if (!byPattern.containsKey(TypePattern.DEFAULT) && !playbooks.isEmpty()) {
            Playbook first = playbooks.iterator().next();
            errors.add(new PlaybookError(first.location(), "playbook_no_default", "no playbook covers \"default\": every other"
                    + " finding type needs one (keep the bundled default, or write one with covers: [default])"));
        }
    }

    private static List<Playbook> parseBundled(List<PlaybookError> errors, ExpressionCache cache) {
        List<Playbook> playbooks = new ArrayList<>();
        for (String name : resource(BUNDLED_INDEX).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String path = "playbooks/" + name;
            new PlaybookParser("bundled:" + path, "bundled:" + path, errors, cache).parse(resource(path)).ifPresent(playbooks::add);
        }
        return playbooks;
    }

    private static List<Playbook> parseDirectory(Path dir, List<PlaybookError> errors, ExpressionCache cache) {
        List<Playbook> playbooks = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            errors.add(new PlaybookError(new Place(dir.toString(), 1, 1), "playbook_no_directory",
                    "no playbook directory here: give a directory of .yaml playbooks"));
            return playbooks;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            errors.add(new PlaybookError(new Place(dir.toString(), 1, 1), "playbook_unreadable", "cannot list: " + e.getMessage()));
            return playbooks;
        }
        for (Path file : files) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                new PlaybookParser(file.toString(), file.toString(), errors, cache).parse(text).ifPresent(playbooks::add);
            } catch (IOException e) {
                errors.add(new PlaybookError(new Place(file.toString(), 1, 1), "playbook_unreadable", "cannot read: " + e.getMessage()));
            }
        }
        return playbooks;
    }

    private static String resource(String path) {
        try (InputStream in = Playbooks.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
