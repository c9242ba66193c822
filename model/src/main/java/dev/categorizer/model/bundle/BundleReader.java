package dev.categorizer.model.bundle;

import dev.categorizer.common.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a bundle and checks it before anything uses it: format version, every file's checksum, consistency. */
final class BundleReader {
    private BundleReader() {}

    static ModelBundle read(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidBundleException("model bundle " + dir + " does not exist or is not a directory");
        }
        Path manifestFile = dir.resolve(ModelBundle.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidBundleException(dir + ": missing " + ModelBundle.MANIFEST + " (not a model bundle)");
        }
        Manifest manifest;
        try {
            int format = ManifestJson.formatVersion(manifestFile);
            if (format != ModelBundle.FORMAT_VERSION) {
                throw new InvalidBundleException(manifestFile + ": bundle format version " + format
                        + " is not supported (this version reads format " + ModelBundle.FORMAT_VERSION + ")");
            }
            manifest = ManifestJson.read(manifestFile);
        } catch (IOException e) {
            throw new InvalidBundleException(manifestFile + ": unreadable manifest: " + e.getMessage(), e);
        }
        checkFiles(dir, manifest.files());
        if (manifest.labels() == null || manifest.thresholds() == null
                || manifest.labels().size() != manifest.thresholds().size()) {
            throw new InvalidBundleException(manifestFile + ": labels and thresholds differ in number");
        }
        Vocabulary vocabulary;
        Path vocabularyFile = dir.resolve(ModelBundle.VOCABULARY);
        try (InputStream in = Files.newInputStream(vocabularyFile)) {
            vocabulary = Vocabulary.readFrom(in);
        } catch (IOException | RuntimeException e) {
            throw new InvalidBundleException(vocabularyFile + ": unreadable vocabulary: " + e.getMessage(), e);
        }
        if (vocabulary.size() != manifest.vocabularySize()) {
            throw new InvalidBundleException(vocabularyFile + ": has " + vocabulary.size()
                    + " terms, the manifest says " + manifest.vocabularySize());
        }
        try {
            return new ModelBundle(dir, manifest, vocabulary);
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException(manifestFile + ": " + e.getMessage(), e);
        }
    }

    private static void checkFiles(Path dir, Map<String, String> files) {
        if (files == null || !files.containsKey(ModelBundle.VOCABULARY)) {
            throw new InvalidBundleException(dir.resolve(ModelBundle.MANIFEST) + ": lists no "
                    + ModelBundle.VOCABULARY);
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey()).normalize();
            if (!file.startsWith(dir)) {
                throw new InvalidBundleException(dir.resolve(ModelBundle.MANIFEST) + ": file outside the bundle: "
                        + e.getKey());
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidBundleException(file + ": missing (listed in the manifest)");
            }
            String actual = Checksums.sha256(file);
            if (!actual.equalsIgnoreCase(e.getValue())) {
                throw new InvalidBundleException(file + ": checksum mismatch (expected " + e.getValue()
                        + ", found " + actual + "): the file is damaged or was changed");
            }
        }
    }
}
