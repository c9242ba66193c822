package dev.categorizer.jobs.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.DeadLetter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RejectionsTest {

    @Test
    void keepsShortRawTextAndStampsTheTime() {
        DeadLetter d = Rejections.of("{bad", "malformed JSON");
        assertThat(d.raw()).isEqualTo("{bad");
        assertThat(d.reason()).isEqualTo("malformed JSON");
        assertThat(Instant.parse(d.at())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void cutsEnormousRawTextAndSaysSo() {
        String raw = "x".repeat(Rejections.MAX_RAW_CHARS + 10);
        DeadLetter d = Rejections.of(raw, "text too long");
        assertThat(d.raw()).startsWith("x".repeat(Rejections.MAX_RAW_CHARS))
                .endsWith("[truncated, " + raw.length() + " characters in all]");
        assertThat(d.raw().length()).isLessThan(Rejections.MAX_RAW_CHARS + 100);
    }
}
