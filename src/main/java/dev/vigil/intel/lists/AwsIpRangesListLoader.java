package dev.vigil.intel.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.intel.yaml.Place;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AWS's ip-ranges.json (https://ip-ranges.amazonaws.com/ip-ranges.json): {@code prefixes} and {@code ipv6_prefixes},
 * kept when their service and region pass the filters. Each entry's note is {@code SERVICE/region}.
 */
public final class AwsIpRangesListLoader implements ListLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String kind() {
        return "aws-ip-ranges";
    }

    @Override
    public String description() {
        return "AWS ip-ranges.json, filtered by services: [EC2, ...] and regions: [us-east-1, ...] (empty: all)";
    }

    @Override
    public String example() {
        return "{\"prefixes\": [{\"ip_prefix\": \"3.5.140.0/22\", \"region\": \"ap-northeast-2\", \"service\": \"S3\"}],"
                + " \"ipv6_prefixes\": [{\"ipv6_prefix\": \"2600:1f18::/33\", \"region\": \"us-east-1\", \"service\": \"EC2\"}]}";
    }

    @Override
    public void load(ListSource source, InputStream in, IpListBuilder builder, FileErrors errors) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            errors.add(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "bad_json",
                    "not valid JSON (" + e.getOriginalMessage() + "): download ip-ranges.json again");
            return;
        }
        if (root == null || !root.has("prefixes")) {
            errors.add(1, "bad_aws_ip_ranges", "expected AWS ip-ranges.json (an object with \"prefixes\")");
            return;
        }
        Set<String> services = upper(source.services());
        Set<String> regions = upper(source.regions());
        add(root.path("prefixes"), "prefixes", "ip_prefix", services, regions, builder, errors);
        add(root.path("ipv6_prefixes"), "ipv6_prefixes", "ipv6_prefix", services, regions, builder, errors);
    }

    private static void add(JsonNode prefixes, String array, String field, Set<String> services, Set<String> regions,
                            IpListBuilder builder, FileErrors errors) {
        for (int i = 0; i < prefixes.size(); i++) {
            JsonNode prefix = prefixes.get(i);
            String service = prefix.path("service").asText("");
            String region = prefix.path("region").asText("");
            if ((!services.isEmpty() && !services.contains(service.toUpperCase(Locale.ROOT)))
                    || (!regions.isEmpty() && !regions.contains(region.toUpperCase(Locale.ROOT)))) {
                continue;
            }
            try {
                builder.add(prefix.path(field).asText(""), service + "/" + region);
            } catch (IllegalArgumentException e) {
                errors.add(Place.of(errors.file() + ": " + array + "[" + i + "]." + field), "bad_address", e.getMessage());
            }
        }
    }

    private static Set<String> upper(java.util.List<String> values) {
        return values.stream().map(value -> value.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
