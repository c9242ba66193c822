package dev.categorizer.common.text;

import dev.categorizer.common.config.SettingsReader;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a video's text becomes features. Immutable. It is stored in the model manifest ({@link #toMap()} /
 * {@link #fromMap(Map)}) so that serving extracts exactly the features the model was trained on.
 *
 * <pre>{@code
 * TextConfig config = TextConfig.builder()
 *         .tokenizer(TokenizerKind.SIMPLE)
 *         .removeStopWords(false)
 *         .bigrams(false)
 *         .tags(true)
 *         .tagWords(true)
 *         .minTokenLength(2)
 *         .build();
 * }</pre>
 */
public final class TextConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String KEY_TOKENIZER = "tokenizer";
    static final String KEY_REMOVE_STOP_WORDS = "remove_stop_words";
    static final String KEY_BIGRAMS = "bigrams";
    static final String KEY_TAGS = "tags";
    static final String KEY_TAG_WORDS = "tag_words";
    static final String KEY_MIN_TOKEN_LENGTH = "min_token_length";
    static final String KEY_TITLE_WORDS = "title_words";
    static final String KEY_SYMBOLS = "symbols";
    static final String KEY_TAG_FIELD_WORDS = "tag_field_words";
    private static final Set<String> KEYS = Set.of(
            KEY_TOKENIZER, KEY_REMOVE_STOP_WORDS, KEY_BIGRAMS, KEY_TAGS, KEY_TAG_WORDS, KEY_MIN_TOKEN_LENGTH,
            KEY_TITLE_WORDS, KEY_SYMBOLS, KEY_TAG_FIELD_WORDS);

    private static final TextConfig DEFAULTS = builder().build();

    private final TokenizerKind tokenizer;
    private final boolean removeStopWords;
    private final boolean bigrams;
    private final boolean tags;
    private final boolean tagWords;
    private final int minTokenLength;
    private final boolean titleWords;
    private final boolean symbols;
    private final boolean tagFieldWords;

    private TextConfig(Builder b) {
        this.tokenizer = Objects.requireNonNull(b.tokenizer, "tokenizer");
        this.removeStopWords = b.removeStopWords;
        this.bigrams = b.bigrams;
        this.tags = b.tags;
        this.tagWords = b.tagWords;
        if (b.minTokenLength < 1) {
            throw new IllegalArgumentException("minTokenLength must be >= 1, got " + b.minTokenLength);
        }
        this.minTokenLength = b.minTokenLength;
        this.titleWords = b.titleWords;
        this.symbols = b.symbols;
        this.tagFieldWords = b.tagFieldWords;
    }

    /**
     * SIMPLE tokenizer, stop words kept, no bigrams, tags on (as tag features and as words), tokens of at least
     * 2 characters, title features on, symbols on.
     */
    public static TextConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config, to change one setting. */
    public Builder toBuilder() {
        return new Builder()
                .tokenizer(tokenizer)
                .removeStopWords(removeStopWords)
                .bigrams(bigrams)
                .tags(tags)
                .tagWords(tagWords)
                .minTokenLength(minTokenLength)
                .titleWords(titleWords)
                .symbols(symbols)
                .tagFieldWords(tagFieldWords);
    }

    public TokenizerKind tokenizer() {
        return tokenizer;
    }

    public boolean removeStopWords() {
        return removeStopWords;
    }

    public boolean bigrams() {
        return bigrams;
    }

    public boolean tags() {
        return tags;
    }

    /** Whether tag words also count as words (when {@link #tags()} is on). */
    public boolean tagWords() {
        return tagWords;
    }

    /**
     * Whether the title's words are also features of their own, {@code "^" + word}, besides plain words: a word
     * in the title then weighs apart from the same word in the description.
     */
    public boolean titleWords() {
        return titleWords;
    }

    /**
     * Whether the marks of a text field that carry tone are features too: each run of {@code '!'}, of {@code '?'}
     * and of one symbol code point (Unicode category So: emoji, dingbats) gives one feature of that character
     * ({@code "!"}, {@code "?"}, {@code "\uD83D\uDE02"}), after the field's words.
     */
    public boolean symbols() {
        return symbols;
    }

    /**
     * Whether the words of each tag are also tag features of their own, {@code "#" + word}, besides plain words
     * (when {@link #tags()} and {@link #tagWords()} are on): a word in a tag then weighs apart from the same word
     * in the description, as a title word does with {@link #titleWords()}. The word of a one-word tag is that
     * tag's own feature, which then counts twice.
     */
    public boolean tagFieldWords() {
        return tagFieldWords;
    }

    /** Shortest word kept, in Unicode code points. */
    public int minTokenLength() {
        return minTokenLength;
    }

    /**
     * All settings as strings, in a fixed order, for the model manifest ({@code title_words} and {@code symbols}
     * only when on).
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(KEY_TOKENIZER, tokenizer.name());
        map.put(KEY_REMOVE_STOP_WORDS, Boolean.toString(removeStopWords));
        map.put(KEY_BIGRAMS, Boolean.toString(bigrams));
        map.put(KEY_TAGS, Boolean.toString(tags));
        map.put(KEY_TAG_WORDS, Boolean.toString(tagWords));
        map.put(KEY_MIN_TOKEN_LENGTH, Integer.toString(minTokenLength));
        // Only when on: a manifest without the key is what builds before the setting existed can read.
        if (titleWords) map.put(KEY_TITLE_WORDS, "true");
        if (symbols) map.put(KEY_SYMBOLS, "true"); // off is the reading of a manifest without it
        if (tagFieldWords) map.put(KEY_TAG_FIELD_WORDS, "true");
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * The inverse of {@link #toMap()}. Missing keys take their default, except {@code title_words} and
     * {@code symbols}, which manifests written before they existed lack: missing, they are off, as those models
     * were trained; unknown keys and malformed values are rejected with an {@link IllegalArgumentException}.
     */
    public static TextConfig fromMap(Map<String, String> map) {
        SettingsReader in = SettingsReader.of("TextConfig", map, KEYS);
        return builder()
                .tokenizer(in.enumValue(KEY_TOKENIZER, TokenizerKind.class, DEFAULTS.tokenizer))
                .removeStopWords(in.bool(KEY_REMOVE_STOP_WORDS, DEFAULTS.removeStopWords))
                .bigrams(in.bool(KEY_BIGRAMS, DEFAULTS.bigrams))
                .tags(in.bool(KEY_TAGS, DEFAULTS.tags))
                .tagWords(in.bool(KEY_TAG_WORDS, DEFAULTS.tagWords))
                .minTokenLength(in.integer(KEY_MIN_TOKEN_LENGTH, DEFAULTS.minTokenLength))
                .titleWords(in.bool(KEY_TITLE_WORDS, false))
                .symbols(in.bool(KEY_SYMBOLS, false))
                .tagFieldWords(in.bool(KEY_TAG_FIELD_WORDS, false))
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextConfig c
                && tokenizer == c.tokenizer
                && removeStopWords == c.removeStopWords
                && bigrams == c.bigrams
                && tags == c.tags
                && tagWords == c.tagWords
                && minTokenLength == c.minTokenLength
                && titleWords == c.titleWords
                && symbols == c.symbols
                && tagFieldWords == c.tagFieldWords;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenizer, removeStopWords, bigrams, tags, tagWords, minTokenLength, titleWords,
                symbols, tagFieldWords);
    }

    @Override
    public String toString() {
        return "TextConfig" + toMap();
    }

    /** Builds a {@link TextConfig}; starts from the defaults. */
    public static final class Builder {
        private TokenizerKind tokenizer = TokenizerKind.SIMPLE;
        // Kept by default: removing them cost 1 micro-F1 point on GoEmotions ("not", "so", "why" carry emotion)
        // and did not help Reuters or TMDB beyond noise (BENCHMARKS.md).
        private boolean removeStopWords = false;
        private boolean bigrams = false;
        private boolean tags = true;
        private boolean tagWords = true;
        private int minTokenLength = 2;
        // On by default: with symbols and BALANCED thresholds, Reuters +0.6 micro / +1.7 macro and TMDB +0.7 micro
        // F1 points on validation, GoEmotions (no titles) unchanged (BENCHMARKS.md, issue 14).
        private boolean titleWords = true;
        // On by default: with BALANCED thresholds they give GoEmotions back half the micro-F1 that BALANCED alone
        // costs it (+0.3 points on validation), the other sets within their seeds' spread (BENCHMARKS.md, issue 14).
        private boolean symbols = true;
        // On by default: TMDB +0.5 micro / +0.7 macro F1 points on validation over six seeds; the other sets have no
        // tags (BENCHMARKS.md, issue 14).
        private boolean tagFieldWords = true;

        private Builder() {}

        public Builder tokenizer(TokenizerKind tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        public Builder removeStopWords(boolean removeStopWords) {
            this.removeStopWords = removeStopWords;
            return this;
        }

        public Builder bigrams(boolean bigrams) {
            this.bigrams = bigrams;
            return this;
        }

        public Builder tags(boolean tags) {
            this.tags = tags;
            return this;
        }

        /**
         * Whether the words of each tag are also word features, besides the whole tag as one feature: a tag
         * "father son relationship" then also counts as the words father, son and relationship. Needs
         * {@link #tags(boolean)}. Measured on TMDB: +0.5 micro-F1 and +2 macro-F1 points.
         */
        public Builder tagWords(boolean tagWords) {
            this.tagWords = tagWords;
            return this;
        }

        /** Whether title words are also features of their own, {@code "^" + word}. */
        public Builder titleWords(boolean titleWords) {
            this.titleWords = titleWords;
            return this;
        }

        /** Whether runs of '!', '?' and of a symbol (emoji) are features too; see {@link TextConfig#symbols()}. */
        public Builder symbols(boolean symbols) {
            this.symbols = symbols;
            return this;
        }

        /** Whether tag words are also tag features, {@code "#" + word}; see {@link TextConfig#tagFieldWords()}. */
        public Builder tagFieldWords(boolean tagFieldWords) {
            this.tagFieldWords = tagFieldWords;
            return this;
        }

        /** Must be at least 1. */
        public Builder minTokenLength(int minTokenLength) {
            this.minTokenLength = minTokenLength;
            return this;
        }

        public TextConfig build() {
            return new TextConfig(this);
        }
    }
}
