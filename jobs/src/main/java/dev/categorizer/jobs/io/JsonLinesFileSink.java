package dev.categorizer.jobs.io;

import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * A Flink {@link FileSink} writing one string per line (already encoded JSON) into a directory, as files named
 * {@code <prefix>-<uuid>-<subtask>-<n>.jsonl}. Files are complete when the job ends (batch) or at checkpoints
 * (streaming); until then they are hidden in-progress files that readers skip.
 *
 * <pre>{@code
 * deadLetterJson.sinkTo(JsonLinesFileSink.forDirectory("out/dead-letters", "dead-letters"));
 * }</pre>
 */
public final class JsonLinesFileSink {

    private JsonLinesFileSink() {}

    public static FileSink<String> forDirectory(String directory, String prefix) {
        return FileSink.forRowFormat(FilePaths.of(directory), new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(prefix)
                        .withPartSuffix(".jsonl")
                        .build())
                .build();
    }
}
