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
        forEachFeature(video, (text, start, end) ->
                features.add(start == 0 && end == text.length() ? text : text.substring(start, end)));
        return features;
    }

    /**
     * Passes the features of {@code video} to {@code sink}, in the order of {@link #features}: words as ranges of
     * the cleaned text (no string per word), bigrams and tags as strings of their own. The scoring hot path looks
     * the ranges up in the vocabulary directly.
     */
    public void forEachFeature(Video video, TextRangeSink sink) {
        addWords(cleaner.clean(video.title()), sink);
        addWords(cleaner.clean(video.description()), sink);
        if (config.tags()) {
            List<String> tags = video.tags();
            String[] cleanedTags = new String[tags.size()]; // each tag is cleaned once, for its words and itself
            for (int i = 0; i < cleanedTags.length; i++) {
                cleanedTags[i] = cleaner.clean(tags.get(i));
            }
            if (config.tagWords()) {
                for (String cleaned : cleanedTags) {
                    addWords(cleaned, sink);
                }
            }
            for (String cleaned : cleanedTags) {
                String feature = featureOfCleanedTag(cleaned);
                if (feature != null) {
                    sink.accept(feature, 0, feature.length());
                }
            }
        }
    }

    /** The kept words of one text field (cleaned, tokenized, filtered), without bigrams. */
    public List<String> words(String rawText) {
        return wordsOfCleaned(cleaner.clean(rawText));
    }

    private List<String> wordsOfCleaned(String cleaned) {
        List<String> words = new ArrayList<>();
        tokenizer.forEachToken(cleaned, (text, start, end) -> {
            if (keep(text, start, end)) {
                words.add(text.substring(start, end));
            }
        });
        return words;
    }

    /** The words (and bigrams) of one cleaned text field. */
    private void addWords(String cleaned, TextRangeSink sink) {
        if (!config.bigrams()) {
            tokenizer.forEachToken(cleaned, (text, start, end) -> {
                if (keep(text, start, end)) {
                    sink.accept(text, start, end);
                }
            });
            return;
        }
        List<String> kept = wordsOfCleaned(cleaned);
        for (String word : kept) {
            sink.accept(word, 0, word.length());
        }
        for (int i = 0; i + 1 < kept.size(); i++) {
            String bigram = kept.get(i) + ' ' + kept.get(i + 1);
            sink.accept(bigram, 0, bigram.length());
        }
    }

    private boolean keep(String text, int start, int end) {
        return codePointLengthAtLeast(text, start, end, config.minTokenLength())
                && !(config.removeStopWords() && StopWords.isStopWord(text.substring(start, end)));
    }

    /** The feature for one tag, or null if the tag has no letter. */
    String tagFeature(String tag) {
        return featureOfCleanedTag(cleaner.clean(tag));
    }

    private static String featureOfCleanedTag(String cleaned) {
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

    private static boolean codePointLengthAtLeast(String s, int start, int end, int min) {
        int length = end - start;
        if (length < min) {
            return false;
        }
        if (length >= 2 * min) {
            return true;
        }
        // A code point is one or two chars: only count when surrogate pairs could make the difference. A
        // hand loop: String.codePointCount on a UTF-16 string showed as a fifth of the scoring time in a profile.
        int codePoints = length;
        for (int i = start + 1; i < end; i++) {
            if (Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) {
                codePoints--;
            }
        }
        return codePoints >= min;
    }
}
