package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GuardDuty field in both spellings: camelCase as on the wire (EventBridge detail, S3 export) and PascalCase as the
 * SDKs and the CLI print GetFindings. Most PascalCase names are the camelCase ones with a capital first letter; the
 * botocore model renames a few, which {@link GuardDutyNames} lists. Instances are constants: nothing is computed per record.
 */
final class Key {

    final String camel;
    final String pascal;
    private final FieldName camelName;
    private final FieldName pascalName;

    private Key(String camel, String pascal) {
        this.camel = camel;
        this.pascal = pascal;
        this.camelName = FieldName.of(camel);
        this.pascalName = FieldName.of(pascal);
    }

    static Key of(String camel) {
        return new Key(camel, Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
    }

    /** A field whose PascalCase member name is not the camelCase name re-cased (from the botocore model). */
    static Key renamed(String camel, String pascal) {
        return new Key(camel, pascal);
    }

    /** The value, or null when the field is absent or JSON null. */
    JsonNode in(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(camel);
        if (value == null) {
            value = node.get(pascal);
        }
        return value == null || value.isNull() ? null : value;
    }

    /** Whether the field name the cursor last read is this key in either spelling. */
    boolean named(JsonCursor cursor) {
        return cursor.nameIs(camelName) || cursor.nameIs(pascalName);
    }

    @Override
    public String toString() {
        return camel;
    }
}
