package dev.categorizer.jobs.train;

/**
 * The keys counted by the prepare stage, all in one keyed stream: {@code t:<term>} (documents containing the
 * term), {@code l:<label>} (documents with the label), and the totals {@code #train}, {@code #validation},
 * {@code #dead}. One stream of strings keeps the job simple and every count in keyed state.
 */
final class CountKeys {
    static final String TRAIN_DOCUMENTS = "#train";
    static final String VALIDATION_DOCUMENTS = "#validation";
    static final String DEAD_LETTERS = "#dead";
    private static final String TERM = "t:";
    private static final String LABEL = "l:";

    private CountKeys() {}

    static String term(String term) {
        return TERM + term;
    }

    static String label(String label) {
        return LABEL + label;
    }

    static boolean isTerm(String key) {
        return key.startsWith(TERM);
    }

    static boolean isLabel(String key) {
        return key.startsWith(LABEL);
    }

    /** The term or label of a {@code t:} or {@code l:} key. */
    static String name(String key) {
        return key.substring(2);
    }
}
