package dev.vigil.triage;

/** One step of a playbook, in a phase ({@code triage}, {@code investigation}, {@code containment}, {@code eradication}, {@code recovery}, {@code post-incident}). */
public record Step(String id, String phase, String text) {
}
