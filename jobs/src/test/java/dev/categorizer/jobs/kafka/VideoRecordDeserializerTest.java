package dev.categorizer.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.jobs.io.ParsedVideo;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class VideoRecordDeserializerTest {

    private final VideoRecordDeserializer deserializer = new VideoRecordDeserializer(new VideoJsonCodec());

    private ParsedVideo decode(byte[] key, byte[] value) {
        return deserializer.decode(new ConsumerRecord<>("videos", 2, 17L, key, value));
    }

    @Test
    void decodesAVideo() {
        ParsedVideo p = decode(null,
                "{\"id\":\"v1\",\"title\":\"A western\",\"description\":\"\",\"tags\":[\"cowboys\"]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(p.isValid()).isTrue();
        assertThat(p.video().id()).isEqualTo("v1");
        assertThat(p.video().tags()).containsExactly("cowboys");
    }

    @Test
    void aTombstoneIsADeadLetterNamingItsKeyAndOffset() {
        ParsedVideo p = decode("v9".getBytes(StandardCharsets.UTF_8), null);
        assertThat(p.isValid()).isFalse();
        assertThat(p.deadLetter().reason()).contains("tombstone").contains("v9").contains("videos-2@17");
    }

    @Test
    void malformedJsonAndInvalidUtf8AreDeadLettersWithTheRawText() {
        ParsedVideo malformed = decode(null, "{\"id\": \"v1\", ".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.isValid()).isFalse();
        assertThat(malformed.deadLetter().raw()).isEqualTo("{\"id\": \"v1\", ");
        assertThat(malformed.deadLetter().reason()).endsWith("(videos-2@17)");

        byte[] invalid = "{\"id\":\"v2\",\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        invalid[invalid.length - 4] = (byte) 0xC3; // a lead byte followed by '"' instead of a continuation byte
        invalid[invalid.length - 3] = (byte) 0x28;
        ParsedVideo bad = decode(null, invalid);
        assertThat(bad.isValid()).isFalse();
        assertThat(bad.deadLetter().reason()).isNotBlank();
        assertThat(bad.deadLetter().at()).isNotBlank();
    }
}
