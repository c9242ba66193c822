package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON-lines file cut into byte ranges anywhere is read exactly once: every record from exactly one range, a
 * line that straddles a cut by the range it starts in, blank lines and too-large lines included.
 */
class JsonLinesVideoFormatTest {
    private static final VideoJsonCodec CODEC = new VideoJsonCodec(64); // records over 64 bytes: dead letters

    @TempDir
    java.nio.file.Path dir;

    @Test
    void everyCutPointOfTwoRangesReadsEachRecordOnce() throws IOException {
        String content = "{\"id\":\"a\"}\n\n{\"id\":\"b\",\"title\":\"x\"}\r\n   \n{\"id\":\"" + "c".repeat(100) + "\"}\n"
                + "{broken\n{\"id\":\"d\"}\n{\"id\":\"e\"}"; // the last line has no newline
        List<String> whole = read(write(content), List.of(new long[] {0, content.length()}));
        assertThat(whole).hasSize(6).startsWith("a", "b").contains("dead:record too large", "dead:malformed");

        Path file = write(content);
        int length = content.getBytes(StandardCharsets.UTF_8).length;
        for (int cut = 1; cut < length; cut++) {
            List<String> parts = read(file, List.of(new long[] {0, cut}, new long[] {cut, length - cut}));
            assertThat(parts).as("cut at byte %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void threeRangesToo() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 40; i++) content.append("{\"id\":\"v").append(i).append("\"}\n");
        Path file = write(content.toString());
        int length = content.length();
        List<String> whole = read(file, List.of(new long[] {0, length}));
        for (int a = 1; a < length - 1; a += 7) {
            for (int b = a + 1; b < length; b += 5) {
                assertThat(read(file, List.of(new long[] {0, a}, new long[] {a, b - a}, new long[] {b, length - b})))
                        .as("cuts at %d and %d", a, b).isEqualTo(whole);
            }
        }
    }

    @Test
    void dataLinesPastTheFirstRangeAreNamedByByteOffset() throws IOException {
        String content = "{\"id\":\"a\"}\n".repeat(10) + "{broken\n";
        Path file = write(content);
        int length = content.length();
        List<String> reasons = new ArrayList<>();
        for (ParsedVideo v : readVideos(file, new long[] {60, length - 60})) {
            if (!v.isValid()) reasons.add(v.deadLetter().reason());
        }
        assertThat(reasons).singleElement().asString().endsWith("(byte offset 110)");
        for (ParsedVideo v : readVideos(file, new long[] {0, length})) {
            if (!v.isValid()) assertThat(v.deadLetter().reason()).endsWith("(line 11)");
        }
    }

    private Path write(String content) throws IOException {
        java.nio.file.Path f = Files.createTempFile(dir, "videos", ".jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return new Path(f.toUri());
    }

    /** Ids of valid records and "dead:" plus the start of each reason, in file order over the ranges. */
    private static List<String> read(Path file, List<long[]> ranges) throws IOException {
        List<String> out = new ArrayList<>();
        for (long[] range : ranges) {
            for (ParsedVideo v : readVideos(file, range)) {
                out.add(v.isValid() ? v.video().id() : "dead:" + v.deadLetter().reason());
            }
        }
        return out.stream().map(s -> s.startsWith("dead:record too large") ? "dead:record too large"
                : s.startsWith("dead:malformed") ? "dead:malformed" : s).toList();
    }

    private static List<ParsedVideo> readVideos(Path file, long[] range) throws IOException {
        FileSystem fs = file.getFileSystem();
        long fileLen = fs.getFileStatus(file).getLen();
        FSDataInputStream stream = fs.open(file);
        stream.seek(range[0]); // as Flink's StreamFormatAdapter opens a split
        StreamFormat.Reader<ParsedVideo> reader =
                new JsonLinesVideoFormat(CODEC).createReader(new Configuration(), stream, fileLen, range[0] + range[1]);
        List<ParsedVideo> videos = new ArrayList<>();
        for (ParsedVideo v = reader.read(); v != null; v = reader.read()) videos.add(v);
        reader.close();
        return videos;
    }
}
