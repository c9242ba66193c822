package dev.categorizer.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The instructions of docker/Dockerfile, continuation lines joined and comments dropped. */
record Dockerfile(List<String> instructions) {

    static Dockerfile read() {
        try {
            List<String> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(RepoPaths.dockerfile())) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    current.append(trimmed);
                    instructions.add(current.toString().strip());
                    current.setLength(0);
                }
            }
            return new Dockerfile(List.copyOf(instructions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> starting(String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
    }

    /** Default value of a build argument. */
    String argDefault(String name) {
        return starting("ARG").stream()
                .map(i -> i.substring(4).strip())
                .filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ARG " + name + " in the Dockerfile"));
    }

    /** Destination of the COPY that puts the job jar in the image. */
    String jobJarDestination() {
        return starting("COPY").stream()
                .filter(c -> c.contains("${JOB_JAR}"))
                .map(c -> c.substring(c.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no COPY of ${JOB_JAR} in the Dockerfile"));
    }
}
