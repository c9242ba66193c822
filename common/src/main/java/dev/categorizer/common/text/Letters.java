package dev.categorizer.common.text;

/** What counts as a letter for tokens and tags: {@link Character#isAlphabetic(int)}, as in OpenNLP. */
final class Letters {

    private Letters() {}

    static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isAlphabetic(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
