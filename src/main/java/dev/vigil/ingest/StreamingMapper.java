package dev.vigil.ingest;

import static dev.vigil.ingest.TokenValues.bool;
import static dev.vigil.ingest.TokenValues.object;
import static dev.vigil.ingest.TokenValues.once;
import static dev.vigil.ingest.TokenValues.text;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.RawDocument;
import dev.vigil.finding.Resource;
import dev.vigil.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Maps a GuardDuty finding (camelCase or PascalCase) or a GuardDuty EventBridge event straight from the record's bytes
 * ({@link JsonCursor}), without building the record's tree: the fields Vigil reads are read where they are, every other subtree is skipped
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
    private static final FieldName[] OTHER_SHAPES = names("Findings", "findings", "ProductArn", "AwsAccountId", "Types",
            "ecs", "aws", "aws.guardduty.type", "aws.guardduty.id", "event");
    private static final FieldName DETAIL = FieldName.of("detail");
    private static final FieldName DETAIL_TYPE = FieldName.of("detail-type");
    private static final FieldName SOURCE = FieldName.of("source");
    private static final FieldName FINDINGS = FieldName.of("findings");

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

    private static final byte[] SAMPLE = "sample".getBytes(StandardCharsets.US_ASCII);

    private static final FieldIndex<Field> FIELDS = FieldIndex.of(Field.class, f -> f.key, Field.OTHER);
    private static final FieldIndex<ServiceField> SERVICE_FIELDS =
            FieldIndex.of(ServiceField.class, f -> f.key, ServiceField.OTHER);

    private StreamingMapper() {
    }

    private static FieldName[] names(String... names) {
        FieldName[] fieldNames = new FieldName[names.length];
        for (int i = 0; i < names.length; i++) {
            fieldNames[i] = FieldName.of(names[i]);
        }
        return fieldNames;
    }

    /**
     * Maps the record at the cursor: one object, with nothing but whitespace around it. {@code buffer} is the cursor's,
     * which the finding's document points into; null for findings without a document.
     *
     * @throws NotStreamable when the tree path is to read this record
     */
    static Finding read(JsonCursor c, byte[] buffer) {
        Finding finding = readObject(c, buffer);
        if (!c.atEnd()) {
            throw NotStreamable.INSTANCE;
        }
        return finding;
    }

    /** Maps the object at the cursor (after whitespace), leaving the cursor after it. */
    static Finding readObject(JsonCursor c, byte[] buffer) {
        c.skipWhitespace();
        if (c.peek() != '{') {
            throw NotStreamable.INSTANCE;
        }
        int start = c.position();
        c.enter();
        Fields top = new Fields();
        Fields detail = null;
        int detailStart = 0;
        int detailStop = 0;
        boolean hasDetailType = false;
        boolean hasSource = false;
        String detailType = null;
        String source = null;
        long seen = 0;
        while (c.nextField()) {
            Field field = FIELDS.of(c);
            if (field != Field.OTHER) {
                seen = once(seen, field.ordinal());
                top.read(field, c);
            } else if (c.nameIs(DETAIL)) {
                seen = once(seen, Field.OTHER.ordinal());
                if (c.peek() != '{') {
                    throw NotStreamable.INSTANCE;
                }
                detailStart = c.position();
                c.enter();
                detail = new Fields();
                detail.readDetail(c);
                detailStop = c.position();
            } else if (c.nameIs(DETAIL_TYPE)) {
                seen = once(seen, Field.OTHER.ordinal() + 1);
                hasDetailType = true;
                detailType = text(c);
            } else if (c.nameIs(SOURCE)) {
                seen = once(seen, Field.OTHER.ordinal() + 2);
                hasSource = true;
                source = text(c);
            } else if (otherShape(c)) {
                throw NotStreamable.INSTANCE;
            } else {
                c.skipValue();
            }
        }
        int stop = c.position();
        if (hasDetailType || (detail != null && hasSource)) {
            if (detail == null || !("GuardDuty Finding".equals(detailType) || "aws.guardduty".equals(source))) {
                throw NotStreamable.INSTANCE;
            }
            return detail.finding(InputFormat.EVENTBRIDGE.id(), document(buffer, detailStart, detailStop));
        }
        if (detail != null) {
            throw NotStreamable.INSTANCE;
        }
        return top.finding(InputFormat.GUARDDUTY.id(), document(buffer, start, stop));
    }

    private static RawDocument document(byte[] buffer, int start, int stop) {
        return buffer == null ? null : RawDocument.ofBytes(buffer, start, stop - start);
    }

    private static boolean otherShape(JsonCursor c) {
        for (FieldName name : OTHER_SHAPES) {
            if (c.nameIs(name)) {
                return true;
            }
        }
        return false;
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

        void read(Field field, JsonCursor c) {
            switch (field) {
                case ID -> id = text(c);
                case ARN -> arn = text(c);
                case TYPE -> type = TokenValues.type(c);
                case ACCOUNT_ID -> accountId = text(c);
                case REGION -> region = text(c);
                case PARTITION -> partition = text(c);
                case TITLE -> title = text(c);
                case DESCRIPTION -> description = text(c);
                case CREATED_AT -> createdAt = TokenValues.time(c);
                case UPDATED_AT -> updatedAt = TokenValues.time(c);
                case SEVERITY -> severity = new Severity(TokenValues.severity(c));
                case RESOURCE -> resource = StreamedResource.read(c);
                case SERVICE -> {
                    if (object(c)) {
                        service(c);
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }

        /** An EventBridge event's detail: a finding object, unless it holds a Security Hub findings list. */
        void readDetail(JsonCursor c) {
            long seen = 0;
            while (c.nextField()) {
                Field field = FIELDS.of(c);
                if (field != Field.OTHER) {
                    seen = once(seen, field.ordinal());
                    read(field, c);
                } else if (c.nameIs(FINDINGS)) {
                    throw NotStreamable.INSTANCE;
                } else {
                    c.skipValue();
                }
            }
        }

        private void service(JsonCursor c) {
            long seen = 0;
            for (ServiceField field = SERVICE_FIELDS.next(c); field != null; field = SERVICE_FIELDS.next(c)) {
                seen = once(seen, field.ordinal());
                switch (field) {
                    case ACTION -> action = StreamedAction.read(c);
                    case EVENT_FIRST_SEEN -> eventFirstSeen = TokenValues.time(c);
                    case EVENT_LAST_SEEN -> eventLastSeen = TokenValues.time(c);
                    case COUNT -> count = TokenValues.longOr(c, 1);
                    case ARCHIVED -> archived = bool(c);
                    case ADDITIONAL_INFO -> sample = sample(c);
                    default -> throw new IllegalStateException(field.toString());
                }
            }
        }

        /** As {@link GuardDutyMapper#sample}. */
        private static boolean sample(JsonCursor c) {
            byte first = c.peek();
            if (first == '"') {
                // GuardDuty repeats additionalInfo as JSON text: only text that mentions "sample" is decoded and parsed
                return GuardDutyMapper.sampleInJsonText(c.stringContaining(SAMPLE));
            }
            if (first != '{') {
                c.skipValue();
                return false;
            }
            c.enter();
            boolean flag = false;
            String value = null;
            long seen = 0;
            while (c.nextField()) {
                if (GuardDutyNames.SAMPLE.named(c)) {
                    seen = once(seen, 0);
                    flag = bool(c);
                } else if (GuardDutyNames.VALUE.named(c)) {
                    seen = once(seen, 1);
                    if (c.peek() == '"') {
                        value = c.stringContaining(SAMPLE);
                    } else {
                        value = null;
                        c.skipValue();
                    }
                } else {
                    c.skipValue();
                }
            }
            return flag || value != null && GuardDutyMapper.sampleInJsonText(value);
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
