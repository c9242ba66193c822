package dev.categorizer.common.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.JavaSerialization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VocabularySelectorTest {

    private static final List<TermCount> COUNTS = List.of(
            new TermCount("the", 100),
            new TermCount("hotel", 30),
            new TermCount("beach", 30),
            new TermCount("paris", 12),
            new TermCount("zebra", 2),
            new TermCount("aardvark", 2),
            new TermCount("typo", 1));

    @Test
    void defaultsKeepEveryTermOrderedByFrequencyThenTerm() {
        Vocabulary vocabulary = VocabularySelector.builder().build().select(COUNTS, 100);

        assertThat(vocabulary.terms()).containsExactly("the", "beach", "hotel", "paris", "aardvark", "zebra", "typo");
        assertThat(vocabulary.documentFrequency(1)).isEqualTo(30);
        assertThat(vocabulary.documentCount()).isEqualTo(100);
    }

    @Test
    void appliesMinimumAndMaximumDocumentFrequency() {
        VocabularySelector selector = VocabularySelector.builder().minDocumentFrequency(2).maxDocumentFraction(0.3).build();

        // 0.3 × 100 = 30: "hotel" and "beach" are exactly at the limit and stay; "the" goes; "typo" is too rare.
        assertThat(selector.select(COUNTS, 100).terms()).containsExactly("beach", "hotel", "paris", "aardvark", "zebra");
    }

    @Test
    void maxSizeKeepsTheMostFrequentAndBreaksTiesByTerm() {
        VocabularySelector selector = VocabularySelector.builder().maxSize(2).build();

        assertThat(selector.select(COUNTS, 100).terms()).containsExactly("the", "beach");
        assertThat(VocabularySelector.builder().maxSize(5).build().select(COUNTS, 100).terms())
                .containsExactly("the", "beach", "hotel", "paris", "aardvark");
    }

    @Test
    void isDeterministicWhateverTheInputOrder() {
        List<TermCount> counts = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            counts.add(new TermCount("term" + i, 1 + random.nextInt(20))); // many ties
        }
        VocabularySelector selector = VocabularySelector.builder().minDocumentFrequency(2).maxSize(500).build();
        Vocabulary expected = selector.select(counts, 50);

        for (int round = 0; round < 10; round++) {
            List<TermCount> shuffled = new ArrayList<>(counts);
            Collections.shuffle(shuffled, new Random(round));

            assertThat(selector.select(shuffled, 50)).isEqualTo(expected);
        }
        assertThat(expected.size()).isEqualTo(500);
        for (int i = 1; i < expected.size(); i++) {
            long previous = expected.documentFrequency(i - 1);
            long current = expected.documentFrequency(i);
            assertThat(previous > current || (previous == current && expected.term(i - 1).compareTo(expected.term(i)) < 0))
                    .as("order at %d", i).isTrue();
        }
    }

    @Test
    void rejectsARepeatedTerm() {
        List<TermCount> repeated = List.of(new TermCount("a", 3), new TermCount("a", 2));

        assertThatThrownBy(() -> VocabularySelector.builder().build().select(repeated, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate term 'a'");
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> VocabularySelector.builder().minDocumentFrequency(0).build())
                .hasMessageContaining("minDocumentFrequency must be >= 1");
        assertThatThrownBy(() -> VocabularySelector.builder().maxDocumentFraction(0).build())
                .hasMessageContaining("maxDocumentFraction must be in (0, 1]");
        assertThatThrownBy(() -> VocabularySelector.builder().maxDocumentFraction(1.5).build())
                .hasMessageContaining("maxDocumentFraction must be in (0, 1]");
        assertThatThrownBy(() -> VocabularySelector.builder().maxSize(0).build()).hasMessageContaining("maxSize must be >= 1");
        assertThatThrownBy(() -> new TermCount("x", -1)).hasMessageContaining("negative");
    }

    @Test
    void settingsRoundTripThroughAMap() {
        VocabularySelector selector =
                VocabularySelector.builder().minDocumentFrequency(2).maxDocumentFraction(0.5).maxSize(200_000).build();

        assertThat(selector.minDocumentFrequency()).isEqualTo(2);
        assertThat(selector.maxDocumentFraction()).isEqualTo(0.5);
        assertThat(selector.maxSize()).isEqualTo(200_000);
        assertThat(selector.toMap()).containsExactly(
                Map.entry("min_document_frequency", "2"),
                Map.entry("max_document_fraction", "0.5"),
                Map.entry("max_size", "200000"));
        assertThat(VocabularySelector.fromMap(selector.toMap())).isEqualTo(selector).hasSameHashCodeAs(selector);
        assertThat(VocabularySelector.fromMap(Map.of())).isEqualTo(VocabularySelector.builder().build());
        assertThatThrownBy(() -> VocabularySelector.fromMap(Map.of("max_features", "10")))
                .hasMessageContaining("unknown VocabularySelector key 'max_features'");
        assertThat(JavaSerialization.roundTrip(selector)).isEqualTo(selector);
    }
}
