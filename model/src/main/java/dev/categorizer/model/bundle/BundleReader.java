package dev.categorizer.model.bundle;

import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a bundle and checks it before anything uses it, in an order that trusts nothing unchecked: the files
 * present (no link, nothing the format does not hold, nothing the manifest does not list), the signature of the
 * manifest's bytes when keys are trusted, the format version, every file's checksum, the graph of a format-1
 * bundle, and the consistency of manifest and vocabulary.
 */
final class BundleReader {
    /** A manifest holds labels, thresholds and settings: megabytes at most, whatever the model's size. */
    private static final long MAX_MANIFEST_BYTES = 16 << 20;

    private BundleReader() {}

    static ModelBundle read(Path directory, TrustedKeys trust) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidBundleException("model bundle " + dir + " does not exist or is not a directory");
        }
        Path manifestFile = dir.resolve(ModelBundle.MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidBundleException(dir + ": missing " + ModelBundle.MANIFEST + " (not a model bundle)");
        }
        Set<String> present = filesPresent(dir);
        byte[] manifestBytes = readSmall(manifestFile);
        Path signatureFile = dir.resolve(ModelBundle.SIGNATURE);
        byte[] signature = present.remove(ModelBundle.SIGNATURE) ? readSmall(signatureFile) : null;
        trust.problemWith(manifestBytes, signature).ifPresent(problem -> {
            throw new InvalidBundleException(signatureFile + ": refused: " + problem);
        });
        present.remove(ModelBundle.MANIFEST);

        Manifest manifest;
        try {
            int format = ManifestJson.formatVersion(manifestBytes);
            if (format != ModelBundle.FORMAT_VERSION && format != ModelBundle.SAVED_MODEL_FORMAT) {
                throw new InvalidBundleException(manifestFile + ": bundle format version " + format
                        + " is not supported (this version reads formats " + ModelBundle.SAVED_MODEL_FORMAT
                        + " and " + ModelBundle.FORMAT_VERSION + "); use the categorizer version that wrote it");
            }
            manifest = ManifestJson.read(manifestBytes);
        } catch (IOException e) {
            throw new InvalidBundleException(manifestFile + ": unreadable manifest: " + e.getMessage(), e);
        }
        checkFiles(dir, manifest, present);
        if (manifest.formatVersion() == ModelBundle.SAVED_MODEL_FORMAT) {
            SavedModelCheck.verify(dir.resolve(ModelBundle.SAVED_MODEL_GRAPH));
        }
        if (manifest.labels() == null || manifest.thresholds() == null || manifest.labels().isEmpty()
                || manifest.labels().size() != manifest.thresholds().size()) {
            throw new InvalidBundleException(manifestFile + ": labels and thresholds missing or differ in number");
        }
        if (manifest.hidden() <= 0 || manifest.vocabularySize() <= 0) {
            throw new InvalidBundleException(manifestFile + ": hidden " + manifest.hidden() + " and vocabulary size "
                    + manifest.vocabularySize() + " must be positive");
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

    /** Every regular file under {@code dir}, by relative path; a link or a special file is refused. */
    private static Set<String> filesPresent(Path dir) {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(dir)) continue;
                if (Files.isSymbolicLink(p)) {
                    throw new InvalidBundleException(p + ": refused: a symbolic link in the bundle");
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(Checksums.relative(dir, p));
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InvalidBundleException(p + ": refused: not a regular file");
                }
            }
        } catch (IOException e) {
            throw new InvalidBundleException(dir + ": cannot list the bundle: " + e.getMessage(), e);
        }
        return files;
    }

    /** The files present must be exactly those the manifest lists, which must be those of its format. */
    private static void checkFiles(Path dir, Manifest manifest, Set<String> present) {
        Path manifestFile = dir.resolve(ModelBundle.MANIFEST);
        Map<String, String> listed = manifest.files();
        if (listed == null) throw new InvalidBundleException(manifestFile + ": lists no files");
        for (String file : present) {
            if (!listed.containsKey(file)) {
                throw new InvalidBundleException(dir.resolve(file) + ": refused: a file the manifest does not list");
            }
        }
        Set<String> expected = ModelBundle.filesOf(manifest.formatVersion());
        for (String file : listed.keySet()) {
            if (!expected.contains(file)) {
                throw new InvalidBundleException(dir.resolve(file) + ": refused: not a file of a format-"
                        + manifest.formatVersion() + " bundle (it holds " + String.join(", ", expected) + ")");
            }
        }
        for (String file : expected) {
            if (!present.contains(file)) {
                throw new InvalidBundleException(dir.resolve(file) + ": missing (a format-"
                        + manifest.formatVersion() + " bundle holds it)");
            }
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            Path file = dir.resolve(e.getKey());
            String actual = Checksums.sha256(file);
            if (!actual.equalsIgnoreCase(e.getValue())) {
                throw new InvalidBundleException(file + ": checksum mismatch (expected " + e.getValue()
                        + ", found " + actual + "): the file is damaged or was changed");
            }
        }
    }

    private static byte[] readSmall(Path file) {
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new InvalidBundleException(file + ": refused: " + Files.size(file) + " bytes is too large");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidBundleException(file + ": unreadable: " + e.getMessage(), e);
        }
    }
}
