package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoLineDecoderTest {

    private final VideoLineDecoder decoder = new VideoLineDecoder(new VideoJsonCodec(100));

    private static BoundedLineReader.Line line(byte[] bytes) {
        return new BoundedLineReader.Line(bytes, bytes.length, 7, 0);
    }

    private static BoundedLineReader.Line line(String text) {
        return line(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesAVideo() {
        ParsedVideo parsed = decoder.decode(line("{\"id\":\"v1\",\"title\":\"Été\",\"labels\":[\"Drama\"]}"));
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.video().title()).isEqualTo("Été");
        assertThat(parsed.video().labels()).isEqualTo(List.of("Drama"));
    }

    @Test
    void malformedJsonBecomesADeadLetterWithRawTextAndLineNumber() {
        ParsedVideo parsed = decoder.decode(line("{\"id\": \"v1\","));
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.deadLetter().raw()).isEqualTo("{\"id\": \"v1\",");
        assertThat(parsed.deadLetter().reason()).startsWith("malformed JSON").endsWith("(line 7)");
        assertThat(parsed.deadLetter().at()).isNotBlank();
    }

    @Test
    void invalidUtf8BecomesADeadLetter() {
        byte[] bytes = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ParsedVideo parsed = decoder.decode(line(bytes));
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.deadLetter().reason()).startsWith("invalid UTF-8");
    }

    @Test
    void truncatedLineIsTooLargeAndKeepsOnlyAPreview() {
        byte[] start = "x".repeat(2000).getBytes(StandardCharsets.UTF_8);
        ParsedVideo parsed = decoder.decode(new BoundedLineReader.Line(start, 10_000_000, 3, 0));
        assertThat(parsed.deadLetter().reason()).isEqualTo("record too large: 10000000 bytes > 100 (line 3)");
        assertThat(parsed.deadLetter().raw()).hasSize(VideoLineDecoder.TOO_LARGE_PREVIEW_BYTES + 3);
    }

    @Test
    void wrongTypeIsExplained() {
        ParsedVideo parsed = decoder.decode(line("{\"id\":\"v\",\"tags\":\"a\"}"));
        assertThat(parsed.deadLetter().reason()).contains("'tags' must be an array of strings");
    }
}
