package dev.vigil.triage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What to do with a finding, from "nothing" to "wake someone up". */
public enum Disposition {
    /** Not a threat: the runbook's known host, GitHub for a Flux team, a GuardDuty sample finding. */
    FALSE_POSITIVE,
    /** A known, accepted risk tracked elsewhere (e.g. root credential use tracked in an issue). */
    ACKNOWLEDGED,
    /** Legitimate: seen before, or exposed by design. No further action. */
    EXPECTED,
    /** A responder has to look. */
    INVESTIGATE,
    /** Page the owners now. */
    ESCALATE;

    /** The id, made once: triage compares and writes it for every finding. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    /** Suppressed dispositions open no case. */
    public boolean suppressed() {
        return this == FALSE_POSITIVE || this == ACKNOWLEDGED;
    }
}
