package dev.vigil.cases;

/** How many rows the store holds. */
public record StoreCounts(long findings, long findingVersions, long cases, long timelineEntries, long contacts,
                          long patternInstances) {
}
