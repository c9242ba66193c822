package dev.categorizer.common.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * {@code Normalizer.normalize(text, NFKC).toLowerCase(Locale.ROOT)}, without the normalizer for the usual
 * non-ASCII text: curly quotes, dashes, accented letters, other scripts' letters. Such characters are their own
 * NFKC form and cannot combine with a neighbour, so they only need lower-casing one by one. A few map to ASCII
 * under NFKC on their own (no-break space, full-width letters, ligatures) and are replaced directly. Any other
 * character (combining marks, Hangul jamo, anything that decomposes otherwise, a surrogate, or one of the two
 * whose lower case depends on context, U+0130 and U+03A3) sends the whole text through the normalizer, so the
 * result is always exactly the slow path's; {@code NfkcLowerCaseTest} checks every BMP character.
 *
 * <p>A profile showed the normalizer at about a fifth of the cleaning time: one curly quote in a description
 * was enough to send all of it through. Per-character kinds are computed on first sight and cached.
 */
final class NfkcLowerCase {

    private static final byte UNKNOWN = 0;
    private static final byte STABLE = 1; // NFKC(c) == c, a starter that composes with nothing
    private static final byte TO_ASCII = 2; // NFKC(c) is ASCII, as a starter sequence
    private static final byte FULL = 3; // needs the normalizer on the whole text

    /** Kinds of chars 0x80..0xFFFF; racy caching is fine: every thread computes the same value. */
    private static final byte[] KINDS = new byte[0x10000];

    private NfkcLowerCase() {}

    static String apply(String text) {
        String fast = tryWithoutNormalizer(text);
        return fast != null ? fast : full(text);
    }

    /** The normalizer's way, the definition. */
    static String full(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The result, or null if some character needs the normalizer. */
    static String tryWithoutNormalizer(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(asciiLower(c));
                continue;
            }
            byte kind = KINDS[c];
            if (kind == UNKNOWN) {
                kind = kindOf(c);
                KINDS[c] = kind;
            }
            if (kind == STABLE) {
                out.append(Character.toLowerCase(c));
            } else if (kind == TO_ASCII) {
                String ascii = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
                for (int k = 0; k < ascii.length(); k++) out.append(asciiLower(ascii.charAt(k)));
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static byte kindOf(char c) {
        if (Character.isSurrogate(c) || c == '\u0130' || c == '\u03A3') {
            return FULL; // pairs; lower case with context (dotted I, final sigma)
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || (c >= 0x1100 && c <= 0x11FF)
                || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF)) {
            return FULL; // may compose with the character before it
        }
        String alone = String.valueOf(c);
        String nfkc = Normalizer.normalize(alone, Normalizer.Form.NFKC);
        if (nfkc.equals(alone)) {
            String lower = alone.toLowerCase(Locale.ROOT);
            return lower.length() == 1 && lower.charAt(0) == Character.toLowerCase(c) ? STABLE : FULL;
        }
        for (int k = 0; k < nfkc.length(); k++) {
            if (nfkc.charAt(k) >= 0x80) return FULL;
        }
        return TO_ASCII;
    }
}
