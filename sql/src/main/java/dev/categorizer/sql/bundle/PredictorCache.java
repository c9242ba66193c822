package dev.categorizer.sql.bundle;

import dev.categorizer.common.config.Locations;
import dev.categorizer.model.predict.Predictor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predictors that one function instance has opened, by bundle location: each bundle is loaded once and closed
 * with the instance. Not thread-safe; a Flink function instance is used by one thread.
 */
public final class PredictorCache implements AutoCloseable {

    private final Map<String, Loaded> byLocation = new LinkedHashMap<>();

    /** The predictor of the bundle at {@code location}, loading it on first use. */
    public Predictor get(String location) {
        Loaded loaded = byLocation.get(location);
        if (loaded == null) {
            loaded = load(location);
            byLocation.put(location, loaded);
        }
        return loaded.predictor();
    }

    /** How many bundles are open. */
    public int size() {
        return byLocation.size();
    }

    @Override
    public void close() {
        byLocation.values().forEach(Loaded::close);
        byLocation.clear();
    }

    /** Loads the bundle at {@code location}; the message of a failure names the location and the file at fault. */
    public static Predictor load(LocalBundle bundle, String location) {
        try {
            return Predictor.load(bundle.directory());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot load the model bundle '" + Locations.redact(location) + "': " + e.getMessage(), e);
        }
    }

    private static Loaded load(String location) {
        LocalBundle bundle = LocalBundle.of(location);
        try {
            return new Loaded(bundle, load(bundle, location));
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private record Loaded(LocalBundle bundle, Predictor predictor) {
        void close() {
            try {
                predictor.close();
            } finally {
                bundle.close();
            }
        }
    }
}
