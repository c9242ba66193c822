package dev.categorizer.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The English stop word list, read once from the class path resource {@value #RESOURCE}. Thread-safe.
 */
public final class StopWords {

    static final String RESOURCE = "stopwords-en.txt";

    private static final Set<String> ENGLISH = load();

    private StopWords() {}

    /** Whether {@code lowerCaseToken} is an English stop word; the token must already be lower case. */
    public static boolean isStopWord(String lowerCaseToken) {
        return ENGLISH.contains(lowerCaseToken);
    }

    /** All stop words, unmodifiable. */
    public static Set<String> english() {
        return ENGLISH;
    }

    private static Set<String> load() {
        try (InputStream in = StopWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("stop word list " + RESOURCE + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (word.isEmpty() || word.startsWith("#")) {
                    continue;
                }
                if (!word.equals(word.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException("stop word not in lower case: " + word);
                }
                words.add(word);
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stop word list " + RESOURCE, e);
        }
    }
}
