package dev.categorizer.jobs.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.VideoFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reading files on the embedded cluster tells LocalProgress every record and every byte, for the progress bar. */
class LocalProgressITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    @Test
    void countsTheRecordsAndBytesOfJsonLinesFilesRead() throws Exception {
        for (int file = 0; file < 2; file++) {
            String lines = IntStream.range(0, 1_500)
                    .mapToObj(i -> "{\"id\":\"v" + i + "\",\"title\":\"a film about " + i + " things\"}")
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(dir.resolve("part-" + file + ".jsonl"), lines + "\n\n", StandardCharsets.UTF_8);
        }
        long size = Files.size(dir.resolve("part-0.jsonl")) + Files.size(dir.resolve("part-1.jsonl"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        LocalProgress.reset();
        List<ParsedVideo> read = VideoFiles.read(env, dir.toString()).executeAndCollect(10_000);

        assertThat(read).hasSize(3_000);
        assertThat(LocalProgress.recordsRead()).isEqualTo(3_000);
        assertThat(LocalProgress.bytesRead()).isEqualTo(size);
    }
}
