package dev.categorizer.common.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.categorizer.common.JavaSerialization;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.text.TokenizerKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorizerTest {

    // N = 3: idf(a) = ln(4/2) + 1, idf(b) = ln(4/3) + 1, idf(c) = ln(4/4) + 1 = 1.
    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("c", "b", "a"), new long[] {3, 2, 1}, 3);
    private static final double IDF_A = Math.log(2) + 1;
    private static final double IDF_B = Math.log(4.0 / 3) + 1;

    @Test
    void tfidfUsesSublinearTermFrequencyAndL2Norm() {
        SparseVector v = new Vectorizer(VOCABULARY, Weighting.TFIDF).vectorize(List.of("a", "c", "a", "x", "c", "c", "c"));

        double a = (1 + Math.log(2)) * IDF_A;
        double c = (1 + Math.log(4)) * 1.0;
        double norm = Math.sqrt(a * a + c * c);
        assertThat(v.indices()).containsExactly(0, 2); // c is index 0, a is index 2
        assertThat(v.values()[0]).isCloseTo((float) (c / norm), within(1e-6f));
        assertThat(v.values()[1]).isCloseTo((float) (a / norm), within(1e-6f));
    }

    @Test
    void binaryIgnoresRepetitionsButKeepsIdf() {
        SparseVector v = new Vectorizer(VOCABULARY, Weighting.BINARY).vectorize(List.of("b", "a", "a", "a"));

        double norm = Math.sqrt(IDF_A * IDF_A + IDF_B * IDF_B);
        assertThat(v.indices()).containsExactly(1, 2);
        assertThat(v.values()).containsExactly(new float[] {(float) (IDF_B / norm), (float) (IDF_A / norm)}, within(1e-6f));
    }

    @Test
    void singleFeatureHasWeightOne() {
        assertThat(new Vectorizer(VOCABULARY, Weighting.TFIDF).vectorize(List.of("b", "b")))
                .isEqualTo(new SparseVector(new int[] {1}, new float[] {1f}));
    }

    @Test
    void unknownOrNoFeaturesGiveTheEmptyVector() {
        Vectorizer vectorizer = new Vectorizer(VOCABULARY, Weighting.TFIDF);

        assertThat(vectorizer.vectorize(List.of("x", "y")).isEmpty()).isTrue();
        assertThat(vectorizer.vectorize(List.of())).isEqualTo(SparseVector.empty());
    }

    @Test
    void randomDocumentsGiveSortedUnitVectors() {
        List<String> terms = new ArrayList<>();
        long[] dfs = new long[500];
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            terms.add("w" + i);
            dfs[i] = 1 + random.nextInt(100);
        }
        Vectorizer vectorizer = new Vectorizer(Vocabulary.of(terms, dfs, 100), Weighting.TFIDF);
        for (int doc = 0; doc < 200; doc++) {
            List<String> features = new ArrayList<>();
            for (int k = random.nextInt(50); k >= 0; k--) {
                features.add("w" + random.nextInt(600)); // some unknown
            }

            SparseVector v = vectorizer.vectorize(features);

            double sum = 0;
            for (int i = 0; i < v.nonZeros(); i++) {
                if (i > 0) {
                    assertThat(v.indices()[i]).isGreaterThan(v.indices()[i - 1]);
                }
                assertThat(v.values()[i]).isPositive();
                sum += v.values()[i] * v.values()[i];
            }
            if (!v.isEmpty()) {
                assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void survivesJavaSerialization() {
        Vectorizer vectorizer = new Vectorizer(VOCABULARY, Weighting.BINARY);
        Vectorizer copy = JavaSerialization.roundTrip(vectorizer);

        assertThat(copy.weighting()).isEqualTo(Weighting.BINARY);
        assertThat(copy.vocabulary()).isEqualTo(VOCABULARY);
        assertThat(copy.vectorize(List.of("a", "b"))).isEqualTo(vectorizer.vectorize(List.of("a", "b")));
    }

    private static final List<Video> VIDEOS = List.of(
            new Video("1", "The Best <b>Hotel</b> in Paris", "A great stay at the hotel! Visit https://x.org in 2024.",
                    List.of("Travel", "New Year's Eve", "#Paris"), List.of()),
            new Video("2", "Le Fabuleux Destin d'Amélie Poulain", "Une comédie de Jean-Pierre Jeunet, très drôle.",
                    List.of("comédie", "paris"), List.of()),
            new Video("3", "हिन्दी फ़िल्म 𠀀𠀁 年", "Ωμέγα ß Straße ŒUVRE", List.of(), List.of()),
            new Video("4", null, null, null, null),
            new Video("5", "the the the hotel hotel", "", List.of("hotel"), List.of()));

    @Test
    void vectorizingAVideoDirectlyEqualsVectorizingItsFeaturesUnderEveryTextSetting() {
        List<TextConfig> configs = List.of(
                TextConfig.defaults(),
                TextConfig.builder().removeStopWords(true).build(),
                TextConfig.builder().bigrams(true).build(),
                TextConfig.builder().tagWords(false).minTokenLength(1).build(),
                TextConfig.builder().tags(false).minTokenLength(3).build(),
                TextConfig.builder().tokenizer(TokenizerKind.MODEL).bigrams(true).build(),
                TextConfig.builder().titleWords(true).build(),
                TextConfig.builder().titleWords(true).bigrams(true).build());
        for (TextConfig config : configs) {
            TextPipeline pipeline = new TextPipeline(config);
            Map<String, Long> df = new HashMap<>();
            for (Video v : VIDEOS) for (String f : new HashSet<>(pipeline.features(v))) df.merge(f, 1L, Long::sum);
            List<TermCount> counts = new ArrayList<>();
            df.forEach((t, c) -> counts.add(new TermCount(t, c)));
            Vocabulary vocabulary = VocabularySelector.builder().build().select(counts, VIDEOS.size());
            Vectorizer vectorizer = new Vectorizer(vocabulary, Weighting.TFIDF);
            for (Video v : VIDEOS) {
                assertThat(vectorizer.vectorize(pipeline, v)).as("%s %s", config, v.id())
                        .isEqualTo(vectorizer.vectorize(pipeline.features(v)));
            }
        }
    }

    @Test
    void looksUpARangeOfTextWithoutMakingTheSubstring() {
        Vocabulary vocabulary = Vocabulary.of(List.of("paris", "hotel", "amélie"), new long[] {3, 2, 1}, 5);
        char[] text = "le hotel de paris et amélie parisienne".toCharArray();
        assertThat(vocabulary.indexOf(text, 3, 8)).isEqualTo(1);
        assertThat(vocabulary.indexOf(text, 12, 17)).isEqualTo(0);
        assertThat(vocabulary.indexOf(text, 21, 27)).isEqualTo(2);
        assertThat(vocabulary.indexOf(text, 28, 38)).isEqualTo(-1); // "parisienne" is not "paris"
        assertThat(vocabulary.indexOf(text, 28, 33)).isEqualTo(0);
        assertThat(vocabulary.indexOf(text, 0, 0)).isEqualTo(-1);
    }
}
