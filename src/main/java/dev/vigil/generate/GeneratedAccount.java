package dev.vigil.generate;

import java.util.List;

/**
 * An AWS account of the generated organization. {@code name} is the runbook's account "flavor";
 * {@code instanceCount} bounds the instance indexes that {@link Fleet#instance} accepts.
 */
record GeneratedAccount(int index, String id, String name, String team, String environment, List<String> regions,
                        String detectorId, int instanceCount, List<String> userNames) {

    GeneratedAccount {
        regions = List.copyOf(regions);
        userNames = List.copyOf(userNames);
    }

    String homeRegion() {
        return regions.get(0);
    }
}
