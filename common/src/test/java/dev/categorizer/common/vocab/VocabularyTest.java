package dev.categorizer.common.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.JavaSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final Vocabulary VOCABULARY =
            Vocabulary.of(List.of("hotel", "paris", "#new_year's_eve", "東京"), new long[] {4, 3, 2, 1}, 10);

    @Test
    void looksUpTermsAndIndices() {
        assertThat(VOCABULARY.size()).isEqualTo(4);
        assertThat(VOCABULARY.indexOf("hotel")).isZero();
        assertThat(VOCABULARY.indexOf("東京")).isEqualTo(3);
        assertThat(VOCABULARY.indexOf("beach")).isEqualTo(-1);
        assertThat(VOCABULARY.indexOf("Hotel")).isEqualTo(-1);
        assertThat(VOCABULARY.term(1)).isEqualTo("paris");
        assertThat(VOCABULARY.documentFrequency(2)).isEqualTo(2);
        assertThat(VOCABULARY.documentCount()).isEqualTo(10);
        assertThat(VOCABULARY.terms()).containsExactly("hotel", "paris", "#new_year's_eve", "東京");
    }

    @Test
    void idfIsScikitLearnSmoothIdf() {
        assertThat(VOCABULARY.idf(0)).isCloseTo((float) (Math.log(11.0 / 5.0) + 1), within(1e-6f));
        assertThat(VOCABULARY.idf(3)).isCloseTo((float) (Math.log(11.0 / 2.0) + 1), within(1e-6f));
        Vocabulary everywhere = Vocabulary.of(List.of("a"), new long[] {10}, 10);
        assertThat(everywhere.idf(0)).isEqualTo(1.0f);
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> Vocabulary.of(List.of("a", "b"), new long[] {1}, 5))
                .hasMessageContaining("differ in length");
        assertThatThrownBy(() -> Vocabulary.of(List.of("a", "b", "a"), new long[] {1, 1, 1}, 5))
                .hasMessageContaining("duplicate term 'a' at indices 0 and 2");
        assertThatThrownBy(() -> Vocabulary.of(List.of("a"), new long[] {6}, 5))
                .hasMessageContaining("document frequency of 'a' is 6, outside 0..5");
        assertThatThrownBy(() -> Vocabulary.of(List.of(""), new long[] {1}, 5)).hasMessageContaining("term 0 is empty");
        assertThatThrownBy(() -> Vocabulary.of(List.of("a"), new long[] {0}, -1)).hasMessageContaining("negative");
    }

    @Test
    void writesTheDocumentedTextFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        VOCABULARY.writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "# categorizer vocabulary v1 documents=10\nhotel\t4\nparis\t3\n#new_year's_eve\t2\n東京\t1\n");
    }

    @Test
    void roundTripsThroughItsFile() throws IOException {
        Vocabulary withSpaces = Vocabulary.of(List.of("paris hotel", "café", "a\u2028b"), new long[] {2, 2, 1}, 3);

        assertThat(readBack(VOCABULARY)).isEqualTo(VOCABULARY);
        assertThat(readBack(withSpaces)).isEqualTo(withSpaces);
        assertThat(readBack(withSpaces).indexOf("café")).isEqualTo(1);
        Vocabulary empty = Vocabulary.of(List.of(), new long[0], 0);
        assertThat(readBack(empty)).isEqualTo(empty);
    }

    private static Vocabulary readBack(Vocabulary vocabulary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vocabulary.writeTo(out);
        return Vocabulary.readFrom(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void refusesToWriteTermsWithTabsOrLineBreaks() {
        for (String bad : List.of("a\tb", "a\nb", "a\rb")) {
            Vocabulary vocabulary = Vocabulary.of(List.of("ok", bad), new long[] {1, 1}, 1);

            assertThatThrownBy(() -> vocabulary.writeTo(new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("contains a tab or line break");
        }
    }

    @Test
    void rejectsMalformedFiles() {
        assertThatThrownBy(() -> read("hotel\t4\n")).isInstanceOf(IOException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("# categorizer vocabulary v1 documents=ten\n"))
                .hasMessageContaining("document count is not an integer");
        assertThatThrownBy(() -> read("# categorizer vocabulary v1 documents=10\nhotel\t4\nparis 3\n"))
                .hasMessageContaining("vocabulary line 3: expected 'term<TAB>document frequency'");
        assertThatThrownBy(() -> read("# categorizer vocabulary v1 documents=10\nhotel\tfour\n"))
                .hasMessageContaining("vocabulary line 2: document frequency is not an integer: 'four'");
        assertThatThrownBy(() -> read("# categorizer vocabulary v1 documents=10\nhotel\t4\nhotel\t3\n"))
                .hasMessageContaining("duplicate term 'hotel'");
        byte[] invalidUtf8 = {'#', ' ', 'c', (byte) 0xC3, '(', '\n'};
        assertThatThrownBy(() -> Vocabulary.readFrom(new ByteArrayInputStream(invalidUtf8))).isInstanceOf(IOException.class);
    }

    private static Vocabulary read(String text) throws IOException {
        return Vocabulary.readFrom(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void equalityIsOnContent() {
        Vocabulary same = Vocabulary.of(new ArrayList<>(VOCABULARY.terms()), new long[] {4, 3, 2, 1}, 10);

        assertThat(same).isEqualTo(VOCABULARY).hasSameHashCodeAs(VOCABULARY);
        assertThat(Vocabulary.of(VOCABULARY.terms(), new long[] {4, 3, 2, 1}, 11)).isNotEqualTo(VOCABULARY);
        assertThat(Vocabulary.of(VOCABULARY.terms(), new long[] {4, 3, 2, 2}, 10)).isNotEqualTo(VOCABULARY);
    }

    @Test
    void copiesItsInput() {
        long[] dfs = {1, 1};
        Vocabulary vocabulary = Vocabulary.of(List.of("a", "b"), dfs, 2);
        dfs[0] = 2;

        assertThat(vocabulary.documentFrequency(0)).isEqualTo(1);
    }

    @Test
    void findsEveryTermOfALargeVocabulary() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            terms.add("t" + i);
        }
        Vocabulary large = Vocabulary.of(terms, new long[terms.size()], 1);

        for (int i = 0; i < terms.size(); i++) {
            assertThat(large.indexOf(terms.get(i))).isEqualTo(i);
        }
        assertThat(large.indexOf("t100000")).isEqualTo(-1);
        assertThat(large.indexOf("x")).isEqualTo(-1);
    }

    @Test
    void survivesJavaSerialization() {
        Vocabulary copy = JavaSerialization.roundTrip(VOCABULARY);

        assertThat(copy).isEqualTo(VOCABULARY);
        assertThat(copy.indexOf("paris")).isEqualTo(1);
        assertThat(copy.idf(1)).isEqualTo(VOCABULARY.idf(1));
    }
}
