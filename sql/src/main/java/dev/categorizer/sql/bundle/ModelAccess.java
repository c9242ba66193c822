package dev.categorizer.sql.bundle;

import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Which model bundles SQL may load: locations under the configured roots only (no {@code ..}, no symbolic link
 * out of a root), and, when keys are trusted, only bundles signed by one of them. A SQL user names a model path
 * in a query; this decides whether it is one they may name.
 *
 * <p>Where the rules come from, first found: the rules the {@code categorizer} command line installed for its
 * embedded cluster ({@link #install}); the cluster's configuration file ({@code FLINK_CONF_DIR}) on a task
 * manager; else none, and every location is refused with a message naming {@link ModelAccessOptions#ROOTS}.
 *
 * <pre>{@code
 * ModelAccess access = ModelAccess.of(List.of("/opt/models"), TrustedKeys.none());
 * String allowed = access.check("/opt/models/films");    // throws for /etc or /opt/models/../secrets
 * }</pre>
 */
public final class ModelAccess implements Serializable {
    private static final long serialVersionUID = 1L;
    private static volatile ModelAccess installed;

    private final List<String> roots;
    private final TrustedKeys trustedKeys;
    private final int cacheSize;

    private ModelAccess(List<String> roots, TrustedKeys trustedKeys, int cacheSize) {
        this.roots = List.copyOf(roots);
        this.trustedKeys = trustedKeys;
        this.cacheSize = cacheSize;
    }

    public static ModelAccess of(List<String> roots, TrustedKeys trustedKeys) {
        return new ModelAccess(roots, trustedKeys, ModelAccessOptions.CACHE_SIZE.defaultValue());
    }

    /** The rules of a Flink configuration; no root when it sets none. */
    public static ModelAccess from(ReadableConfig config) {
        List<String> keys = config.getOptional(ModelAccessOptions.TRUSTED_KEYS).orElse(List.of());
        return new ModelAccess(config.getOptional(ModelAccessOptions.ROOTS).orElse(List.of()),
                TrustedKeys.read(keys.stream().map(Path::of).toList()), config.get(ModelAccessOptions.CACHE_SIZE));
    }

    /** Sets the rules of this process (an embedded cluster runs its tasks here); null removes them. */
    public static void install(ModelAccess access) {
        installed = access;
    }

    /** The rules in force where this runs (see the class comment). */
    public static ModelAccess current() {
        ModelAccess access = installed;
        if (access != null) return access;
        if (System.getenv("FLINK_CONF_DIR") != null) {
            return from(GlobalConfiguration.loadConfiguration());
        }
        return from(new Configuration());
    }

    public TrustedKeys trustedKeys() {
        return trustedKeys;
    }

    public int cacheSize() {
        return cacheSize;
    }

    public List<String> roots() {
        return roots;
    }

    /** {@code location} if SQL may load a bundle from it, else an {@link IllegalArgumentException} saying why. */
    public String check(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("The model bundle path is empty.");
        }
        String trimmed = location.trim();
        if (hasParentSegment(trimmed)) {
            throw new IllegalArgumentException("The model location '" + trimmed + "' is refused: it contains '..'.");
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("The model location '" + trimmed + "' is refused: no model root is "
                    + "configured (set " + ModelAccessOptions.ROOTS.key() + " in the cluster configuration).");
        }
        for (String root : roots) {
            if (isUnder(trimmed, root)) return trimmed;
        }
        throw new IllegalArgumentException("The model location '" + trimmed + "' is refused: it is not under a model "
                + "root " + roots + " (" + ModelAccessOptions.ROOTS.key() + ").");
    }

    private static boolean hasParentSegment(String location) {
        for (String segment : location.split("[/\\\\]")) {
            if (segment.equals("..")) return true;
        }
        return false;
    }

    private static boolean isUnder(String location, String root) {
        boolean remoteLocation = isRemote(location);
        if (remoteLocation != isRemote(root)) return false;
        if (remoteLocation) {
            String base = URI.create(root).normalize().toString();
            if (!base.endsWith("/")) base += "/";
            String target = URI.create(location).normalize().toString();
            return target.startsWith(base) || (target + "/").equals(base);
        }
        // Local: compare real paths, so that a symbolic link inside a root that points out of it is refused.
        try {
            Path rootPath = Path.of(stripFileScheme(root)).toAbsolutePath().normalize();
            Path target = Path.of(stripFileScheme(location)).toAbsolutePath().normalize();
            if (!target.startsWith(rootPath)) return false;
            if (!Files.exists(rootPath) || !Files.exists(target)) return true; // loading names what is missing
            return target.toRealPath().startsWith(rootPath.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the model location " + location, e);
        }
    }

    private static boolean isRemote(String location) {
        int colon = location.indexOf("://");
        return colon > 1 && !location.startsWith("file:");
    }

    private static String stripFileScheme(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location)).toString() : location;
    }

    /** The rules with {@code roots} added: for the command line, which adds the current directory. */
    public ModelAccess withRoots(List<String> more) {
        List<String> all = new ArrayList<>(roots);
        all.addAll(more);
        return new ModelAccess(all, trustedKeys, cacheSize);
    }

    @Override
    public String toString() {
        return "ModelAccess[roots=" + roots + ", " + trustedKeys + "]";
    }
}
