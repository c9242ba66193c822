package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    @Test
    void knowsFunctionWords() {
        assertThat(StopWords.isStopWord("the")).isTrue();
        assertThat(StopWords.isStopWord("and")).isTrue();
        assertThat(StopWords.isStopWord("ourselves")).isTrue();
        assertThat(StopWords.isStopWord("don")).isTrue(); // from "don't", split by the tokenizer
    }

    @Test
    void keepsContentWordsThatSomeListsDrop() {
        assertThat(StopWords.isStopWord("interest")).isFalse(); // a Reuters topic
        assertThat(StopWords.isStopWord("fire")).isFalse();
        assertThat(StopWords.isStopWord("computer")).isFalse();
        assertThat(StopWords.isStopWord("new")).isFalse();
        assertThat(StopWords.isStopWord("hotel")).isFalse();
    }

    @Test
    void isCaseSensitiveOnLowerCaseInput() {
        assertThat(StopWords.isStopWord("The")).isFalse();
    }

    @Test
    void listHasAStandardSizeOfLowerCaseWords() {
        assertThat(StopWords.english()).hasSizeBetween(170, 320);
        assertThat(StopWords.english()).allMatch(w -> w.equals(w.toLowerCase(Locale.ROOT)) && w.chars().allMatch(Character::isLetter));
    }
}
