package dev.vigil.finding;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A resource's tags: an immutable map that keeps the order the tags came in, held as one array of keys and values
 * side by side. A finding's instance has a handful of tags, read for every finding: a {@code LinkedHashMap}, and its
 * copy into an unmodifiable one, made three objects per tag and hashed every key twice (the copy was an eighth of the
 * reader thread's allocation). Look-ups scan the keys; a map of many tags builds a hash index on its first look-up.
 * Keys are not null; values may be. Equal to any map with the same entries. Thread-safe.
 */
public final class Tags extends AbstractMap<String, String> {

    /** Above this many tags, look-ups go through a hash index rather than a scan of the keys. */
    private static final int SCANNED = 8;

    /** Keys at even indexes, each followed by its value. */
    private final String[] pairs;
    private volatile Map<String, Integer> index;

    private Tags(String[] pairs) {
        this.pairs = pairs;
    }

    /** The tags of {@code map}, in its order: the map itself when it is already {@code Tags}. */
    public static Map<String, String> copyOf(Map<String, String> map) {
        if (map instanceof Tags tags) {
            return tags;
        }
        Builder builder = new Builder(map.size());
        map.forEach(builder::put);
        return builder.build();
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : pairs[at + 1];
    }

    /** The index of the key in {@link #pairs}, or -1. */
    private int indexOf(Object key) {
        if (pairs.length <= 2 * SCANNED) {
            return scan(pairs, pairs.length, key);
        }
        Map<String, Integer> built = index;
        if (built == null) {
            built = hashIndex(pairs, pairs.length);
            index = built;
        }
        Integer at = built.get(key);
        return at == null ? -1 : at;
    }

    /** The index of {@code key} among the keys in {@code pairs[0, length)}, or -1, by a scan. */
    private static int scan(String[] pairs, int length, Object key) {
        for (int i = 0; i < length; i += 2) {
            if (pairs[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The keys in {@code pairs[0, length)} with their indexes. */
    private static Map<String, Integer> hashIndex(String[] pairs, int length) {
        Map<String, Integer> index = new HashMap<>(length);
        for (int i = 0; i < length; i += 2) {
            index.put(pairs[i], i);
        }
        return index;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < pairs.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> entry = new SimpleImmutableEntry<>(pairs[next], pairs[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }

    /**
     * Collects tags in the order they come; a key that comes again keeps its first place and takes its last value, as
     * {@code Map.put} does. Not thread-safe.
     */
    public static final class Builder {
        private String[] pairs;
        private int size;
        /** Made once there are too many tags to scan for a repeated key. */
        private Map<String, Integer> index;

        public Builder() {
            this(4);
        }

        private Builder(int expected) {
            pairs = new String[2 * Math.max(1, expected)];
        }

        public Builder put(String key, String value) {
            Objects.requireNonNull(key, "key");
            int at = indexOf(key);
            if (at >= 0) {
                pairs[at + 1] = value;
                return this;
            }
            if (2 * size == pairs.length) {
                pairs = Arrays.copyOf(pairs, 2 * pairs.length);
            }
            if (index != null) {
                index.put(key, 2 * size);
            }
            pairs[2 * size] = key;
            pairs[2 * size + 1] = value;
            size++;
            return this;
        }

        private int indexOf(String key) {
            if (index == null && size > SCANNED) {
                index = hashIndex(pairs, 2 * size);
            }
            if (index == null) {
                return scan(pairs, 2 * size, key);
            }
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }

        /** The tags put so far; an empty map when there are none. */
        public Map<String, String> build() {
            return size == 0 ? Map.of() : new Tags(Arrays.copyOf(pairs, 2 * size));
        }
    }
}
