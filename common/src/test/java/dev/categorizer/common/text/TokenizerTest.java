package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.JavaSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer simple = Tokenizer.of(TokenizerKind.SIMPLE);
    private final Tokenizer model = Tokenizer.of(TokenizerKind.MODEL);

    @Test
    void simpleSplitsAtCharacterClassChangesAndKeepsLetterTokensOnly() {
        assertThat(simple.tokenize("hello, world! it's 3pm... mp3")).containsExactly("hello", "world", "it", "s", "pm", "mp");
        assertThat(simple.tokenize("le fabuleux destin d'amélie")).containsExactly("le", "fabuleux", "destin", "d", "amélie");
        assertThat(simple.tokenize("...!!! 123 -- ’")).isEmpty();
        assertThat(simple.tokenize("")).isEmpty();
        assertThat(simple.tokenize(null)).isEmpty();
    }

    @Test
    void simpleKeepsWordsOfOtherScripts() {
        assertThat(simple.tokenize("москва столица")).containsExactly("москва", "столица");
        assertThat(simple.tokenize("東京タワー 年")).containsExactly("東京タワー", "年"); // no word segmentation
        assertThat(simple.tokenize("αθηνα, ακρόπολη")).containsExactly("αθηνα", "ακρόπολη");
        assertThat(simple.tokenize("مرحبا بالعالم")).containsExactly("مرحبا", "بالعالم");
    }

    @Test
    void simpleKeepsCombiningMarksAndSupplementaryLettersInWords() {
        // OpenNLP cuts both: the virama (U+094D) is not alphabetic, surrogate halves are not letters.
        assertThat(openNlpSimpleLetterTokens("हिन्दी")).containsExactly("हिन", "दी");
        assertThat(simple.tokenize("हिन्दी")).containsExactly("हिन्दी");
        assertThat(simple.tokenize("e\u0301t\u0301e x")).containsExactly("e\u0301t\u0301e", "x");
        assertThat(simple.tokenize("\u0301 ab")).containsExactly("ab"); // a mark does not start a word
        assertThat(simple.tokenize("\uD840\uDC00\uD840\uDC01 ok")).containsExactly("\uD840\uDC00\uD840\uDC01", "ok");
        assertThat(simple.tokenize("می\u200Cخواهم")).containsExactly("می\u200Cخواهم"); // ZWNJ inside a Persian word
    }

    @Test
    void simpleEqualsOpenNlpSimpleTokenizerOnRandomText() {
        // Everything but the documented differences: no non-alphabetic marks, no joiners, no surrogates.
        String alphabet = "abcXYZéßжΩ東ーि1239٣ \t\n.,'-–\u00A0_#@&\"";
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();

            assertThat(simple.tokenize(s)).as("tokenize(%s)", s).isEqualTo(openNlpSimpleLetterTokens(s));
        }
    }

    private static List<String> openNlpSimpleLetterTokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : SimpleTokenizer.INSTANCE.tokenize(text)) {
            if (Letters.hasLetter(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    @Test
    void modelTokenizesEnglishAndDropsPunctuation() {
        List<String> tokens = model.tokenize("the movie's ending wasn't bad, was it?");

        // The UD-EWT model keeps this lower-cased text's clitics attached ("movie's"); punctuation is split off.
        assertThat(tokens).contains("the", "ending", "bad", "was", "it").doesNotContain(",", "?");
        assertThat(tokens).noneMatch(t -> t.chars().noneMatch(Character::isLetter));
        assertThat(model.tokenize("... 42 !")).isEmpty();
        assertThat(model.tokenize("")).isEmpty();
    }

    @Test
    void modelIsThreadSafe() throws Exception {
        List<String> texts = List.of(
                "the quick brown fox jumps over the lazy dog",
                "she said it's a lovely day in new york, isn't it?",
                "breaking news: markets rally as rates fall",
                "a documentary about the life of honey bees");
        List<List<String>> expected = texts.stream().map(model::tokenize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                tasks.add(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = (i + offset) % texts.size();
                        if (!model.tokenize(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected.get(0)).containsExactly("the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog");
    }

    @Test
    void tokenizersAreSerializableSingletons() {
        assertThat(JavaSerialization.roundTrip(simple)).isSameAs(simple);
        assertThat(JavaSerialization.roundTrip(model)).isSameAs(model);
        assertThat(Tokenizer.of(TokenizerKind.SIMPLE)).isSameAs(simple);
    }
}
