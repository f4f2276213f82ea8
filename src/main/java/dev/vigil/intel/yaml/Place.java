package dev.vigil.intel.yaml;

/** Where something is in a file: {@code vigil.yaml:12:5}. Line and column start at 1; 0 when unknown. */
public record Place(String file, int line, int column) implements Comparable<Place> {

    public static Place of(String file) {
        return new Place(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Place other) {
        int order = file.compareTo(other.file);
        if (order == 0) {
            order = Integer.compare(line, other.line);
        }
        return order != 0 ? order : Integer.compare(column, other.column);
    }
}
