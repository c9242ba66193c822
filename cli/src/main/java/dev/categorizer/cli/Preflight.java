package dev.categorizer.cli;

import dev.categorizer.jobs.io.FilePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a command checks before it starts a job, so that a missing input or an output that cannot be written is
 * one line now ({@link PreflightException}, exit code 1), not a task failure after the cluster has started. It
 * checks local paths only: object storage ({@code s3://}, {@code gs://}, ...) and Kafka are checked by the job
 * itself, where their credentials and plugins are.
 *
 * <pre>{@code
 * Preflight.inputPresent("--input", input);
 * Preflight.outputWritable("--output", output);
 * }</pre>
 */
final class Preflight {
    private Preflight() {}

    /** {@code location} (a file or a directory of files) exists, if it is local. */
    static void inputPresent(String option, String location) {
        Path path = localPath(location);
        if (path == null) return;
        if (!Files.exists(path)) {
            throw new PreflightException(option + " " + location
                    + ": no such file or directory; give a JSON-lines or Parquet file, or a directory of them");
        }
        if (!Files.isReadable(path)) {
            throw new PreflightException(option + " " + location + ": not readable by this user; check its permissions");
        }
    }

    /**
     * {@code location} is a directory this user can write into, or can be created as one (it is created).
     */
    static void outputWritable(String option, String location) {
        Path path = localPath(location);
        if (path == null) return;
        path = path.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                throw new PreflightException(option + " " + location
                        + ": is a file, but the output is a directory; give a directory (new or existing)");
            }
            if (!Files.isWritable(path)) {
                throw new PreflightException(option + " " + location + ": not writable by this user; "
                        + "choose another directory or fix its permissions");
            }
            return;
        }
        // Creating it is the one sure test (permissions, read-only mounts, /proc); the job would create it anyway.
        try {
            Files.createDirectories(path);
        } catch (java.io.IOException | SecurityException e) {
            throw new PreflightException(option + " " + location + ": cannot be created ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage()) + "); choose a directory you can write");
        }
    }

    /** The local path {@code location} names, or null if it is not local (a URI with another scheme). */
    static Path localPath(String location) {
        if (location == null || location.isBlank() || !FilePaths.isLocal(location)) return null;
        try {
            return FilePaths.toLocal(location);
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new PreflightException("'" + location + "' is not a valid path: " + e.getMessage()
                    .toLowerCase(Locale.ROOT));
        }
    }
}
