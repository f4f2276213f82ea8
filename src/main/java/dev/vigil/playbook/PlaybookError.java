package dev.vigil.playbook;

/**
 * One problem in a playbook file, with a stable snake_case {@code code} (e.g. {@code playbook_unknown_function}) and a
 * message that says how to fix it. Printed as {@code playbooks/ssh.yaml:14:7: playbook_unknown_function: rule "github-ssh": ...}.
 */
public record PlaybookError(Location location, String code, String message) implements Comparable<PlaybookError> {

    @Override
    public int compareTo(PlaybookError other) {
        int byPlace = location.compareTo(other.location);
        return byPlace != 0 ? byPlace : code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return location + ": " + code + ": " + message;
    }
}
