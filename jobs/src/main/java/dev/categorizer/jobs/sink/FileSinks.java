package dev.categorizer.jobs.sink;

import dev.categorizer.jobs.io.FilePaths;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * File sinks writing part files straight into one directory (no time buckets). Part files are finished on each
 * checkpoint and at the end of a bounded job; until then they are hidden in-progress files, so readers of the
 * directory only ever see complete files.
 */
public final class FileSinks {

    private FileSinks() {}

    /**
     * One JSON document per line, in files {@code <prefix>-<uuid>-<n>.jsonl}, written through a buffer
     * ({@link JsonLinesWriter}).
     */
    public static FileSink<String> jsonLines(String directory, String prefix) {
        return FileSink.forBulkFormat(FilePaths.of(directory), JsonLinesWriter.factory())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(files(prefix, ".jsonl"))
                .build();
    }

    /** Parquet files {@code <prefix>-<uuid>-<n>.parquet} written by {@code writer}. */
    public static <T> FileSink<T> parquet(String directory, String prefix, ParquetWriterFactory<T> writer) {
        return FileSink.forBulkFormat(FilePaths.of(directory), writer)
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(files(prefix, ".parquet"))
                .build();
    }

    private static OutputFileConfig files(String prefix, String suffix) {
        return OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(suffix).build();
    }
}
