package dev.vigil.playbook;

import java.util.Map;

/** One of the runbook's questions; {@code answer} gives yes, no or unknown (or true/false), with evidence. */
public record Question(String id, Location location, String text, Expression answer, Map<String, Expression> evidence) {

    public Question {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
