package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class FilePathsTest {

    @Test
    void plainPathsBecomeAbsoluteLocalUris() {
        Path p = FilePaths.of("data/x.jsonl");
        assertThat(p.toUri().getScheme()).isEqualTo("file");
        assertThat(p.toUri().getPath()).isEqualTo(new File("data/x.jsonl").getAbsolutePath());
        assertThat(FilePaths.isLocal("data/x.jsonl")).isTrue();
    }

    @Test
    void urisStayAsGiven() {
        assertThat(FilePaths.of("s3://bucket/videos/").toUri().toString()).isEqualTo("s3://bucket/videos");
        assertThat(FilePaths.isLocal("s3://bucket/videos")).isFalse();
        assertThat(FilePaths.isLocal("file:///tmp/x")).isTrue();
        assertThat(FilePaths.toLocal("file:///tmp/x")).isEqualTo(java.nio.file.Path.of("/tmp/x"));
    }

    @Test
    void recognisesHiddenAndParquetFiles() {
        assertThat(FilePaths.isHidden(new Path("/d/_SUCCESS"))).isTrue();
        assertThat(FilePaths.isHidden(new Path("/d/.part-1.inprogress"))).isTrue();
        assertThat(FilePaths.isHidden(new Path("/d/part-1.jsonl"))).isFalse();
        assertThat(FilePaths.isParquet(new Path("/d/a.PARQUET"))).isTrue();
        assertThat(FilePaths.isParquet(new Path("/d/a.jsonl"))).isFalse();
    }
}
