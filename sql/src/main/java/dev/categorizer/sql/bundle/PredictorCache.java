package dev.categorizer.sql.bundle;

import dev.categorizer.common.config.Locations;
import dev.categorizer.flink.bundle.LocalBundle;
import dev.categorizer.model.predict.Predictor;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predictors that one function instance has opened, by bundle location, each loaded once: at most
 * {@link ModelAccess#cacheSize()} at a time, the least recently used closed when another is needed, all closed
 * with the instance. A location is loaded only if the {@link ModelAccess} rules allow it. Not thread-safe; a
 * Flink function instance is used by one thread, and a predictor it got is used before its next {@link #get}.
 *
 * <pre>{@code
 * try (PredictorCache predictors = new PredictorCache(ModelAccess.current())) {
 *     float[][] scores = predictors.get("models/films").scoreVideos(videos);
 * }
 * }</pre>
 */
public final class PredictorCache implements AutoCloseable {

    private final ModelAccess access;
    private final Map<String, Loaded> byLocation = new LinkedHashMap<>(16, 0.75f, true); // access order: LRU

    /** A cache under the rules in force where it runs ({@link ModelAccess#current()}). */
    public PredictorCache() {
        this(ModelAccess.current());
    }

    public PredictorCache(ModelAccess access) {
        this.access = access;
    }

    /** The predictor of the bundle at {@code location}, loading it on first use. */
    public Predictor get(String location) {
        Loaded loaded = byLocation.get(location);
        if (loaded == null) {
            loaded = load(access, location);
            evictFor(1);
            byLocation.put(location, loaded);
        }
        return loaded.predictor();
    }

    /** How many bundles are open. */
    public int size() {
        return byLocation.size();
    }

    private void evictFor(int incoming) {
        Iterator<Loaded> eldest = byLocation.values().iterator();
        while (byLocation.size() + incoming > access.cacheSize() && eldest.hasNext()) {
            Loaded evicted = eldest.next();
            eldest.remove();
            evicted.close();
        }
    }

    @Override
    public void close() {
        byLocation.values().forEach(Loaded::close);
        byLocation.clear();
    }

    /**
     * Loads the bundle at {@code location} if {@code access} allows it; the message of a failure names the
     * location and the cause (the rule, or the file at fault).
     */
    public static Loaded load(ModelAccess access, String location) {
        String allowed = access.check(location);
        LocalBundle bundle = LocalBundle.of(allowed);
        try {
            return new Loaded(bundle, Predictor.load(bundle.directory(), access.trustedKeys()));
        } catch (RuntimeException e) {
            bundle.close();
            throw new IllegalArgumentException("Cannot load the model bundle '" + Locations.redact(location) + "': "
                    + e.getMessage(), e);
        }
    }

    /** A predictor with the local copy of its bundle; closing closes both. */
    public record Loaded(LocalBundle bundle, Predictor predictor) implements AutoCloseable {
        @Override
        public void close() {
            try {
                predictor.close();
            } finally {
                bundle.close();
            }
        }
    }
}
