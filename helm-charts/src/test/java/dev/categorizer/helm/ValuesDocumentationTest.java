package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** values.yaml is documented line by line: every key has a comment line right above it. */
class ValuesDocumentationTest {

    @Test
    void everyKeyInValuesYamlHasACommentAboveIt() throws IOException {
        List<String> lines = Files.readAllLines(RepoPaths.chart().resolve("values.yaml"));
        List<String> undocumented = new ArrayList<>();

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean isKey = line.matches("[A-Za-z0-9_.\\-]+:.*");
            if (isKey && (i == 0 || !lines.get(i - 1).strip().startsWith("#"))) {
                undocumented.add((i + 1) + ": " + line);
            }
        }

        assertThat(undocumented).isEmpty();
    }
}
