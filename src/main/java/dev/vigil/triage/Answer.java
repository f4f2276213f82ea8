package dev.vigil.triage;

/** One of the runbook's questions, answered {@code yes}, {@code no} or {@code unknown}, with the evidence. */
public record Answer(String id, String question, String answer, String evidence) {
}
