package dev.categorizer.model.testutil;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.vocab.TermCount;
import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.VocabularySelector;
import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.examples.Example;
import dev.categorizer.model.train.TrainingData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small generated corpus whose categories follow from its words: each video talks about one or two topics, each
 * topic has its own words, and every video also has common filler words. Enough to check that training learns.
 */
public final class ToyData {
    public static final List<String> LABELS = List.of("cooking", "football", "music", "space");
    private static final Map<String, List<String>> WORDS = Map.of(
            "cooking", List.of("recipe", "oven", "garlic", "pasta", "bake", "chef", "sauce", "kitchen"),
            "football", List.of("goal", "striker", "league", "match", "penalty", "coach", "stadium", "keeper"),
            "music", List.of("guitar", "album", "concert", "melody", "drums", "singer", "chorus", "band"),
            "space", List.of("rocket", "orbit", "planet", "nasa", "galaxy", "astronaut", "launch", "moon"));
    private static final List<String> FILLER = List.of("today", "video", "great", "watch", "new", "best", "people");

    public final TextConfig text = TextConfig.defaults();
    public final TextPipeline pipeline = new TextPipeline(text);
    public final List<Video> train;
    public final List<Video> test;
    public final Vocabulary vocabulary;
    public final Vectorizer vectorizer;

    public ToyData(long seed, int trainSize, int testSize) {
        Random random = new Random(seed);
        train = videos(random, "train", trainSize);
        test = videos(random, "test", testSize);
        Map<String, Long> df = new HashMap<>();
        for (Video v : train) for (String f : new HashSet<>(pipeline.features(v))) df.merge(f, 1L, Long::sum);
        List<TermCount> counts = new ArrayList<>();
        df.forEach((t, c) -> counts.add(new TermCount(t, c)));
        vocabulary = VocabularySelector.builder().minDocumentFrequency(1).build().select(counts, train.size());
        vectorizer = new Vectorizer(vocabulary, Weighting.TFIDF);
    }

    private static List<Video> videos(Random random, String prefix, int n) {
        List<Video> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> labels = new ArrayList<>();
            labels.add(LABELS.get(random.nextInt(LABELS.size())));
            if (random.nextInt(4) == 0) {
                String second = LABELS.get(random.nextInt(LABELS.size()));
                if (!labels.contains(second)) labels.add(second);
            }
            StringBuilder text = new StringBuilder();
            for (String label : labels) {
                List<String> words = WORDS.get(label);
                for (int k = 0; k < 4; k++) text.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            for (int k = 0; k < 4; k++) text.append(FILLER.get(random.nextInt(FILLER.size()))).append(' ');
            labels.sort(String::compareTo);
            out.add(new Video(prefix + "-" + i, "Video " + i, text.toString().trim(), List.of(), labels));
        }
        return out;
    }

    public List<Example> examples(List<Video> videos) {
        List<Example> out = new ArrayList<>();
        for (Video v : videos) {
            SparseVector x = vectorizer.vectorize(pipeline.features(v));
            out.add(new Example(x, v.labels().stream().mapToInt(LABELS::indexOf).toArray()));
        }
        return out;
    }

    public TrainingData trainingData() {
        List<Example> all = examples(train);
        int cut = all.size() * 8 / 10;
        return new TrainingData(all.subList(0, cut), all.subList(cut, all.size()), LABELS, vocabulary.size());
    }
}
