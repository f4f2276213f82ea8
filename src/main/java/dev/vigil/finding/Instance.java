package dev.vigil.finding;

import java.util.List;
import java.util.Map;

/** An EC2 instance as GuardDuty describes it. */
public record Instance(String id, String type, String imageId, String state, String availabilityZone,
                       Map<String, String> tags, List<NetworkInterface> networkInterfaces) {

    public Instance {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        networkInterfaces = networkInterfaces == null ? List.of() : List.copyOf(networkInterfaces);
    }
}
