package dev.categorizer.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryLineSkippingBlankOnesAndAcceptingCrlf() throws IOException {
        Path file = dir.resolve("videos.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"labels\":[\"x\"]}\r\n\n  \n{\"id\":2,\"title\":\"Amélie\"}\n{\"id\":\"c\"}");

        List<Video> videos = JsonLinesFiles.readVideos(file);

        assertThat(videos).extracting(Video::id).containsExactly("a", "2", "c");
        assertThat(videos.get(0).labels()).containsExactly("x");
        assertThat(videos.get(1).title()).isEqualTo("Amélie");
    }

    @Test
    void failsOnTheFirstBadLineWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"a\"}\n\n{\"title\":\"no id\"}\n{oops\n");

        assertThatThrownBy(() -> JsonLinesFiles.readVideos(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ":3: missing field 'id'")
                .hasCauseInstanceOf(InvalidRecordException.class);
    }

    @Test
    void reportsInvalidUtf8WithinTheLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, "{\"id\":\"a\"}\n{\"id\":\"café\"}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> JsonLinesFiles.readVideos(file)).hasMessage(file + ":2: invalid UTF-8 at byte 10");
    }

    @Test
    void appliesTheGivenCodecsLimit() throws IOException {
        Path file = dir.resolve("big.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"title\":\"" + "x".repeat(100) + "\"}\n");

        assertThatThrownBy(() -> JsonLinesFiles.readVideos(file, new VideoJsonCodec(50)))
                .hasMessage(file + ":1: record too large: 121 bytes > 50");
    }
}
