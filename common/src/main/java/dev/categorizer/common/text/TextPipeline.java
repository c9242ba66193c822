package dev.categorizer.common.text;

import dev.categorizer.common.record.Video;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extracts the feature strings of a video, as configured by a {@link TextConfig}. Used identically by training
 * and serving, so the two always agree on features.
 *
 * <p>Features, in this order:
 * <ul>
 *   <li>words of the title, then, if {@link TextConfig#titleWords()}, the same words as title features,
 *       {@code "^" + word} (and {@code "^w1 w2"} for bigrams), then words of the description: {@link TextCleaner cleaned}, {@link Tokenizer tokenized},
 *       stop words removed if configured, words shorter than {@link TextConfig#minTokenLength()} code points
 *       dropped. Title words are plain words, like description words;</li>
 *   <li>if {@link TextConfig#bigrams()}: after each field's words, {@code "w1 w2"} for every two adjacent kept
 *       words of that field (bigrams do not span title and description). Words never contain spaces, so a
 *       bigram cannot collide with a word;</li>
 *   <li>if {@link TextConfig#tags()}: one feature per tag, {@code "#"} + the cleaned tag with spaces replaced by
 *       {@code '_'} ("New Year's Eve" gives {@code "#new_year's_eve"}). A leading '#' of the tag itself is
 *       dropped, so "#music" and "music" are the same tag. Words never contain '#', so the tag "hotel" and the
 *       word "hotel" are different features. Tags without any letter are skipped. If
 *       {@link TextConfig#tagWords()}, the words of each tag are also word features (before the tag features),
 *       each followed, if {@link TextConfig#tagFieldWords()} too, by its tag feature {@code "#" + word}.</li>
 *   <li>if {@link TextConfig#symbols()}: after the words (and bigrams) of the title and of the description, one
 *       feature per run of {@code '!'}, of {@code '?'} and of one symbol such as an emoji in that field
 *       ("wow!! 😂😂" gives wow, {@code "!"}, {@code "😂"}).</li>
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
        forEachFeature(video, new TextRangeSink() {
            @Override
            public void accept(char[] text, int start, int end) {
                features.add(new String(text, start, end - start));
            }

            @Override
            public void acceptLatin1(byte[] text, int start, int end) {
                features.add(new String(text, start, end - start, StandardCharsets.ISO_8859_1));
            }
        });
        return features;
    }

    /**
     * Passes the features of {@code video} to {@code sink}, in the order of {@link #features}, as ranges of
     * per-thread buffers: each field is cleaned into a reused array and its words are passed as ranges of it, so
     * the scoring hot path looks words up in the vocabulary with no string per field or word. {@code sink} must
     * not call back into a pipeline on the same thread: the buffers are that thread's.
     */
    public void forEachFeature(Video video, TextRangeSink sink) {
        Buffers buffers = BUFFERS.get();
        CharRun field = buffers.field;
        addWordsOfRaw(video.title(), buffers, sink, config.symbols());
        if (config.titleWords()) {
            PrefixedWords title = buffers.title;
            title.sink = sink;
            addWordsOfRaw(video.title(), buffers, title, false);
            title.sink = null; // holds no caller's sink between calls
        }
        addWordsOfRaw(video.description(), buffers, sink, config.symbols());
        if (config.tags()) {
            List<String> tags = video.tags();
            if (config.tagWords()) {
                // A tag's words are those of its text, like a field's; with tag field words, each word is passed
                // on twice from one scan of the tag, as a word and then as a tag feature.
                TextRangeSink words = sink;
                PrefixedWords tagWords = buffers.tagWords;
                if (config.tagFieldWords()) {
                    tagWords.sink = sink;
                    words = tagWords;
                }
                for (String raw : tags) {
                    addWordsOfRaw(raw, buffers, words, false);
                }
                tagWords.sink = null; // holds no caller's sink between calls
            }
            CharRun tag = buffers.tag;
            for (String raw : tags) {
                if (featureOfCleanedTag(cleaner.clean(raw), tag)) {
                    sink.accept(tag.chars, 0, tag.length);
                }
            }
            tag.trim();
        }
        field.trim();
    }

    /** The kept words of one text field (cleaned, tokenized, filtered), without bigrams. */
    public List<String> words(String rawText) {
        return keptWords(cleaner.cleanInto(rawText, new CharRun()));
    }

    private List<String> keptWords(CharRun cleaned) {
        List<String> words = new ArrayList<>();
        tokenizer.forEachToken(cleaned.chars, 0, cleaned.length, (text, start, end) -> {
            if (keep(text, start, end)) {
                words.add(new String(text, start, end - start));
            }
        });
        return words;
    }

    /**
     * The words (and bigrams) of one raw text field, then its {@link TextConfig#symbols() symbols} if
     * {@code symbols}: in one pass when it is plain text ({@link PlainWords}; its symbols are then '!' and '?').
     */
    private void addWordsOfRaw(String raw, Buffers buffers, TextRangeSink sink, boolean symbols) {
        if (config.tokenizer() == TokenizerKind.SIMPLE && !config.bigrams() && raw != null) {
            PlainWords plain = buffers.plain;
            int words = plain.scan(raw, symbols);
            if (words >= 0) {
                byte[] text = plain.bytes();
                for (int k = 0; k < words; k++) {
                    int start = plain.start(k);
                    int end = plain.end(k);
                    if (keepLatin1(text, start, end)) {
                        sink.acceptLatin1(text, start, end);
                    }
                }
                byte[] marks = plain.markBytes();
                for (int k = 0, n = plain.marks(); k < n; k++) {
                    sink.acceptLatin1(marks, k, k + 1);
                }
                plain.trim();
                return;
            }
        }
        CharRun cleaned = cleaner.cleanInto(raw, buffers.field);
        addWords(cleaned, sink);
        if (symbols) {
            addSymbols(cleaned, sink);
        }
    }

    /**
     * Passes one feature per run of '!', of '?' and of one symbol code point (category So) in a cleaned field.
     * Cleaning keeps punctuation and symbols and has removed markup and URLs, so a URL's '?' is not one. Words
     * are letters only, tags start with '#', title features with '^': a symbol feature is none of those.
     */
    static void addSymbols(CharRun cleaned, TextRangeSink sink) {
        char[] text = cleaned.chars;
        int previous = -1; // the code point of the run in progress
        for (int i = 0, n = cleaned.length; i < n; ) {
            int c = Character.codePointAt(text, i, n);
            int width = Character.charCount(c);
            // ASCII first: no ASCII character is a symbol of category So, and most of any field is ASCII.
            boolean mark = c < 0x80 ? c == '!' || c == '?' : Character.getType(c) == Character.OTHER_SYMBOL;
            if (mark && c != previous) {
                sink.accept(text, i, i + width);
            }
            // A variation selector or joiner after an emoji (U+FE0F, U+200D) does not end its run.
            if (mark || !(c == 0xFE0F || c == 0x200D)) {
                previous = mark ? c : -1;
            }
            i += width;
        }
    }

    /** The words (and bigrams) of one cleaned text field. */
    private void addWords(CharRun cleaned, TextRangeSink sink) {
        if (!config.bigrams()) {
            KeptWords kept = keptTo(sink);
            tokenizer.forEachToken(cleaned.chars, 0, cleaned.length, kept);
            kept.sink = null; // holds no caller's sink between calls
            return;
        }
        List<String> kept = keptWords(cleaned);
        for (String word : kept) {
            char[] chars = word.toCharArray();
            sink.accept(chars, 0, chars.length);
        }
        for (int i = 0; i + 1 < kept.size(); i++) {
            char[] bigram = (kept.get(i) + ' ' + kept.get(i + 1)).toCharArray();
            sink.accept(bigram, 0, bigram.length);
        }
    }

    /**
     * A sink that passes the kept words on to {@code sink}: this thread's one instance, re-pointed, since a
     * capturing lambda per field was a tenth of the bytes allocated per scored document.
     */
    private KeptWords keptTo(TextRangeSink sink) {
        KeptWords kept = BUFFERS.get().kept;
        kept.pipeline = this;
        kept.sink = sink;
        return kept;
    }

    /** Passes on the words that {@link #keep} keeps. */
    private static final class KeptWords implements TextRangeSink {
        TextPipeline pipeline;
        TextRangeSink sink;

        @Override
        public void accept(char[] text, int start, int end) {
            if (pipeline.keep(text, start, end)) {
                sink.accept(text, start, end);
            }
        }
    }

    private boolean keep(char[] text, int start, int end) {
        return codePointLengthAtLeast(text, start, end, config.minTokenLength())
                && !(config.removeStopWords() && StopWords.isStopWord(new String(text, start, end - start)));
    }

    /** {@link #keep} for a Latin-1 word, where every byte is one code point. */
    private boolean keepLatin1(byte[] text, int start, int end) {
        return end - start >= config.minTokenLength()
                && !(config.removeStopWords()
                        && StopWords.isStopWord(new String(text, start, end - start, StandardCharsets.ISO_8859_1)));
    }

    /** The feature for one tag, or null if the tag has no letter. */
    String tagFeature(String tag) {
        CharRun feature = new CharRun();
        return featureOfCleanedTag(cleaner.clean(tag), feature) ? new String(feature.chars, 0, feature.length) : null;
    }

    /** Writes the feature of a cleaned tag into {@code feature}; false (nothing written) if it has no letter. */
    private static boolean featureOfCleanedTag(String cleaned, CharRun feature) {
        if (!Letters.hasLetter(cleaned)) {
            return false;
        }
        int start = 0;
        while (start < cleaned.length() && (cleaned.charAt(start) == '#' || cleaned.charAt(start) == ' ')) {
            start++;
        }
        int length = cleaned.length() - start + 1;
        feature.clear(length);
        char[] chars = feature.chars;
        chars[0] = '#';
        cleaned.getChars(start, cleaned.length(), chars, 1);
        for (int i = 1; i < length; i++) {
            if (chars[i] == ' ') {
                chars[i] = '_'; // the cleaner leaves single ASCII spaces only
            }
        }
        feature.length = length;
        return true;
    }

    /** Prefix of a title feature; words never contain it (they are letters only). */
    static final char TITLE_PREFIX = '^';

    /** Prefix of a tag feature, and of a tag word's feature; words never contain it. */
    static final char TAG_PREFIX = '#';

    /**
     * Passes each word on as a feature of its field, prefix + word ({@code "^" + word} for the title, {@code "#"
     * + word} for tags), copied into a buffer of its own.
     */
    private static final class PrefixedWords implements TextRangeSink {
        final char prefix;
        final boolean alsoPlain; // passes each word on as it is too, just before its prefixed feature
        TextRangeSink sink;
        char[] chars = new char[64];
        byte[] bytes = new byte[64];

        PrefixedWords(char prefix, boolean alsoPlain) {
            this.prefix = prefix;
            this.alsoPlain = alsoPlain;
        }

        @Override
        public void accept(char[] text, int start, int end) {
            if (alsoPlain) sink.accept(text, start, end);
            int length = end - start + 1;
            if (chars.length < length) chars = new char[Math.max(length, 2 * chars.length)];
            chars[0] = prefix;
            System.arraycopy(text, start, chars, 1, end - start);
            sink.accept(chars, 0, length);
        }

        @Override
        public void acceptLatin1(byte[] text, int start, int end) {
            if (alsoPlain) sink.acceptLatin1(text, start, end);
            int length = end - start + 1;
            // at least 8 bytes after the start, as TextRangeSink#acceptLatin1 promises
            if (bytes.length < length + 8) bytes = new byte[Math.max(length + 8, 2 * bytes.length)];
            bytes[0] = (byte) prefix;
            System.arraycopy(text, start, bytes, 1, end - start);
            sink.acceptLatin1(bytes, 0, length);
        }
    }

    /** One thread's buffers: the cleaned field being tokenized, the tag feature being passed on, the filter. */
    private static final class Buffers {
        final PrefixedWords title = new PrefixedWords(TITLE_PREFIX, false);
        final PrefixedWords tagWords = new PrefixedWords(TAG_PREFIX, true);
        final CharRun field = new CharRun();
        final CharRun tag = new CharRun();
        final KeptWords kept = new KeptWords();
        final PlainWords plain = new PlainWords();
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static boolean codePointLengthAtLeast(char[] s, int start, int end, int min) {
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
            if (Character.isLowSurrogate(s[i]) && Character.isHighSurrogate(s[i - 1])) {
                codePoints--;
            }
        }
        return codePoints >= min;
    }
}
