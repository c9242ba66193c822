package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.JavaSerialization;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextConfigTest {

    @Test
    void defaultsAreSimpleKeepStopWordsTagsAndMinLengthTwo() {
        TextConfig defaults = TextConfig.defaults();

        assertThat(defaults.tokenizer()).isEqualTo(TokenizerKind.SIMPLE);
        assertThat(defaults.removeStopWords()).isFalse();
        assertThat(defaults.bigrams()).isFalse();
        assertThat(defaults.tags()).isTrue();
        assertThat(defaults.tagWords()).isTrue();
        assertThat(defaults.minTokenLength()).isEqualTo(2);
        assertThat(TextConfig.builder().build()).isEqualTo(defaults);
    }

    @Test
    void builderSetsEverySetting() {
        TextConfig config = TextConfig.builder()
                .tokenizer(TokenizerKind.MODEL)
                .removeStopWords(false)
                .bigrams(true)
                .tags(false)
                .minTokenLength(3)
                .build();

        assertThat(config.tokenizer()).isEqualTo(TokenizerKind.MODEL);
        assertThat(config.removeStopWords()).isFalse();
        assertThat(config.bigrams()).isTrue();
        assertThat(config.tags()).isFalse();
        assertThat(config.minTokenLength()).isEqualTo(3);
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void mapRoundTripsAndHasStableKeys() {
        TextConfig config = TextConfig.builder().tokenizer(TokenizerKind.MODEL).bigrams(true).minTokenLength(1).build();

        Map<String, String> map = config.toMap();

        assertThat(map).containsExactly(
                Map.entry("tokenizer", "MODEL"),
                Map.entry("remove_stop_words", "false"),
                Map.entry("bigrams", "true"),
                Map.entry("tags", "true"),
                Map.entry("tag_words", "true"),
                Map.entry("min_token_length", "1"),
                Map.entry("title_words", "true"),
                Map.entry("symbols", "true"),
                Map.entry("tag_field_words", "true"));
        assertThat(TextConfig.fromMap(map)).isEqualTo(config);
    }

    @Test
    void fromMapTakesDefaultsForMissingKeys() {
        // but for the settings that older manifests lack (title_words, symbols, tag_field_words): missing, they are off
        assertThat(TextConfig.fromMap(Map.of("bigrams", "true")))
                .isEqualTo(TextConfig.builder().bigrams(true).titleWords(false).symbols(false).tagFieldWords(false).build());
    }

    @Test
    void titleWordsRoundTripAndAManifestWithoutTheKeyMeansOff() {
        TextConfig on = TextConfig.defaults(); // title features are on by default
        assertThat(on.titleWords()).isTrue();
        assertThat(on.toMap()).containsEntry("title_words", "true");
        assertThat(TextConfig.fromMap(on.toMap())).isEqualTo(on);
        TextConfig off = TextConfig.builder().titleWords(false).build();
        assertThat(off).isNotEqualTo(on);
        assertThat(off.toMap()).doesNotContainKey("title_words");
        assertThat(TextConfig.fromMap(off.toMap())).isEqualTo(off);
        Map<String, String> old = new HashMap<>(on.toMap());
        old.remove("title_words"); // a manifest written before the setting existed
        assertThat(TextConfig.fromMap(old).titleWords()).isFalse();
    }

    @Test
    void symbolsRoundTripAndAManifestWithoutTheKeyMeansOff() {
        TextConfig on = TextConfig.defaults(); // symbols are on by default
        assertThat(on.symbols()).isTrue();
        assertThat(on.toMap()).containsEntry("symbols", "true");
        assertThat(TextConfig.fromMap(on.toMap())).isEqualTo(on);
        TextConfig off = TextConfig.builder().symbols(false).build();
        assertThat(off).isNotEqualTo(on);
        assertThat(off.toMap()).doesNotContainKey("symbols"); // what builds before the setting can read
        assertThat(TextConfig.fromMap(off.toMap())).isEqualTo(off);
        Map<String, String> old = new HashMap<>(on.toMap());
        old.remove("symbols");
        assertThat(TextConfig.fromMap(old).symbols()).isFalse();
    }

    @Test
    void fromMapRejectsUnknownKeysAndBadValues() {
        Map<String, String> typo = new HashMap<>(TextConfig.defaults().toMap());
        typo.put("bigram", "true");

        assertThatThrownBy(() -> TextConfig.fromMap(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown TextConfig key 'bigram'");
        assertThatThrownBy(() -> TextConfig.fromMap(Map.of("tokenizer", "WHITESPACE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tokenizer' must be one of SIMPLE, MODEL");
        assertThatThrownBy(() -> TextConfig.fromMap(Map.of("min_token_length", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minTokenLength must be >= 1");
    }

    @Test
    void equalsAndHashCodeFollowTheSettings() {
        TextConfig a = TextConfig.builder().bigrams(true).build();
        TextConfig b = TextConfig.builder().bigrams(true).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(TextConfig.defaults());
        assertThat(a).isNotEqualTo(a.toBuilder().minTokenLength(3).build());
    }

    @Test
    void isSerializable() {
        TextConfig config = TextConfig.builder().tokenizer(TokenizerKind.MODEL).build();

        assertThat(JavaSerialization.roundTrip(config)).isEqualTo(config);
    }
}
