package dev.categorizer.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {

    @TempDir
    Path dir;

    @Test
    void everyLineAddedBeforeAFlushIsInTheFileAfterIt() throws Exception {
        Path file = dir.resolve("part.jsonl");
        try (FSDataOutputStream stream = LocalFileSystem.getSharedInstance()
                .create(new org.apache.flink.core.fs.Path(file.toUri()), WriteMode.NO_OVERWRITE)) {
            BulkWriter<String> writer = JsonLinesWriter.factory().create(stream);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String line = "{\"id\":\"v" + i + "\",\"title\":\"Amélie ✓ " + i + "\"}";
                writer.addElement(line);
                lines.add(line);
            }
            writer.flush(); // as before a checkpoint: what is in the file is what a committed part holds
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactlyElementsOf(lines);

            StringBuilder big = new StringBuilder();
            while (big.length() < 3 * JsonLinesWriter.BUFFER_BYTES) big.append("x");
            writer.addElement(big.toString());
            writer.addElement("last");
            lines.add(big.toString());
            lines.add("last");
            writer.finish();
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactlyElementsOf(lines);
        }
    }
}
