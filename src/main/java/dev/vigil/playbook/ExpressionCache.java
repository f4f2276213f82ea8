package dev.vigil.playbook;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Remembers which expressions compiled without error, so that the next run compiles them only when they are first
 * evaluated, and skips their type check (the costly part of loading playbooks: CEL builds its standard environment
 * anew for every expression it checks).
 *
 * <p>An entry is the SHA-256 of (the fingerprint, what the expression must produce, its text): it says "this text
 * compiles without error and gives what is needed". The fingerprint covers everything that outcome depends on: the
 * Vigil jar (path, size, modification time: Vigil's own checks and CEL's version), CEL's options and macros, and every
 * variable and function declaration. Errors are never remembered: an expression that fails is compiled, and reported,
 * every time. A file that cannot be read, or lines that are not entries, are ignored; a cache that cannot be written
 * is skipped. Thread-safe.
 *
 * <p>The file is {@code $XDG_CACHE_HOME/vigil/expressions} (else {@code ~/.cache/vigil/expressions}); {@code
 * VIGIL_CACHE=off} turns it off. Only a Vigil run from its jar uses it (from classes, as in tests, there is no jar
 * to fingerprint).
 */
final class ExpressionCache {

    private static final String HEADER = "# vigil: CEL expressions that compiled without error (a cache: safe to delete)";
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}");
    /** Entries kept: far more than any set of playbooks has expressions; the oldest go first. */
    private static final int MAX_ENTRIES = 10_000;
    private static final ExpressionCache NONE = new ExpressionCache(null, "");

    private final Path file;
    private final String fingerprint;
    private final Set<String> entries = new LinkedHashSet<>();
    private final Set<String> used = new LinkedHashSet<>();
    private boolean changed;
    private int hits;

    private ExpressionCache(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** No cache: every expression is compiled at load. */
    static ExpressionCache none() {
        return NONE;
    }

    /** The user's cache (see the class comment), or none when it is turned off or Vigil does not run from its jar. */
    static ExpressionCache standard(String environmentFingerprint) {
        return standard(System.getenv(), jarIdentity(), environmentFingerprint);
    }

    static ExpressionCache standard(Map<String, String> environment, String jar, String environmentFingerprint) {
        if (jar == null || "off".equalsIgnoreCase(environment.getOrDefault("VIGIL_CACHE", ""))) {
            return NONE;
        }
        String cacheHome = environment.get("XDG_CACHE_HOME");
        Path dir = cacheHome != null && !cacheHome.isBlank() ? Path.of(cacheHome, "vigil")
                : Path.of(System.getProperty("user.home"), ".cache", "vigil");
        return open(dir.resolve("expressions"), jar + "\n" + environmentFingerprint);
    }

    /**
     * The cache in {@code file} for an environment with this fingerprint. The file may hold entries of other
     * fingerprints too (another Vigil jar): they match nothing here, and are kept until they are the oldest.
     */
    static ExpressionCache open(Path file, String fingerprint) {
        ExpressionCache cache = new ExpressionCache(file, hex(sha256(fingerprint)));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return cache; // none yet, or unreadable: start empty
        }
        for (String line : lines) {
            if (ENTRY.matcher(line).matches()) {
                cache.entries.add(line);
            }
        }
        return cache;
    }

    /** Whether {@code text} compiled without error in this environment and gave what {@code expected} needs. */
    synchronized boolean knows(String text, ExpressionCompiler.Expected expected) {
        if (file == null) {
            return false;
        }
        String entry = entry(text, expected);
        boolean known = entries.contains(entry);
        if (known) {
            hits++;
            used.add(entry);
        }
        return known;
    }

    /** How many expressions were known, their compilation deferred. */
    synchronized int hits() {
        return hits;
    }

    /** The cache file; null for none. */
    Path file() {
        return file;
    }

    /** Records that {@code text} compiled without error and gives what {@code expected} needs. */
    synchronized void remember(String text, ExpressionCompiler.Expected expected) {
        if (file == null) {
            return;
        }
        String entry = entry(text, expected);
        if (entries.add(entry)) {
            used.add(entry);
            changed = true;
        }
    }

    /**
     * Writes the file when something new was remembered (atomically: readers see the old file or the new one), the
     * entries this run used last, so that the oldest go first when there are too many.
     */
    synchronized void save() {
        if (file == null || !changed) {
            return;
        }
        List<String> all = new ArrayList<>(entries);
        all.removeAll(used);
        all.addAll(used);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(all.subList(Math.max(0, all.size() - MAX_ENTRIES), all.size()));
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "expressions", ".tmp");
            Files.write(temporary, lines, StandardCharsets.ISO_8859_1);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            changed = false;
        } catch (IOException | RuntimeException e) {
            // only a cache: the next run checks again
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private String entry(String text, ExpressionCompiler.Expected expected) {
        return hex(sha256(fingerprint + "\n" + expected.name() + "\n" + text));
    }

    /** The jar Vigil runs from, as path, size and modification time (any rebuild changes it); null when not a jar. */
    private static String jarIdentity() {
        try {
            CodeSource source = ExpressionCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
