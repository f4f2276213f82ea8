package dev.vigil.ingest;

import static dev.vigil.ingest.TokenValues.bool;
import static dev.vigil.ingest.TokenValues.object;
import static dev.vigil.ingest.TokenValues.once;
import static dev.vigil.ingest.TokenValues.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.RawDocument;
import dev.vigil.finding.Resource;
import dev.vigil.finding.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Maps a GuardDuty finding (camelCase or PascalCase) or a GuardDuty EventBridge event straight from the token stream,
 * without building the record's tree: the fields Vigil reads are read where they are, every other subtree is skipped
 * unparsed, and the document is kept as bytes ({@link RawDocument}). This is the common case and most of a run's
 * reading time.
 * <p>
 * It gives exactly the {@link Finding} {@link RecordMapper} gives from the tree, or throws {@link NotStreamable}: for the
 * other formats (ASFF, ECS, {@code {"Findings": [...]}} lists), duplicate fields, values of unexpected types, and
 * every record the tree path would reject. The caller then reads the record through the tree, so findings and rejection
 * messages are the same as without this mapper. Stateless.
 */
final class StreamingMapper {

    /** Top-level fields that make a record something else than a GuardDuty finding or event: the tree path decides. */
    private static final Set<String> OTHER_SHAPES = Set.of("Findings", "findings", "ProductArn", "AwsAccountId", "Types",
            "ecs", "aws", "aws.guardduty.type", "aws.guardduty.id", "event");

    private enum Field {
        ID(GuardDutyNames.ID), ARN(GuardDutyNames.ARN), TYPE(GuardDutyNames.TYPE), ACCOUNT_ID(GuardDutyNames.ACCOUNT_ID),
        REGION(GuardDutyNames.REGION), PARTITION(GuardDutyNames.PARTITION), TITLE(GuardDutyNames.TITLE),
        DESCRIPTION(GuardDutyNames.DESCRIPTION), CREATED_AT(GuardDutyNames.CREATED_AT),
        UPDATED_AT(GuardDutyNames.UPDATED_AT), SEVERITY(GuardDutyNames.SEVERITY), RESOURCE(GuardDutyNames.RESOURCE),
        SERVICE(GuardDutyNames.SERVICE), OTHER(null);

        final Key key;

        Field(Key key) {
            this.key = key;
        }
    }

    private enum ServiceField {
        ACTION(GuardDutyNames.ACTION), EVENT_FIRST_SEEN(GuardDutyNames.EVENT_FIRST_SEEN),
        EVENT_LAST_SEEN(GuardDutyNames.EVENT_LAST_SEEN), COUNT(GuardDutyNames.COUNT), ARCHIVED(GuardDutyNames.ARCHIVED),
        ADDITIONAL_INFO(GuardDutyNames.ADDITIONAL_INFO), OTHER(null);

        final Key key;

        ServiceField(Key key) {
            this.key = key;
        }
    }

    private static final char[] SAMPLE = "sample".toCharArray();

    private static final FieldIndex<Field> FIELDS = FieldIndex.of(Field.class, f -> f.key, Field.OTHER);
    private static final FieldIndex<ServiceField> SERVICE_FIELDS =
            FieldIndex.of(ServiceField.class, f -> f.key, ServiceField.OTHER);

    private StreamingMapper() {
    }

