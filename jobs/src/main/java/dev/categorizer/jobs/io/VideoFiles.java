package dev.categorizer.jobs.io;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.config.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Reads videos from files as a bounded stream of {@link ParsedVideo}: every input record comes out once, as a
 * video or as a dead letter saying why it is not one.
 *
 * <p>PATH is a file or a directory (read recursively, skipping names starting with {@code .} or {@code _}), local
 * or any Flink file system URI. Files ending in {@code .parquet} are read as Parquet, every other file as JSON
 * lines (optionally compressed: {@code .gz}, {@code .bz2}, {@code .xz}). A directory that mixes both is read as
 * both: its Parquet files with the Parquet reader and the rest as JSON lines, in one stream.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * DataStream<ParsedVideo> parsed = VideoFiles.read(env, "data/sample/train.jsonl");
 * DataStream<ParsedVideo> big = VideoFiles.builder("s3://bucket/videos/").maxRecordBytes(4 << 20).read(env);
 * }</pre>
 */
public final class VideoFiles {

    private final String path;
    private VideoJsonCodec codec = new VideoJsonCodec();

    private VideoFiles(String path) {
        this.path = path;
    }

    public static VideoFiles builder(String path) {
        return new VideoFiles(path);
    }

    /** Reads {@code path} with the default settings. */
    public static DataStream<ParsedVideo> read(StreamExecutionEnvironment env, String path) {
        return builder(path).read(env);
    }

    /** Longest JSON line read as a record (default 1 MiB); longer lines become "record too large" dead letters. */
    public VideoFiles maxRecordBytes(int maxRecordBytes) {
        this.codec = new VideoJsonCodec(maxRecordBytes);
        return this;
    }

    public DataStream<ParsedVideo> read(StreamExecutionEnvironment env) {
        Path root = FilePaths.of(path);
        List<DataStream<ParsedVideo>> streams = new ArrayList<>();
        if (isDirectory(root)) {
            FilePaths.Contents contents = contents(root);
            if (contents.parquet()) {
                streams.add(parquet(env, root, true));
            }
            if (contents.other() || !contents.parquet()) {
                streams.add(jsonLines(env, root, true));
            }
        } else if (FilePaths.isParquet(root)) {
            streams.add(parquet(env, root, false));
        } else {
            streams.add(jsonLines(env, root, false));
        }
        DataStream<ParsedVideo> all = streams.get(0);
        for (int i = 1; i < streams.size(); i++) {
            all = all.union(streams.get(i));
        }
        return all;
    }

    private DataStream<ParsedVideo> jsonLines(StreamExecutionEnvironment env, Path root, boolean directory) {
        FileSource.FileSourceBuilder<ParsedVideo> source =
                FileSource.forRecordStreamFormat(new JsonLinesVideoFormat(codec), root);
        source.setFileEnumerator(() -> new ByFormat(false)); // also for one file: large ones are split
        return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "videos (JSON lines): " + Locations.redact(path));
    }

    private DataStream<ParsedVideo> parquet(StreamExecutionEnvironment env, Path root, boolean directory) {
        FileSource.FileSourceBuilder<ParsedVideo> source =
                FileSource.forRecordStreamFormat(new ParquetVideoFormat(), root);
        if (directory) {
            source.setFileEnumerator(() -> new ByFormat(true));
        }
        return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "videos (Parquet): " + Locations.redact(path));
    }

    private static boolean isDirectory(Path path) {
        try {
            FileSystem fs = path.getFileSystem();
            FileStatus status = fs.getFileStatus(path);
            return status.isDir();
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("input not found: " + Locations.redact(path.toString()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Locations.redact(path.toString()), e);
        }
    }

    private static FilePaths.Contents contents(Path dir) {
        try {
            return FilePaths.contents(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + Locations.redact(dir.toString()), e);
        }
    }

    /**
     * How many ranges the files under {@code path} are read in by {@code parallelism} tasks: at least as many as
     * tasks means each task can read and score on its own, with no exchange between them.
     */
    public static int splits(String path, int parallelism) throws IOException {
        Path root = FilePaths.of(path);
        int count = 0;
        for (boolean parquet : new boolean[] {false, true}) {
            count += new ByFormat(parquet).enumerateSplits(new Path[] {root}, parallelism).size();
        }
        return count;
    }

    /**
     * Enumerates the files of one format in a directory tree (and skips hidden files, as the default does); large
     * uncompressed JSON-lines files become several ranges ({@link JsonLinesSplits}), others one split each.
     */
    static final class ByFormat extends NonSplittingRecursiveEnumerator {
        private final boolean parquet;
        private int tasks = 1;

        ByFormat(boolean parquet) {
            this.parquet = parquet;
        }

        @Override
        public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) throws IOException {
            tasks = Math.max(1, minDesiredSplits);
            return super.enumerateSplits(paths, minDesiredSplits);
        }

        @Override
        protected void convertToSourceSplits(FileStatus file, FileSystem fs, List<FileSourceSplit> target)
                throws IOException {
            if (FilePaths.isParquet(file.getPath()) != parquet) return;
            if (parquet) {
                super.convertToSourceSplits(file, fs, target);
                return;
            }
            for (long[] range : JsonLinesSplits.ranges(file.getPath().getName(), file.getLen(), tasks)) {
                target.add(new FileSourceSplit(getNextId(), file.getPath(), range[0], range[1],
                        file.getModificationTime(), file.getLen()));
            }
        }
    }

}
