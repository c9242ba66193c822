package dev.categorizer.model.bundle;

import dev.categorizer.model.tensor.TensorStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a model path names: a directory of published versions, {@code versions/<version>/} (each a whole bundle),
 * and a pointer file, {@code CURRENT}, that holds the name of the version in service. Publishing writes and checks
 * a new version first, then replaces the pointer in one step, so a reader sees the old bundle or the new one,
 * never half of one. A path without a pointer is read as a bundle itself (a version directory, or a bundle
 * written before versions existed).
 *
 * <pre>{@code
 * Path bundle = ModelLocation.resolve(Path.of("models/films")); // models/films/versions/20261201T...-3f2a9c1e
 * String version = ModelLocation.current(remoteStore);            // the same for any file system
 * }</pre>
 */
public final class ModelLocation {
    public static final String CURRENT = "CURRENT";
    public static final String VERSIONS = "versions";
    /** A version is one plain path segment: the pointer can name nothing outside {@code versions/}. */
    private static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_POINTER_BYTES = 256;
    private static final int MAX_MANIFEST_BYTES = 16 << 20;

    private ModelLocation() {}

    /** The bundle directory that {@code location} names now. */
    public static Path resolve(Path location) {
        Path pointer = location.resolve(CURRENT);
        if (!Files.exists(pointer, LinkOption.NOFOLLOW_LINKS)) return location;
        if (!Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidBundleException(pointer + ": refused: the pointer is not a regular file");
        }
        Path version;
        try (InputStream in = Files.newInputStream(pointer)) {
            version = location.resolve(VERSIONS).resolve(versionIn(in, pointer.toString()));
        } catch (IOException e) {
            throw new InvalidBundleException(pointer + ": unreadable: " + e.getMessage(), e);
        }
        if (Files.isSymbolicLink(version) || Files.isSymbolicLink(location.resolve(VERSIONS))) {
            throw new InvalidBundleException(version + ": refused: a symbolic link in the model location");
        }
        return version;
    }

    /**
     * Copies the bundle in service at a location on any storage into the new local directory {@code target}:
     * its manifest, signature if any, and the files of its format, nothing else; reading checks them after.
     */
    public static void download(TensorStore location, Path target) throws IOException {
        String version = current(location);
        String prefix = version == null ? "" : VERSIONS + "/" + version + "/";
        Files.createDirectories(target);
        copy(location, prefix + ModelBundle.MANIFEST, target.resolve(ModelBundle.MANIFEST));
        if (location.exists(prefix + ModelBundle.SIGNATURE)) {
            copy(location, prefix + ModelBundle.SIGNATURE, target.resolve(ModelBundle.SIGNATURE));
        }
        int format = ManifestJson.formatVersion(Files.readAllBytes(target.resolve(ModelBundle.MANIFEST)));
        if (format != ModelBundle.FORMAT_VERSION && format != ModelBundle.SAVED_MODEL_FORMAT) {
            return; // reading names the format it does not support
        }
        for (String file : ModelBundle.filesOf(format)) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            copy(location, prefix + file, to);
        }
    }

    private static void copy(TensorStore location, String name, Path to) throws IOException {
        try (InputStream in = location.open(name)) {
            Files.copy(in, to);
        } catch (IOException e) {
            throw new IOException(location.describe(name) + ": cannot copy: " + e.getMessage(), e);
        }
    }

    /** The version in service at a location on any storage, or null when it has no pointer. */
    public static String current(TensorStore location) throws IOException {
        if (!location.exists(CURRENT)) return null;
        try (InputStream in = location.open(CURRENT)) {
            return versionIn(in, location.describe(CURRENT));
        }
    }

    /** Replaces the pointer of a location on any storage (one object written whole, which stores make atomic). */
    public static void point(TensorStore location, String version) throws IOException {
        checkVersionName(version);
        try (OutputStream out = location.create(CURRENT)) {
            out.write((version + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * When a version was written, from its manifest ({@code created_at}, ISO-8601 UTC, so that it sorts), or
     * empty when its manifest is missing or unreadable (an upload that failed half way).
     */
    public static String createdAt(TensorStore location, String version) {
        try (InputStream in = location.open(fileOf(version, ModelBundle.MANIFEST))) {
            String created = ManifestJson.read(in.readNBytes(MAX_MANIFEST_BYTES)).createdAt();
            return created == null ? "" : created;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The relative name of a file of a version: {@code versions/<version>/<file>}. */
    public static String fileOf(String version, String file) {
        return VERSIONS + "/" + version + "/" + file;
    }

    /** Refuses a version name that is not one plain path segment. */
    public static String checkVersionName(String version) {
        if (version == null || !VERSION_NAME.matcher(version).matches()) {
            throw new InvalidBundleException("refused: '" + version + "' is not a version name ([A-Za-z0-9._-], "
                    + "starting with a letter or digit)");
        }
        return version;
    }

    private static String versionIn(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_POINTER_BYTES + 1);
        if (bytes.length > MAX_POINTER_BYTES) {
            throw new InvalidBundleException(source + ": refused: the pointer is longer than " + MAX_POINTER_BYTES + " bytes");
        }
        String version = new String(bytes, StandardCharsets.US_ASCII).trim();
        try {
            return checkVersionName(version);
        } catch (InvalidBundleException e) {
            throw new InvalidBundleException(source + ": " + e.getMessage());
        }
    }
}
