package dev.categorizer.jobs.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the demo sample ({@code data/sample/} with train.jsonl and test.jsonl): in the working directory or a
 * parent, else in the checkout the {@code ./categorizer} script runs from (system property {@code categorizer.home}).
 */
public final class SampleData {

    public static final String RELATIVE = "data/sample";

    private SampleData() {}

    /** The sample directory in the working directory, the nearest parent that has one, or the checkout. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(RELATIVE);
            if (isSample(candidate)) {
                return candidate;
            }
        }
        String home = System.getProperty("categorizer.home");
        if (home != null && isSample(Path.of(home, RELATIVE))) {
            return Path.of(home, RELATIVE);
        }
        throw new IllegalArgumentException("no " + RELATIVE + "/train.jsonl and test.jsonl in " + dir
                + " or its parents; run from the repository or pass --data DIR");
    }

    public static boolean isSample(Path dir) {
        return Files.isRegularFile(dir.resolve("train.jsonl")) && Files.isRegularFile(dir.resolve("test.jsonl"));
    }
}
