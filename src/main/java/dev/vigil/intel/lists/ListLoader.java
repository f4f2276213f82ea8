package dev.vigil.intel.lists;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one kind of list file into an {@link IpListBuilder}. Loaders are registered by hand in {@link ListLoaders};
 * each names its kind (the {@code kind:} of a list in vigil.yaml), says what it reads, and shows an example.
 */
public interface ListLoader {

    /** The kind in kebab-case, e.g. {@code github-meta}. */
    String kind();

    String description();

    /** A short example of the file this loader reads. */
    String example();

    /** Adds the entries of {@code in} to {@code builder}; bad entries go to {@code errors} with their place. */
    void load(ListSource source, InputStream in, IpListBuilder builder, FileErrors errors) throws IOException;
}
