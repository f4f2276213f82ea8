package dev.vigil.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one strict YAML reader: reads a document into {@link YamlNode}s with the line and column of every node (from Jackson's
 * streaming parser), reporting duplicate keys instead of silently keeping the last one.
 */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final String[] lines;
    private final List<YamlProblem> problems = new ArrayList<>();

    private YamlTreeReader(String file, String text) {
        this.file = file;
        this.lines = text.split("\n", -1);
    }

    /** Reads {@code in} as UTF-8 text; {@code file} names the places. */
    public static YamlDocument read(String file, InputStream in) throws IOException {
        return read(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Reads {@code text}; {@code file} names the places. Throws only when the text cannot be read at all. */
    public static YamlDocument read(String file, String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new YamlTreeReader(file, body).document(body);
    }

    private YamlDocument document(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            return new YamlDocument(first == null ? null : node(parser), problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new YamlProblem.Syntax(at == null ? Place.of(file)
                    : new Place(file, at.getLineNr(), at.getColumnNr()), e.getOriginalMessage()));
            return new YamlDocument(null, problems);
        }
    }

    private YamlNode node(JsonParser parser) throws IOException {
        Place here = place(parser.currentTokenLocation());
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode.Field> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Place keyPlace = place(parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = node(parser);
                    YamlNode.Field previous = fields.get(key);
                    if (previous != null) {
                        problems.add(new YamlProblem.DuplicateKey(keyPlace, key, previous.keyPlace()));
                    } else {
                        fields.put(key, new YamlNode.Field(key, keyPlace, value));
                    }
                }
                return new YamlNode.Mapping(here, fields);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.Sequence(here, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(here, null, false, false, true);
            }
            default -> {
                char indicator = charAt(here);
                boolean quoted = indicator == '"' || indicator == '\'';
                boolean block = indicator == '|' || indicator == '>';
                return new YamlNode.Scalar(here, parser.getText(), quoted, block, false);
            }
        }
    }

    /** The character a scalar starts with in the source: tells quoted and block scalars from plain ones. */
    private char charAt(Place at) {
        if (at.line() > lines.length) {
            return ' ';
        }
        String line = lines[at.line() - 1];
        return at.column() - 1 < line.length() ? line.charAt(at.column() - 1) : ' ';
    }

    private Place place(JsonLocation at) {
        return new Place(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
