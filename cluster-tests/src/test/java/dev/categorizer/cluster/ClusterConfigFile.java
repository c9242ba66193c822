package dev.categorizer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key: value} lines of a flat Flink {@code config.yaml} such as {@code docker/flink-config.yaml}, in
 * order; comments and blank lines skipped.
 *
 * <pre>{@code
 * ClusterConfigFile.read(Path.of("docker/flink-config.yaml")).forEach(builder::config);
 * }</pre>
 */
final class ClusterConfigFile {
    private ClusterConfigFile() {}

    static Map<String, String> read(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                int colon = trimmed.indexOf(": ");
                if (colon < 0) throw new IllegalArgumentException(file + ": not a flat key: value line: " + line);
                entries.put(trimmed.substring(0, colon), trimmed.substring(colon + 2).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
