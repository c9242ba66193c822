package dev.categorizer.helm;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the chart, its examples and the container recipe are, relative to the repository root. */
final class RepoPaths {

    private RepoPaths() {}

    /** The repository root: set by the build, or found by walking up from the working directory. */
    static Path root() {
        String fromBuild = System.getProperty("categorizer.repo.root");
        if (fromBuild != null) {
            return Path.of(fromBuild).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("helm-charts/categorizer"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    static Path chart() {
        return root().resolve("helm-charts/categorizer");
    }

    static Path example(String fileName) {
        return root().resolve("helm-charts/examples").resolve(fileName);
    }

    static Path dockerfile() {
        return root().resolve("docker/Dockerfile");
    }

    /** Build output folder of the cli module, which makes the job jar (target, or the -Dbuild.out folder). */
    static Path cliBuildDir() {
        String fromBuild = System.getProperty("categorizer.cli.build.dir");
        return fromBuild != null ? Path.of(fromBuild) : root().resolve("cli/target");
    }

    /** The Maven project version, which the chart's appVersion and image tag must follow. */
    static String projectVersion() {
        return System.getProperty("categorizer.project.version", "0.1.0-SNAPSHOT");
    }
}
