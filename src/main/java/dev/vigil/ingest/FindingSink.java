package dev.vigil.ingest;

import dev.vigil.finding.Finding;

/** Receives what a {@link FindingReader} reads: every record ends as exactly one finding or one rejection. */
public interface FindingSink {

    /** A record read and normalized. */
    void accept(Finding finding);

    /** A record that could not be read, with its place and the reason. */
    void reject(Rejection rejection);
}
