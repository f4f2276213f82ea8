package dev.vigil.generate;

import java.util.List;

/**
 * An EC2 instance of the generated fleet. The same account and index always give the same instance, so the same
 * instance id, addresses and tags recur across findings. {@code habits} are the endpoints it talks to regularly.
 */
record GeneratedInstance(String instanceId, String instanceType, String imageId, String imageDescription,
                         String launchTime, String availabilityZone, String platform, String profileArn,
                         String profileId, List<GeneratedEni> networkInterfaces, List<Tag> tags,
                         List<Endpoint> habits) {

    GeneratedInstance {
        networkInterfaces = List.copyOf(networkInterfaces);
        tags = List.copyOf(tags);
        habits = List.copyOf(habits);
    }

    String privateIp() {
        return networkInterfaces.get(0).privateIp();
    }
}
