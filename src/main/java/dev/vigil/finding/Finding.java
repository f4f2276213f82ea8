package dev.vigil.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One GuardDuty finding, normalized from whichever shape it arrived in (camelCase or PascalCase GuardDuty JSON,
 * EventBridge, Security Hub ASFF, Elastic ECS). Immutable; enrichment produces new values and never changes a finding.
 *
 * @param sourceFormat the shape it was read from, e.g. {@code guardduty}, {@code eventbridge}, {@code asff}, {@code ecs}
 * @param document the document as it arrived (the GuardDuty finding object, or the ASFF / ECS document), for display
 *     and export; {@link #raw()} gives its JSON tree
 */
public record Finding(
        String id,
        String arn,
        FindingType type,
        String accountId,
        String region,
        String partition,
        String title,
        String description,
        Instant createdAt,
        Instant updatedAt,
        Instant eventFirstSeen,
        Instant eventLastSeen,
        long count,
        boolean archived,
        boolean sample,
        Severity severity,
        Resource resource,
        Action action,
        String sourceFormat,
        @JsonIgnore RawDocument document) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        resource = resource == null ? Resource.NONE : resource;
        action = action == null ? new Action.None() : action;
    }

    /** The document as it arrived, as a JSON tree (built on first use when the finding was read without one); may be null. */
    @JsonIgnore
    public JsonNode raw() {
        return document == null ? null : document.tree();
    }

    /** The remote side of the activity: the remote endpoint of a connection, API call, Kubernetes call, or the first probe. */
    public Optional<RemoteEndpoint> remote() {
        List<RemoteEndpoint> remotes = action.remotes();
        return remotes.isEmpty() ? Optional.empty() : Optional.of(remotes.get(0));
    }

    /** The instance the finding is about, when it is about one. */
    public Optional<Instance> instance() {
        return Optional.ofNullable(resource.instance());
    }

    /** A copy without the document as it arrived, for readers whose callers never look at it. */
    public Finding withoutDocument() {
        return document == null ? this : new Finding(id, arn, type, accountId, region, partition, title, description,
                createdAt, updatedAt, eventFirstSeen, eventLastSeen, count, archived, sample, severity, resource, action,
                sourceFormat, null);
    }

    /** A copy with a later update time and count, as GuardDuty reports a repeat of the same finding. */
    public Finding withUpdate(Instant updatedAt, long count) {
        return new Finding(id, arn, type, accountId, region, partition, title, description, createdAt, updatedAt,
                eventFirstSeen, eventLastSeen, count, archived, sample, severity, resource, action, sourceFormat, document);
    }
}
