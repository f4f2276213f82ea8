package dev.vigil.cases;

import dev.vigil.cases.jdbi.IntHashSet;
import dev.vigil.cases.jdbi.OwnWrites;

/**
 * The history keys ({@link ObservationIndex#contactKey}, {@link ObservationIndex#patternKey}) of every finding of this
 * import, as hashes, so that the history skips the look-ups that cannot find anything: the findings not committed yet
 * (up to some 30 batches, each its own index) hold no key this import never saw, and while the store holds only what
 * this import wrote ({@link OwnWrites#alone()}), a contact or pattern this import never saw is not in it. Most findings
 * of an import ask about an endpoint nothing else reached, so most look-ups of a first import go (two SQLite queries
 * per finding on the triage thread). A hash shared by chance only makes a look-up that finds nothing. Past
 * {@value #MAX_KEYS} keys (32 MB at most) it stops keeping them and every look-up goes to the store again.
 * Filled and asked by the thread that triages.
 */
final class RunKeys {

    static final int MAX_KEYS = 4_000_000;

    private final OwnWrites own;
    private IntHashSet keys = new IntHashSet();

    /** {@code own}: the writer's knowledge of what the store holds; null (PostgreSQL): every look-up goes to the store. */
    RunKeys(OwnWrites own) {
        this.own = own;
    }

    void add(String key) {
        if (keys != null) {
            keys.add(key.hashCode());
            if (keys.size() > MAX_KEYS) {
                keys = null;
            }
        }
    }

    /**
     * Whether a finding of this import may have had the key: false means none had it, so neither the findings not
     * committed yet nor what this import committed hold it.
     */
    boolean mayHaveSeen(String key) {
        return keys == null || keys.contains(key.hashCode());
    }

    /** Whether the store holds only what this import wrote (then it holds no key {@link #mayHaveSeen} denies). */
    boolean storeHoldsOnlyThisImport() {
        return own != null && own.alone();
    }
}
