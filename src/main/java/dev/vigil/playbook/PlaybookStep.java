package dev.vigil.playbook;

import java.util.List;

/** A step of the response in a phase; its text may have {@code {{placeholders}}} filled from the finding's facts. */
public record PlaybookStep(String id, String phase, Template text) {

    /** The phases, in the order a response goes through them. */
    public static final List<String> PHASES = List.of("triage", "investigation", "containment", "eradication", "recovery",
            "post-incident");
}
