package dev.categorizer.sql.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory, found by walking up from the working directory (a module when Maven runs). */
public final class RepoRoot {

    private RepoRoot() {}

    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sql/scripts")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the categorizer repository: " + dir);
    }
}
