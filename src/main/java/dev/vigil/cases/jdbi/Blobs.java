package dev.vigil.cases.jdbi;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.zip.InflaterInputStream;

/**
 * How the store keeps its JSON values (verdicts, checklists): compressed with zstd and a dictionary trained on the
 * store's own values. Verdicts and checklists repeat the playbook's texts (questions, step templates) and the same
 * keys; a dictionary holds them once, in {@code dictionaries}, and each value shrinks to what is its own (a verdict from
 * ~1.8 KB of JSON to ~0.2 KB, a checklist from ~1.9 KB to ~0.15 KB) at a fraction of deflate's cost.
 *
 * <p>The first import into a store trains the dictionary from its first batch and stores it in that batch's
 * transaction; later imports use the newest stored one. A zstd frame names its dictionary, so values written with
 * any dictionary stay readable; values written before schema 2 are zlib streams and are read as such.
 */
public final class Blobs {
    private Blobs() {
    }

    /** The file name {@link #copyZstdLibrary} gives zstd-jni's native library. */
    public static final String ZSTD_LIBRARY = System.mapLibraryName("zstd-jni");

    /**
     * Copies zstd-jni's native library for this platform into {@code directory} and returns its path. Run with
     * {@code -DZstdNativePath=PATH}, zstd-jni loads it from there instead of writing its 1 MB to the temporary directory
     * at every start (~15 ms of {@code vigil cases show}); the launcher does this. zstd-jni names the library's resource
     * in a private method, which is asked rather than copied, so that the name follows its platforms and version.
     */
    public static Path copyZstdLibrary(Path directory) {
        String resource;
        try {
            Method name = Native.class.getDeclaredMethod("resourceName");
            name.setAccessible(true);
            resource = (String) name.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot find zstd-jni's native library in its jar: " + e, e);
        }
        Path target = directory.resolve(ZSTD_LIBRARY);
        try (InputStream library = Native.class.getResourceAsStream(resource)) {
            if (library == null) {
                throw new IllegalStateException("zstd-jni has no native library for this platform (" + resource + ")");
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ZSTD_LIBRARY, ".partial");
            Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy zstd-jni's native library into " + directory + ": " + e, e);
        }
    }

    static final int LEVEL = 1;
    static final int DICTIONARY_SIZE = 32 * 1024;
    /** Fewer values than this in the first batch train no dictionary (they compress without one). */
    static final int MIN_SAMPLES = 500;

    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD};

    /** Compresses for one writer thread; {@link #prepare} once per transaction before {@link #compress}. */
    public static final class Writer implements AutoCloseable {
        private final ZstdCompressCtx context = new ZstdCompressCtx().setLevel(LEVEL);
        private boolean decided;
        private long dictionaryId;
        private byte[] dictionary;
        private boolean unstored;

        public Writer() {
        }

        /**
         * Chooses the dictionary: the store's newest, else one trained from {@code samples} (stored in the caller's
         * transaction, again in each batch until one commits). {@code samples} are asked for only to train one.
         */
        void prepare(Connection connection, Supplier<List<byte[]>> batchValues, long now) throws SQLException {
            if (!decided) {
                byte[] newest = newest(connection);
                if (newest != null) {
                    use(Zstd.getDictIdFromDict(newest), newest, false);
                } else if (batchValues.get().size() >= MIN_SAMPLES) {
                    byte[] trained = train(batchValues.get());
                    if (trained == null) {
                        decided = true;
                    } else {
                        use(Zstd.getDictIdFromDict(trained), trained, true);
                    }
                }
            }
            if (unstored) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dictionaries (id, created_at, "
                        + "content) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                    insert.setLong(1, dictionaryId);
                    insert.setLong(2, now);
                    insert.setBytes(3, dictionary);
                    insert.executeUpdate();
                }
                if (!Arrays.equals(dictionary, stored(connection, dictionaryId))) {
                    // another dictionary with the same id (a 32-bit hash) is stored already: do without
                    dictionaryId = 0;
                    dictionary = null;
                    unstored = false;
                    context.reset();
                    context.setLevel(LEVEL);
                }
            }
        }

        /** The batch that stored the dictionary committed. */
        public void committed() {
            unstored = false;
        }

        byte[] compress(byte[] json) {
            return context.compress(json);
        }

        private void use(long id, byte[] content, boolean train) {
            decided = true;
            dictionaryId = id;
            dictionary = content;
            unstored = train;
            context.loadDict(new ZstdDictCompress(content, LEVEL));
        }

        private static byte[] train(List<byte[]> samples) {
            int total = 0;
            for (byte[] sample : samples) {
                total += sample.length;
            }
            ZstdDictTrainer trainer = new ZstdDictTrainer(total, DICTIONARY_SIZE);
            samples.forEach(trainer::addSample);
            try {
                byte[] trained = trainer.trainSamples();
                return Zstd.getDictIdFromDict(trained) == 0 ? null : trained;
            } catch (ZstdException e) {
                return null; // values too few or too alike: they compress well enough without
            }
        }

        private static byte[] newest(Connection connection) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT content FROM dictionaries ORDER BY created_at DESC, id DESC LIMIT 1");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The stored dictionary with this id, or null. */
    static byte[] stored(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT content FROM dictionaries WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    /** The JSON of a stored value: a zstd frame (its dictionary from {@code dictionaries}), a zlib stream, or JSON as is. */
    static byte[] read(byte[] stored, LongFunction<byte[]> dictionaries) {
        if (stored.length >= 4 && Arrays.equals(stored, 0, 4, ZSTD_MAGIC, 0, 4)) {
            long id = Zstd.getDictIdFromFrame(stored);
            long size = Zstd.getFrameContentSize(stored);
            try (ZstdDecompressCtx context = new ZstdDecompressCtx()) {
                if (id != 0) {
                    byte[] dictionary = dictionaries.apply(id);
                    if (dictionary == null) {
                        throw new IllegalStateException("a stored value needs dictionary " + id
                                + ", which the store does not hold (table dictionaries)");
                    }
                    context.loadDict(dictionary);
                }
                return context.decompress(stored, Math.toIntExact(size));
            }
        }
        if (stored.length > 0 && (stored[0] == '{' || stored[0] == '[')) {
            return stored;
        }
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a stored value cannot be read back: " + e.getMessage(), e);
        }
    }
}
