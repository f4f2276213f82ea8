package dev.vigil.intel.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a YAML document into {@link YamlNode}s that remember their places; duplicate keys are reported as errors. */
public final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * The document's root node, or null when the document is empty. Syntax errors and duplicate keys go to {@code errors}.
     */
    public static YamlNode read(String fileName, InputStream in, ConfigErrors errors) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            return node(fileName, parser, token, errors);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            errors.add(location == null ? Place.of(fileName)
                            : new Place(fileName, location.getLineNr(), location.getColumnNr()),
                    "yaml_syntax", e.getOriginalMessage() + ": fix the YAML syntax");
            return null;
        }
    }

    private static YamlNode node(String file, JsonParser parser, JsonToken token, ConfigErrors errors) throws IOException {
        Place place = place(file, parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Field> fields = new LinkedHashMap<>();
                while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    Place keyPlace = place(file, parser.currentTokenLocation());
                    YamlNode value = node(file, parser, parser.nextToken(), errors);
                    YamlNode.Field previous = fields.get(key);
                    if (previous != null) {
                        errors.add(keyPlace, "duplicate_key", "key \"" + key + "\" is already set at line "
                                + previous.keyPlace().line() + ": keep one of them");
                    } else {
                        fields.put(key, new YamlNode.Field(key, keyPlace, value));
                    }
                }
                return new YamlNode.Mapping(place, fields);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(file, parser, token, errors));
                }
                return new YamlNode.Sequence(place, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(place, null, false);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(place, parser.getText(), true);
            }
            default -> {
                return new YamlNode.Scalar(place, parser.getText(), false);
            }
        }
    }

    private static Place place(String file, JsonLocation location) {
        return new Place(file, location.getLineNr(), location.getColumnNr());
    }
}
