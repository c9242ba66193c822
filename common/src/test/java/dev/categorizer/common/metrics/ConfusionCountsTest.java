package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

    private static final List<String> LABELS = List.of("Comedy", "Drama", "Horror");

    @Test
    void countsEveryMissedAgainstEveryWronglyPredictedLabelAndListsTheMostFrequentFirst() {
        ConfusionCounts c = new ConfusionCounts(LABELS);
        c.add(new int[] {0}, new int[] {1}); // Comedy missed, Drama predicted
        c.add(new int[] {0}, new int[] {1, 2});
        c.add(new int[] {2}, new int[] {});

        assertThat(c.top(10)).containsExactly(
                new ConfusionCounts.Pair("Comedy", "Drama", 2),
                new ConfusionCounts.Pair("Comedy", "Horror", 1));
        assertThat(c.top(1)).hasSize(1);
    }

    @Test
    void countsOfParallelTasksAddUp() {
        ConfusionCounts a = new ConfusionCounts(LABELS);
        ConfusionCounts b = new ConfusionCounts(LABELS);
        a.add(new int[] {1}, new int[] {0});
        b.add(new int[] {1}, new int[] {0});

        a.merge(b);

        assertThat(a.top(5)).containsExactly(new ConfusionCounts.Pair("Drama", "Comedy", 2));
    }
}
