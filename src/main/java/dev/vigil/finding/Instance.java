package dev.vigil.finding;

import java.util.List;
import java.util.Map;

/** An EC2 instance as GuardDuty describes it; its tags keep the order they came in, so output is the same on every run. */
public record Instance(String id, String type, String imageId, String state, String availabilityZone,
                       Map<String, String> tags, List<NetworkInterface> networkInterfaces) {

    public Instance {
        tags = tags == null ? Map.of() : Tags.copyOf(tags);
        networkInterfaces = networkInterfaces == null ? List.of() : List.copyOf(networkInterfaces);
    }
}
