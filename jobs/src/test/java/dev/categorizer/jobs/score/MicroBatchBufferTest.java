package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroBatchBufferTest {

    @Test
    void asksForAFlushWhenFullAndDrainsInArrivalOrder() {
        MicroBatchBuffer<String> buffer = new MicroBatchBuffer<>(3, 100);

        assertThat(buffer.add("a", 0, 10)).isFalse();
        assertThat(buffer.add("b", 1, 20)).isFalse();
        assertThat(buffer.add("c", 2, 30)).isTrue();

        List<MicroBatchBuffer.Entry<String>> batch = buffer.drain();
        assertThat(batch).extracting(MicroBatchBuffer.Entry::item).containsExactly("a", "b", "c");
        assertThat(batch).extracting(MicroBatchBuffer.Entry::arrivalNanos).containsExactly(10L, 20L, 30L);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.add("d", 3, 40)).isFalse();
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void isDueWhenTheOldestItemHasWaitedTheTimeout() {
        MicroBatchBuffer<String> buffer = new MicroBatchBuffer<>(100, 50);
        assertThat(buffer.isDue(1_000)).isFalse();

        buffer.add("a", 1_000, 0);
        buffer.add("b", 1_030, 0);

        assertThat(buffer.deadlineMillis()).isEqualTo(1_050);
        assertThat(buffer.isDue(1_049)).isFalse();
        assertThat(buffer.isDue(1_050)).isTrue();

        buffer.drain();
        buffer.add("c", 1_060, 0);
        assertThat(buffer.deadlineMillis()).isEqualTo(1_110);
    }

    @Test
    void aZeroTimeoutFlushesEveryItem() {
        MicroBatchBuffer<String> buffer = new MicroBatchBuffer<>(100, 0);
        assertThat(buffer.add("a", 0, 0)).isTrue();
    }

    @Test
    void rejectsBadSettingsAndEmptyDeadlines() {
        assertThatThrownBy(() -> new MicroBatchBuffer<String>(0, 10)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> new MicroBatchBuffer<String>(1, -1)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new MicroBatchBuffer<String>(1, 1).deadlineMillis())
                .isInstanceOf(IllegalStateException.class);
    }
}
