package dev.vigil.playbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML document into {@link YamlNode}s with the line and column of every node (from Jackson's streaming parser),
 * reporting duplicate keys instead of silently keeping the last one.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final List<PlaybookError> errors;
    private String[] lines = new String[0];

    YamlTreeReader(String file, List<PlaybookError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The document's root, or empty when the text is not YAML (the syntax error is added to the errors). */
    Optional<YamlNode> read(String text) {
        this.lines = text.split("\n", -1);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(new PlaybookError(new Location(file, 1, 1), "playbook_empty", "the file is empty: a playbook needs at least id, version, title"));
                return Optional.empty();
            }
            return Optional.of(node(parser));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = at == null ? new Location(file, 1, 1) : new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            errors.add(new PlaybookError(where, "playbook_yaml_syntax", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
            return Optional.empty();
        } catch (IOException e) {
            errors.add(new PlaybookError(new Location(file, 1, 1), "playbook_unreadable", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private YamlNode node(JsonParser parser) throws IOException {
        Location here = location(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = location(parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = node(parser);
                    YamlNode.Entry previous = entries.get(key);
                    if (previous != null) {
                        errors.add(new PlaybookError(keyLocation, "playbook_duplicate_key", "duplicate key \"" + key
                                + "\" (first at line " + previous.keyLocation().line() + "): keep one of them"));
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLocation, value));
                    }
                }
                return new YamlNode.YamlMap(here, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.YamlList(here, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.YamlScalar(here, null, false, false, true);
            }
            default -> {
                String text = parser.getText();
                char indicator = charAt(here);
                boolean quoted = indicator == '"' || indicator == '\'';
                boolean block = indicator == '|' || indicator == '>';
                return new YamlNode.YamlScalar(here, text, quoted, block, false);
            }
        }
    }

    /** The character a scalar starts with in the source: tells quoted and block scalars from plain ones. */
    private char charAt(Location at) {
        if (at.line() > lines.length) {
            return ' ';
        }
        String line = lines[at.line() - 1];
        return at.column() - 1 < line.length() ? line.charAt(at.column() - 1) : ' ';
    }

    private Location location(JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
