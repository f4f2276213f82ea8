package dev.vigil.intel.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.intel.yaml.Place;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's meta document (https://api.github.com/meta): the CIDR arrays under the chosen keys ({@code git} by default;
 * also {@code hooks}, {@code web}, {@code api}, {@code actions}, ...). Each entry's note is the key it came from.
 */
public final class GithubMetaListLoader implements ListLoader {

    static final List<String> DEFAULT_KEYS = List.of("git");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String kind() {
        return "github-meta";
    }

    @Override
    public String description() {
        return "GitHub's api.github.com/meta JSON: the CIDR arrays of the chosen keys (keys: [git] by default)";
    }

    @Override
    public String example() {
        return "{\"git\": [\"192.30.252.0/22\", \"140.82.112.0/20\", \"2a0a:a440::/29\"], \"hooks\": [\"192.30.252.0/22\"]}";
    }

    @Override
    public void load(ListSource source, InputStream in, IpListBuilder builder, FileErrors errors) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            errors.add(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "bad_json",
                    "not valid JSON (" + e.getOriginalMessage() + "): download https://api.github.com/meta again");
            return;
        }
        List<String> keys = source.keys().isEmpty() ? DEFAULT_KEYS : source.keys();
        if (root == null || !root.isObject()) {
            errors.add(1, "bad_github_meta", "expected GitHub's meta JSON object (with \"git\", \"hooks\", ... arrays)");
            return;
        }
        for (String key : keys) {
            JsonNode ranges = root.get(key);
            if (ranges == null || !ranges.isArray()) {
                List<String> available = new ArrayList<>();
                root.fields().forEachRemaining(field -> {
                    if (field.getValue().isArray() && field.getValue().size() > 0
                            && field.getValue().get(0).asText().contains("/")) {
                        available.add(field.getKey());
                    }
                });
                errors.add(source.place(), "unknown_github_meta_key", "list " + source.name() + ": " + errors.file()
                        + " has no array \"" + key + "\"; keys with ranges: " + String.join(", ", available));
                continue;
            }
            for (int i = 0; i < ranges.size(); i++) {
                String cidr = ranges.get(i).asText();
                try {
                    builder.add(cidr, "github " + key);
                } catch (IllegalArgumentException e) {
                    errors.add(Place.of(errors.file() + ": " + key + "[" + i + "]"), "bad_address", e.getMessage());
                }
            }
        }
    }
}
