package dev.vigil.intel.lists;

import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.Place;

/** The errors of one list file: the first {@value #SHOWN} are reported with their line, then a count of the rest. */
public final class FileErrors {

    static final int SHOWN = 20;

    private final String file;
    private final ConfigErrors errors;
    private int count;

    public FileErrors(String file, ConfigErrors errors) {
        this.file = file;
        this.errors = errors;
    }

    public String file() {
        return file;
    }

    public void add(int line, String code, String message) {
        add(new Place(file, line, 0), code, message);
    }

    public void add(Place place, String code, String message) {
        count++;
        if (count <= SHOWN) {
            errors.add(place, code, message);
        }
    }

    public int count() {
        return count;
    }

    /** Adds the "and N more" line when errors were left out. */
    public void finish() {
        if (count > SHOWN) {
            errors.add(new Place(file, Integer.MAX_VALUE, 0), "more_errors", (count - SHOWN)
                    + " more errors in this file not shown: fix the ones above and check again");
        }
    }
}
