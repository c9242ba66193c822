package dev.categorizer.common.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void keepsShortRawTextAsIs() {
        DeadLetter letter = DeadLetter.of("{bad", "malformed JSON", AT);

        assertThat(letter).isEqualTo(new DeadLetter("{bad", "malformed JSON", "2025-06-01T12:00:00Z"));
    }

    @Test
    void truncatesHugeRawTextWithoutSplittingASurrogatePair() {
        String raw = "x".repeat(DeadLetter.MAX_RAW_CHARS - 1) + "😀" + "y".repeat(1000);

        DeadLetter letter = DeadLetter.of(raw, "record too large", AT);

        assertThat(letter.raw()).startsWith("xxx").endsWith("x...[1002 more chars]");
        assertThat(letter.raw().length()).isLessThan(DeadLetter.MAX_RAW_CHARS + 30);
    }

    @Test
    void nullRawBecomesEmptyButReasonAndTimeAreRequired() {
        assertThat(new DeadLetter(null, "r", "t").raw()).isEmpty();
        assertThatThrownBy(() -> new DeadLetter("x", null, "t")).isInstanceOf(NullPointerException.class);
    }
}