    /**
     * Maps the object whose START_OBJECT is the parser's current token; {@code buffer} and {@code offset} are what the
     * parser reads (for the document's bytes). On return the current token is its END_OBJECT.
     *
     * @throws NotStreamable when the tree path is to read this record
     */
    static Finding read(JsonParser p, byte[] buffer, int offset) throws IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        if (start < 0) {
            // not read as UTF-8 bytes (a UTF-16 record): no byte range for the document
            throw NotStreamable.INSTANCE;
        }
        Fields top = new Fields();
        Fields detail = null;
        int detailStart = 0;
        int detailStop = 0;
        boolean hasDetailType = false;
        boolean hasSource = false;
        String detailType = null;
        String source = null;
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            Field field = FIELDS.of(name);
            if (field != Field.OTHER) {
                seen = once(seen, field.ordinal());
                top.read(field, p);
            } else if (name.equals("detail")) {
                seen = once(seen, Field.OTHER.ordinal());
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw NotStreamable.INSTANCE;
                }
                detailStart = (int) p.currentTokenLocation().getByteOffset();
                detail = new Fields();
                detail.readDetail(p);
                detailStop = (int) p.currentLocation().getByteOffset();
            } else if (name.equals("detail-type")) {
                seen = once(seen, Field.OTHER.ordinal() + 1);
                hasDetailType = true;
                detailType = text(p);
            } else if (name.equals("source")) {
                seen = once(seen, Field.OTHER.ordinal() + 2);
                hasSource = true;
                source = text(p);
            } else if (OTHER_SHAPES.contains(name)) {
                throw NotStreamable.INSTANCE;
            } else {
                p.skipChildren();
            }
        }
        int stop = (int) p.currentLocation().getByteOffset();
        if (hasDetailType || (detail != null && hasSource)) {
            if (detail == null || !("GuardDuty Finding".equals(detailType) || "aws.guardduty".equals(source))) {
                throw NotStreamable.INSTANCE;
            }
            return detail.finding(InputFormat.EVENTBRIDGE.id(),
                    RawDocument.ofBytes(buffer, offset + detailStart, detailStop - detailStart));
        }
        if (detail != null) {
            throw NotStreamable.INSTANCE;
        }
        return top.finding(InputFormat.GUARDDUTY.id(), RawDocument.ofBytes(buffer, offset + start, stop - start));
    }

    /** The fields of one GuardDuty finding object, as {@link GuardDutyMapper#map} reads them. */
    private static final class Fields {
        String id;
        String arn;
        FindingType type;
        String accountId;
        String region;
        String partition;
        String title;
        String description;
        Instant createdAt;
        Instant updatedAt;
        Severity severity;
        Resource resource = Resource.NONE;
        Instant eventFirstSeen;
        Instant eventLastSeen;
        long count = 1;
        boolean archived;
        boolean sample;
        Action action = new Action.None();

        void read(Field field, JsonParser p) throws IOException {
            switch (field) {
                case ID -> id = text(p);
                case ARN -> arn = text(p);
                case TYPE -> type = TokenValues.type(p);
                case ACCOUNT_ID -> accountId = text(p);
                case REGION -> region = text(p);
                case PARTITION -> partition = text(p);
                case TITLE -> title = text(p);
                case DESCRIPTION -> description = text(p);
                case CREATED_AT -> createdAt = TokenValues.time(p);
                case UPDATED_AT -> updatedAt = TokenValues.time(p);
                case SEVERITY -> severity = new Severity(TokenValues.severity(p));
                case RESOURCE -> resource = StreamedResource.read(p);
                case SERVICE -> {
                    if (object(p)) {
                        service(p);
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }

        /** An EventBridge event's detail: a finding object, unless it holds a Security Hub findings list. */
        void readDetail(JsonParser p) throws IOException {
            long seen = 0;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                Field field = FIELDS.of(name);
                if (field != Field.OTHER) {
                    seen = once(seen, field.ordinal());
                    read(field, p);
                } else if (name.equals("findings")) {
                    throw NotStreamable.INSTANCE;
                } else {
                    p.skipChildren();
                }
            }
        }

        private void service(JsonParser p) throws IOException {
            long seen = 0;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                ServiceField field = SERVICE_FIELDS.of(name);
                if (field == ServiceField.OTHER) {
                    p.skipChildren();
                    continue;
                }
                seen = once(seen, field.ordinal());
                switch (field) {
                    case ACTION -> action = StreamedAction.read(p);
                    case EVENT_FIRST_SEEN -> eventFirstSeen = TokenValues.time(p);
                    case EVENT_LAST_SEEN -> eventLastSeen = TokenValues.time(p);
                    case COUNT -> count = TokenValues.longOr(p, 1);
                    case ARCHIVED -> archived = bool(p);
                    case ADDITIONAL_INFO -> sample = sample(p);
                    default -> throw new IllegalStateException(field.toString());
                }
            }
        }

        /** As {@link GuardDutyMapper#sample}. */
        private static boolean sample(JsonParser p) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return mentionsSample(p) && GuardDutyMapper.sampleInJsonText(p.getText());
            }
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                return false;
            }
            boolean flag = false;
            String value = null;
            long seen = 0;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                if (GuardDutyNames.SAMPLE.is(name)) {
                    seen = once(seen, 0);
                    flag = bool(p);
                } else if (GuardDutyNames.VALUE.is(name)) {
                    seen = once(seen, 1);
                    // GuardDuty repeats additionalInfo as JSON text here: only text that mentions "sample" is read
                    value = p.currentToken() == JsonToken.VALUE_STRING && mentionsSample(p) ? p.getText() : null;
                    p.skipChildren();
                } else {
                    p.skipChildren();
                }
            }
            return flag || value != null && GuardDutyMapper.sampleInJsonText(value);
        }

        /** Whether the string at the parser contains "sample", looked for without making a String of it. */
        private static boolean mentionsSample(JsonParser p) throws IOException {
            char[] chars = p.getTextCharacters();
            int end = p.getTextOffset() + p.getTextLength() - SAMPLE.length;
            for (int i = p.getTextOffset(); i <= end; i++) {
                if (chars[i] == 's' && matches(chars, i)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(char[] chars, int at) {
            for (int k = 1; k < SAMPLE.length; k++) {
                if (chars[at + k] != SAMPLE[k]) {
                    return false;
                }
            }
            return true;
        }

        Finding finding(String sourceFormat, RawDocument document) {
            if (id == null || type == null || severity == null || accountId == null) {
                throw NotStreamable.INSTANCE;
            }
            return new Finding(id, arn, type, accountId, region, partition, title, description, createdAt, updatedAt,
                    eventFirstSeen, eventLastSeen, count, archived, sample, severity, resource, action, sourceFormat,
                    document);
        }
    }
}
