package dev.categorizer.common.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directory trees on the local disk: copied and deleted as a whole. Symbolic links are not followed: a link is
 * deleted, not what it points to, and copied as a link.
 *
 * <pre>{@code
 * FileTrees.copy(Path.of("models/films"), staging);   // staging and everything below it, as in models/films
 * FileTrees.delete(staging);                          // throws if something cannot be deleted
 * FileTrees.deleteQuietly(temporaryCopy);             // best effort, for clean-up in finally blocks
 * }</pre>
 */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path p : deepestFirst(root)) {
            Files.deleteIfExists(p);
        }
    }

    /** Deletes what it can of {@code root} and below, and ignores the rest: what is left, the OS cleans up. */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            for (Path p : deepestFirst(root)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: go on with the others
                }
            }
        } catch (IOException e) {
            // the tree cannot even be listed: left as it is
        }
    }

    /**
     * Copies the tree at {@code source} to {@code target} (created, with its parents, if missing), replacing files
     * that are there already.
     */
    public static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Every path of the tree, children before their parents. */
    private static List<Path> deepestFirst(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted(Comparator.reverseOrder()).toList();
        }
    }
}
