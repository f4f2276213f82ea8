package dev.vigil.yaml;

import java.util.Comparator;

/** Where something is in a file: {@code vigil.yaml:12:5}. Line and column start at 1; 0 when unknown. */
public record Place(String file, int line, int column) implements Comparable<Place> {

    private static final Comparator<Place> ORDER = Comparator.comparing(Place::file)
            .thenComparingInt(Place::line).thenComparingInt(Place::column);

    /** The whole file, no line known. */
    public static Place of(String file) {
        return new Place(file, 0, 0);
    }

    /** The place {@code lines} lines further on; on another line, {@code columns} counts from the line's start. */
    public Place shifted(int lines, int columns) {
        return new Place(file, line + lines, lines == 0 ? column + columns : columns + 1);
    }

    @Override
    public int compareTo(Place other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
