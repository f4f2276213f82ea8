package dev.vigil.playbook;

import java.util.Comparator;

/** A place in a playbook file: {@code playbooks/ssh.yaml:14:7}. Lines and columns count from 1. */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line).thenComparingInt(Location::column);

    public Location shifted(int lines, int columns) {
        return new Location(file, line + lines, lines == 0 ? column + columns : columns + 1);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
