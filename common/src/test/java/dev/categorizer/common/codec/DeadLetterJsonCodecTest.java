package dev.categorizer.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.DeadLetter;
import org.junit.jupiter.api.Test;

class DeadLetterJsonCodecTest {

    @Test
    void encodesTheDocumentedShape() {
        DeadLetter letter = new DeadLetter("{\"id\": x}", "malformed JSON: Unexpected character", "2025-06-01T12:00:00Z");

        assertThat(DeadLetterJsonCodec.encode(letter)).isEqualTo(
                "{\"raw\":\"{\\\"id\\\": x}\",\"reason\":\"malformed JSON: Unexpected character\",\"at\":\"2025-06-01T12:00:00Z\"}");
    }

    @Test
    void roundTripsAnyRawText() {
        DeadLetter letter = new DeadLetter("line1\nline2\t\u0000 \uFFFD 東京 \\ \"", "invalid UTF-8 at byte 3", "2025-06-01T12:00:00Z");

        String json = DeadLetterJsonCodec.encode(letter);

        assertThat(json).doesNotContain("\n");
        assertThat(DeadLetterJsonCodec.decode(json)).isEqualTo(letter);
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> DeadLetterJsonCodec.decode("{\"raw\":\"x\",\"reason\":\"r\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid dead letter JSON: missing field 'at'");
        assertThatThrownBy(() -> DeadLetterJsonCodec.decode("nope")).hasMessageStartingWith("invalid dead letter JSON: ");
    }
}
