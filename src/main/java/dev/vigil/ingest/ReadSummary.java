package dev.vigil.ingest;

/** How many records were read, and how many of them were accepted or rejected. {@code read == accepted + rejected}. */
public record ReadSummary(long read, long accepted, long rejected) {

    public static final ReadSummary EMPTY = new ReadSummary(0, 0, 0);

    public ReadSummary plus(ReadSummary other) {
        return new ReadSummary(read + other.read, accepted + other.accepted, rejected + other.rejected);
    }

    /** {@code read 41, accepted 41, rejected 0}. */
    public String line() {
        return "read " + read + ", accepted " + accepted + ", rejected " + rejected;
    }
}
