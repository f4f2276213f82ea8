package dev.vigil.playbook;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Remembers which expressions compiled without error, and the parsed trees of those that compile to lambdas, so that
 * the next run neither type-checks them (the costly part of loading playbooks: CEL builds its standard environment anew
 * for every expression it checks) nor parses them: their lambdas are built from the remembered tree when first needed
 * (see {@link Playbooks#compileAhead}). A run whose expressions are all known thus never loads CEL's ANTLR parser nor
 * builds a CEL environment (the parser's classes, the compiling of their methods and the parsing were about a tenth of
 * a second of CPU at every start). An expression outside the lambda subset is remembered without a tree and parsed when
 * first needed: its CEL program needs the environment anyway.
 *
 * <p>The file has one line per expression: {@code TAG CRC EXPECTED TEXT [TREE]}.
 * <ul>
 * <li>TAG: a 64-bit hash (FNV-1a, hex) of the fingerprint, which covers everything the outcome depends on: the Vigil
 * jar (path, size, modification time: Vigil's own checks, CEL's version and so its standard macros), CEL's options, and
 * every variable and function declaration. A start parses only the lines with its own tag; the others (another Vigil
 * jar, or the 64-digit hashes an older Vigil wrote) are kept as they are until they are the oldest.</li>
 * <li>CRC: the CRC-32 of the rest of the line. A line whose CRC does not match is ignored: the expression is compiled
 * in full and remembered again.</li>
 * <li>EXPECTED: what the expression must produce; TEXT: the expression, kept whole so that a look-up needs no hash;
 * TREE: its parsed tree. Both are written by {@link ExpressionTreeText} (no spaces, ASCII only). A tree that does not
 * read back is replaced by parsing the text.</li>
 * </ul>
 * Errors are never remembered: an expression that fails is compiled, and reported, every time. A file that cannot be
 * read is ignored; a cache that cannot be written is skipped. The file is replaced atomically (written to a temporary
 * file, then moved): concurrent runs never see half a file, and the last to write wins. No cryptographic hash is used:
 * the first {@code MessageDigest} of a run cost 10 to 25 ms. Thread-safe.
 *
 * <p>The file is {@code $XDG_CACHE_HOME/vigil/expressions} (else {@code ~/.cache/vigil/expressions}); {@code
 * VIGIL_CACHE=off} turns it off. Only a Vigil run from its jar uses it (from classes, as in tests, there is no jar
 * to fingerprint).
 */
final class ExpressionCache {

    private static final String HEADER = "# vigil: CEL expressions that compiled without error, with their parsed trees"
            + " (a cache: safe to delete)";
    /**
     * Lines kept: far more than any set of playbooks has expressions; the oldest go first. Every start reads the whole
     * file, so it stays small (about 130 bytes a line).
     */
    private static final int MAX_ENTRIES = 2_000;
    private static final int TAG_LENGTH = 16;
    /** Where the rest of a line starts, after its tag and CRC. */
    private static final int BODY = TAG_LENGTH + 1 + 8 + 1;
    private static final ExpressionCache NONE = new ExpressionCache(null, "");

    private final Path file;
    private final String tag;
    /** Every line kept, ours and others, in file order. */
    private final Set<String> lines = new LinkedHashSet<>();
    /** This fingerprint's lines by {@code EXPECTED TEXT}. */
    private final Map<String, String> ours = new HashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private boolean changed;
    private int hits;

    private ExpressionCache(Path file, String tag) {
        this.file = file;
        this.tag = tag;
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
     * The cache in {@code file} for an environment with this fingerprint. The file may hold lines of other
     * fingerprints too (another Vigil jar): they match nothing here, and are kept until they are the oldest.
     */
    static ExpressionCache open(Path file, String fingerprint) {
        ExpressionCache cache = new ExpressionCache(file, tag(fingerprint));
        String text;
        try {
            // one String for the file, and only this fingerprint's lines parsed: reading 9,000 lines as Strings and
            // matching each with a pattern took 30-40 ms at every start
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return cache; // none yet, or unreadable: start empty
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith(cache.tag, start)) {
                cache.readOurs(text.substring(start, end));
            } else if (isEntry(text, start, end)) {
                cache.lines.add(text.substring(start, end));
            }
            start = end + 1;
        }
        return cache;
    }

    private void readOurs(String line) {
        if (line.length() <= BODY || line.charAt(TAG_LENGTH) != ' ' || line.charAt(BODY - 1) != ' '
                || line.indexOf(' ', BODY) <= BODY || !line.regionMatches(TAG_LENGTH + 1, crc(line, BODY), 0, 8)) {
            return; // cut short or damaged: compiled in full and remembered again
        }
        String previous = ours.put(key(line), line);
        if (previous != null) {
            lines.remove(previous);
        }
        lines.add(line);
    }

    /** Whether a line looks like an entry of another fingerprint (a tag, or an older Vigil's 64-digit hash). */
    private static boolean isEntry(String text, int start, int end) {
        int length = end - start;
        if (length != 64 && (length <= BODY || text.charAt(start + TAG_LENGTH) != ' ')) {
            return false;
        }
        for (int i = start; i < start + TAG_LENGTH; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} compiled without error in this environment and gave what {@code expected} needs. */
    synchronized boolean knows(String text, ExpressionCompiler.Expected expected) {
        if (file == null) {
            return false;
        }
        String line = ours.get(expected.name() + ' ' + ExpressionTreeText.escape(text));
        if (line != null) {
            hits++;
            used.add(line);
        }
        return line != null;
    }

    /** The parsed tree remembered with a known expression ({@link ExpressionTreeText}); null when there is none. */
    synchronized String tree(String text, ExpressionCompiler.Expected expected) {
        String line = file == null ? null : ours.get(expected.name() + ' ' + ExpressionTreeText.escape(text));
        if (line == null) {
            return null;
        }
        int treeStart = line.indexOf(' ', line.indexOf(' ', BODY) + 1);
        return treeStart < 0 ? null : line.substring(treeStart + 1);
    }

    /** How many expressions were known, their compilation deferred. */
    synchronized int hits() {
        return hits;
    }

    /** The cache file; null for none. */
    Path file() {
        return file;
    }

    /**
     * Records that {@code text} compiled without error and gives what {@code expected} needs, with its parsed tree
     * (text of {@link ExpressionTreeText}; null for none).
     */
    synchronized void remember(String text, ExpressionCompiler.Expected expected, String tree) {
        if (file == null) {
            return;
        }
        String body = expected.name() + ' ' + ExpressionTreeText.escape(text) + (tree == null ? "" : " " + tree);
        String line = tag + ' ' + crc(body, 0) + ' ' + body;
        if (ours.putIfAbsent(key(line), line) == null) {
            lines.add(line);
            used.add(line);
            changed = true;
        }
    }

    /**
     * Writes the file when something new was remembered (atomically: readers see the old file or the new one), the
     * lines this run used last, so that the oldest go first when there are too many.
     */
    synchronized void save() {
        if (file == null || !changed) {
            return;
        }
        List<String> all = new ArrayList<>(lines);
        all.removeAll(used);
        all.addAll(used);
        List<String> content = new ArrayList<>(List.of(HEADER));
        content.addAll(all.subList(Math.max(0, all.size() - MAX_ENTRIES), all.size()));
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "expressions", ".tmp");
            Files.write(temporary, content, StandardCharsets.ISO_8859_1);
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

    /** {@code EXPECTED TEXT} of one of our lines. */
    private static String key(String line) {
        int textEnd = line.indexOf(' ', line.indexOf(' ', BODY) + 1);
        return line.substring(BODY, textEnd < 0 ? line.length() : textEnd);
    }

    /** The CRC-32 of {@code text} from {@code start}, as 8 hex digits. */
    private static String crc(String text, int start) {
        CRC32 crc = new CRC32();
        crc.update(text.substring(start).getBytes(StandardCharsets.ISO_8859_1));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** FNV-1a, 64 bits, of the fingerprint, in hex: the first field of its lines. */
    private static String tag(String fingerprint) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < fingerprint.length(); i++) {
            hash = (hash ^ fingerprint.charAt(i)) * 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
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
}
