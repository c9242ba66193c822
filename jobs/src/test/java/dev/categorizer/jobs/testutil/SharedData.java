package dev.categorizer.jobs.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The team's shared datasets, {@code shared/data/NAME} beside the repository (read-only, never copied into it):
 * found by walking up from the working directory; empty when they are not there.
 */
public final class SharedData {
    private SharedData() {}

    public static Optional<Path> dataset(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate.resolve("train.jsonl"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
