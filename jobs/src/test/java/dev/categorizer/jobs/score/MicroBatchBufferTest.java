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
    void asksForAFlushWhenTheWeightsReachTheBoundAndStartsAgainAfterADrain() {
        MicroBatchBuffer<String> buffer = new MicroBatchBuffer<>(100, 1_000, 50);

        assertThat(buffer.add("short", 400, 0, 0)).isFalse();
        assertThat(buffer.add("short", 599, 0, 0)).isFalse();
        assertThat(buffer.add("long", 1, 0, 0)).isTrue(); // 1,000 of 1,000, far below 100 items
        assertThat(buffer.drain()).hasSize(3);

        assertThat(buffer.add("again", 999, 0, 0)).isFalse(); // the drained weight no longer counts
        assertThat(buffer.add("enormous", 1_000_000, 0, 0)).isTrue();
        assertThatThrownBy(() -> buffer.add("x", -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MicroBatchBuffer<String>(10, 0, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAWeightBoundOnlyTheCountFillsABatch() {
        MicroBatchBuffer<String> buffer = new MicroBatchBuffer<>(2, 50);
        assertThat(buffer.add("a", Long.MAX_VALUE / 2, 0, 0)).isFalse();
        assertThat(buffer.add("b", 0, 0)).isTrue();
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
