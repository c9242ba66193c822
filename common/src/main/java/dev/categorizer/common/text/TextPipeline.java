package dev.categorizer.common.text;

import dev.categorizer.common.record.Video;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extracts the feature strings of a video, as configured by a {@link TextConfig}. Used identically by training
 * and serving, so the two always agree on features.
 *
 * <p>Features, in this order:
 * <ul>
 *   <li>words of the title, then of the description: {@link TextCleaner cleaned}, {@link Tokenizer tokenized},
 *       stop words removed if configured, words shorter than {@link TextConfig#minTokenLength()} code points
 *       dropped. Title words are plain words, like description words;</li>
 *   <li>if {@link TextConfig#bigrams()}: after each field's words, {@code "w1 w2"} for every two adjacent kept
 *       words of that field (bigrams do not span title and description). Words never contain spaces, so a
 *       bigram cannot collide with a word;</li>
 *   <li>if {@link TextConfig#tags()}: one feature per tag, {@code "#"} + the cleaned tag with spaces replaced by
 *       {@code '_'} ("New Year's Eve" gives {@code "#new_year's_eve"}). A leading '#' of the tag itself is
 *       dropped, so "#music" and "music" are the same tag. Words never contain '#', so the tag "hotel" and the
 *       word "hotel" are different features. Tags without any letter are skipped. If
 *       {@link TextConfig#tagWords()}, the words of each tag are also word features (before the tag features).</li>
 * </ul>
 * Repeated words and tags are repeated features (the vectorizer counts them). Thread-safe.
 *
 * <pre>{@code
 * TextPipeline pipeline = new TextPipeline(TextConfig.builder().bigrams(true).build());
 * List<String> features = pipeline.features(video); // e.g. [paris, hotel, "paris hotel", #travel]
 * }</pre>
 */
public final class TextPipeline implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TextConfig config;
    private final TextCleaner cleaner = new TextCleaner();
    private final Tokenizer tokenizer;

    public TextPipeline(TextConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokenizer = Tokenizer.of(config.tokenizer());
    }

    public TextConfig config() {
        return config;
    }

    /** The features of {@code video}; a new modifiable list. */
    public List<String> features(Video video) {
        List<String> features = new ArrayList<>();
        addWords(video.title(), features);
        addWords(video.description(), features);
        if (config.tags()) {
            if (config.tagWords()) {
                for (String tag : video.tags()) {
                    addWords(tag, features);
                }
            }
            for (String tag : video.tags()) {
                String feature = tagFeature(tag);
                if (feature != null) {
                    features.add(feature);
                }
            }
        }
        return features;
    }

    /** The kept words of one text field (cleaned, tokenized, filtered), without bigrams. */
    public List<String> words(String rawText) {
        List<String> words = new ArrayList<>();
        for (String token : tokenizer.tokenize(cleaner.clean(rawText))) {
            if (keep(token)) {
                words.add(token);
            }
        }
        return words;
    }

    private void addWords(String rawText, List<String> features) {
        int first = features.size();
        for (String token : tokenizer.tokenize(cleaner.clean(rawText))) {
            if (keep(token)) {
                features.add(token);
            }
        }
        if (config.bigrams()) {
            int end = features.size();
            for (int i = first; i + 1 < end; i++) {
                features.add(features.get(i) + ' ' + features.get(i + 1));
            }
        }
    }

    private boolean keep(String token) {
        return codePointLengthAtLeast(token, config.minTokenLength())
                && !(config.removeStopWords() && StopWords.isStopWord(token));
    }

    /** The feature for one tag, or null if the tag has no letter. */
    String tagFeature(String tag) {
        String cleaned = cleaner.clean(tag);
        int start = 0;
        while (start < cleaned.length() && (cleaned.charAt(start) == '#' || cleaned.charAt(start) == ' ')) {
            start++;
        }
        if (!Letters.hasLetter(cleaned)) {
            return null;
        }
        StringBuilder feature = new StringBuilder(cleaned.length() - start + 1).append('#');
        for (int i = start; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            feature.append(c == ' ' ? '_' : c); // the cleaner leaves single ASCII spaces only
        }
        return feature.toString();
    }

    private static boolean codePointLengthAtLeast(String s, int min) {
        int length = s.length();
        if (length < min) {
            return false;
        }
        // A code point is one or two chars: only count when surrogate pairs could make the difference.
        return length >= 2 * min || s.codePointCount(0, length) >= min;
    }
}
