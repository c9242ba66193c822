package dev.categorizer.flink.bundle;

import dev.categorizer.model.bundle.ModelLocation;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link Predictor} per model version and task manager, shared by the scoring tasks in its slots: parallel
 * tasks of one machine then read one copy of the weights (tens of MB for a large vocabulary), which stays in the
 * processor's caches better than a copy per task, and the task manager holds it once. The predictor is safe to
 * call from many threads at once. Counted: the last task to release a version closes it (and deletes its local
 * copy). A local location is shared by the version its {@code CURRENT} names when it is acquired, so a task that
 * opens after a new version was published loads the new one; a remote location ({@code s3://}, ...) is not shared.
 *
 * <pre>{@code
 * SharedPredictors.Lease lease = SharedPredictors.acquire("models/films", TrustedKeys.none());
 * float[][] scores = lease.predictor().scoreVideos(videos);
 * lease.close(); // in the operator's close()
 * }</pre>
 */
public final class SharedPredictors {

    private static final Map<Key, Entry> OPEN = new HashMap<>();

    private SharedPredictors() {}

    /** The predictor of the bundle at {@code location} under {@code trust}, loaded by the first task that asks. */
    public static Lease acquire(String location, TrustedKeys trust) {
        Objects.requireNonNull(trust, "trust");
        Path local = LocalBundle.localDirectory(location);
        if (local == null) {
            LocalBundle bundle = LocalBundle.of(location); // copied to this task's own temporary directory
            return new Lease(null, new Entry(bundle, load(bundle, trust)));
        }
        Key key = new Key(realPath(ModelLocation.resolve(local)), trust);
        synchronized (OPEN) {
            Entry entry = OPEN.get(key);
            if (entry == null) {
                // Loads the version resolved above: a publish in between must not put another under its key.
                // A local bundle is read where it is: no copy to delete on close.
                entry = new Entry(null, Predictor.load(key.version(), trust));
                OPEN.put(key, entry);
            }
            entry.leases++;
            return new Lease(key, entry);
        }
    }

    /** How many versions are open and shared now (for tests). */
    static int openVersions() {
        synchronized (OPEN) {
            return OPEN.size();
        }
    }

    private static Predictor load(LocalBundle bundle, TrustedKeys trust) {
        try {
            return Predictor.load(bundle.directory(), trust);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the model bundle " + path + ": " + e.getMessage(), e);
        }
    }

    /** A version of a bundle, read under the same trusted keys. */
    private record Key(Path version, TrustedKeys trust) {}

    private static final class Entry {
        final LocalBundle bundle; // the task's own copy of a remote bundle, or null
        final Predictor predictor;
        int leases;

        Entry(LocalBundle bundle, Predictor predictor) {
            this.bundle = bundle;
            this.predictor = predictor;
        }

        void close() {
            try {
                predictor.close();
            } finally {
                if (bundle != null) bundle.close();
            }
        }
    }

    /** One task's use of a shared predictor; closing it releases the predictor (once). */
    public static final class Lease implements AutoCloseable {
        private final Key key; // null: not shared, this lease owns the entry
        private Entry entry;

        private Lease(Key key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        public Predictor predictor() {
            if (entry == null) throw new IllegalStateException("released");
            return entry.predictor;
        }

        @Override
        public void close() {
            Entry released = entry;
            if (released == null) return;
            entry = null;
            if (key == null) {
                released.close();
                return;
            }
            synchronized (OPEN) {
                if (--released.leases > 0) return;
                OPEN.remove(key);
            }
            released.close();
        }
    }
}
