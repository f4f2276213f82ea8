package dev.vigil.cases;

/**
 * What recording did: findings stored for the first time, findings replaced by a newer version, findings that were
 * already stored in this or a later version (nothing written), cases opened, and findings that joined a case.
 */
public record RecordSummary(long stored, long updated, long unchanged, long casesOpened, long joinedCases) {

    public static final RecordSummary NONE = new RecordSummary(0, 0, 0, 0, 0);

    public RecordSummary plus(RecordSummary other) {
        return new RecordSummary(stored + other.stored, updated + other.updated, unchanged + other.unchanged,
                casesOpened + other.casesOpened, joinedCases + other.joinedCases);
    }

    public long total() {
        return stored + updated + unchanged;
    }

    /** {@code stored 12, updated 1, unchanged 3, cases opened 2} for the summary line on stderr. */
    public String line() {
        return "stored " + stored + ", updated " + updated + ", unchanged " + unchanged + ", cases opened " + casesOpened;
    }
}
