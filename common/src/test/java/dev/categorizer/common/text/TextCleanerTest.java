package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.JavaSerialization;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void nullAndBlankGiveEmpty() {
        assertThat(cleaner.clean(null)).isEmpty();
        assertThat(cleaner.clean("")).isEmpty();
        assertThat(cleaner.clean(" \t\n ")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] `{0}`")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "space opera        | space opera",
        "`space  opera`     | space opera",
        "` space opera`     | space opera",
        "`space opera `     | space opera",
        "Space opera        | space opera",
        "www                | www",
        "http               | http",
        "x                  | x",
    })
    void textThatIsAlreadyCleanStaysAndTheRestIsCleaned(String raw, String expected) {
        String cleaned = cleaner.clean(raw);
        assertThat(cleaned).isEqualTo(expected);
        if (raw.equals(expected)) {
            assertThat(cleaned).isSameAs(raw); // no copy for the common tag
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<p>Hello <b>World</b></p>                 | hello world",
        "foo<br/>bar                               | foo bar",
        "<DIV class=\"x\">Up</DIV>                 | up",
        "before<!-- hidden <b>x</b> -->after       | before after",
        "text <!-- never closed                    | text",
        "<?xml version='1.0'?><!DOCTYPE html>ok    | ok",
        "a < b and c > d                           | a < b and c > d",
        "I <3 you                                  | i < you",
        "x <y without an end                       | x <y without an end",
    })
    void removesHtmlTags(String raw, String clean) {
        assertThat(cleaner.clean(raw)).isEqualTo(clean);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Tom &amp; Jerry             | tom & jerry",
        "&lt;b&gt;bold&lt;/b&gt;     | <b>bold</b>",
        "&quot;x&quot; &apos;y&apos; | \"x\" 'y'",
        "caf&eacute;                 | café",
        "caf&#233;                   | café",
        "caf&#xE9; caf&#XE9;         | café café",
        "&Eacute;T&Eacute;           | été",
        "a&nbsp;b                    | a b",
        "na&iuml;ve &ndash; &euro;   | naïve – €",
        "don&#146;t                  | don’t",
        "&Omega; &sigma;             | ω σ",
        "&#128512;                   | \uD83D\uDE00",
        "x&#0;y                      | x y",
        "AT&T &foo; & &#; &#xZZ;     | at&t &foo; & &#; &#xzz;",
        "&amp;amp;                   | &amp;",
        "&#x110000; &#99999999;      | &# ;",
    })
    void decodesHtmlEntities(String raw, String clean) {
        assertThat(cleaner.clean(raw)).isEqualTo(clean);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "see https://example.com/a?b=1&c=2 now | see now",
        "HTTP://EXAMPLE.COM/X end              | end",
        "visit www.example.org.                | visit",
        "(http://a.b/c) and more               | ( and more",
        "awww.no and xhttp://yes               | awww.no and xhttp://yes",
        "http://a.b/c<br>next                  | next",
        "<a href=\"http://x.y\">link</a>       | link",
        "go http://x.y&nbsp;there              | go there",
    })
    void removesUrls(String raw, String clean) {
        assertThat(cleaner.clean(raw)).isEqualTo(clean);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Top 10 songs of 2024 | top songs of",
        "mp3 abc123def        | mp abc def",
        "٣ عربي ٤             | عربي",
        "x² ½                 | x ⁄",
    })
    void replacesDigitsWithSpaces(String raw, String clean) {
        assertThat(cleaner.clean(raw)).isEqualTo(clean);
    }

    @Test
    void normalisesWithNfkcThenLowerCases() {
        assertThat(cleaner.clean("ﬁnance")).isEqualTo("finance");
        assertThat(cleaner.clean("ＨＥＬＬＯ１２３ｗｏｒｌｄ")).isEqualTo("hello world");
        assertThat(cleaner.clean("Ⅻ Olympiad")).isEqualTo("xii olympiad");
        assertThat(cleaner.clean("Ame\u0301lie")).isEqualTo("am\u00E9lie"); // decomposed accent composed
        assertThat(cleaner.clean("™")).isEqualTo("tm");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Le Fabuleux Destin d'Amélie Poulain | le fabuleux destin d'amélie poulain",
        "El Laberinto del Fauno – niño       | el laberinto del fauno – niño",
        "Die Straße, GROẞ und Größe          | die straße, groß und größe",
        "Москва — СТОЛИЦА России             | москва — столица россии",
        "ΑΘΗΝΑ Ακρόπολη                      | αθηνα ακρόπολη",
        "東京タワー 2024年                   | 東京タワー 年",
        "서울 123 여행                       | 서울 여행",
        "مرحبا بالعالم                       | مرحبا بالعالم",
        "हिन्दी फ़िल्म                       | हिन्दी फ़िल्म",
        "ภาษาไทย                             | ภาษาไทย",
        "שלום עולם                           | שלום עולם",
    })
    void keepsTheLettersOfEveryScript(String raw, String clean) {
        String expected = Normalizer.normalize(clean, Normalizer.Form.NFKC);

        assertThat(cleaner.clean(raw)).isEqualTo(expected);
    }

    @Test
    void lowerCasesGreekFinalSigmaAndTurkishDottedI() {
        assertThat(cleaner.clean("ΟΔΟΣ")).isEqualTo("\u03BF\u03B4\u03BF\u03C2"); // final ς, as String.toLowerCase
        assertThat(cleaner.clean("İstanbul")).isEqualTo("i\u0307stanbul");
    }

    @Test
    void collapsesEveryKindOfWhitespaceAndControl() {
        assertThat(cleaner.clean("  a\t\tb\n\r\nc \u00A0 d\u2003e\u3000f\u2028g\u0000h\u0085i\u200Bj  "))
                .isEqualTo("a b c d e f g h i j");
    }

    @Test
    void dropsSoftHyphensAndByteOrderMarks() {
        assertThat(cleaner.clean("\uFEFFDonau\u00ADdampf&shy;schiff")).isEqualTo("donaudampfschiff");
    }

    @Test
    void keepsSupplementaryLettersAndReplacesLoneSurrogates() {
        assertThat(cleaner.clean("\uD840\uDC00 x \uD800 y")).isEqualTo("\uD840\uDC00 x y");
    }

    @Test
    void agreesWithNfkcLowerCaseOnRandomLetterText() {
        String alphabet = "aZéÉßẞжЖΣσ東ーÅﬁ Ⅻ\u0301İıǅ";
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder raw = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = Normalizer.normalize(raw.toString(), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT).trim().replaceAll(" +", " ");

            assertThat(cleaner.clean(raw.toString())).as("clean(%s)", raw).isEqualTo(expected);
        }
    }

    @Test
    void unclosedAngleBracketsAreText() {
        String raw = "<a".repeat(50_000);

        assertThat(cleaner.clean(raw)).isEqualTo(raw);
    }

    @Test
    void isThreadSafeAndSerializable() throws Exception {
        List<String> inputs = List.of("<p>Caf&eacute; 1</p>", "Москва 2024", "see www.x.y now", "Straße ＡＢＣ");
        List<String> expected = inputs.stream().map(cleaner::clean).toList();
        TextCleaner shared = JavaSerialization.roundTrip(cleaner);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        int k = i % inputs.size();
                        if (!shared.clean(inputs.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected).containsExactly("café", "москва", "see now", "straße abc");
    }
}
