package dev.categorizer.common.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes one HTML character reference: named ({@code &eacute;}, the HTML 4 set: Latin-1, Greek, typographic
 * punctuation) or numeric ({@code &#233;}, {@code &#xE9;}). The terminating {@code ;} is required, which keeps
 * "AT&T;" style text mostly intact and avoids guessing.
 */
final class HtmlEntities {

    /** Code point written for references that do not name a character (0, surrogates, beyond U+10FFFF). */
    static final int INVALID = ' ';

    private static final int LONGEST_NAME = 8;

    /** Names of U+00A0..U+00FF, in code point order. */
    private static final String[] LATIN1 = {
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
        "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
        "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
        "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
        "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    };

    /** Names of U+0391..U+03A9 (U+03A2 is unassigned) and U+03B1..U+03C9. */
    private static final String[] GREEK_UPPER = {
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
        "Nu", "Xi", "Omicron", "Pi", "Rho", null, "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
    };
    private static final String[] GREEK_LOWER = {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
        "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    };

    /**
     * Windows-1252 characters for numeric references 0x80..0x9F: HTML 5 decodes {@code &#146;} as U+2019 because
     * that is what the (mis)encoded pages meant. 0 marks positions left as they are.
     */
    private static final char[] CP1252 = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
        0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178',
    };

    private static final Map<String, Integer> NAMED = buildNamed();

    private HtmlEntities() {}

    private static Map<String, Integer> buildNamed() {
        Map<String, Integer> m = new HashMap<>(512);
        m.put("amp", (int) '&');
        m.put("lt", (int) '<');
        m.put("gt", (int) '>');
        m.put("quot", (int) '"');
        m.put("apos", (int) '\'');
        for (int i = 0; i < LATIN1.length; i++) {
            m.put(LATIN1[i], 0xA0 + i);
        }
        for (int i = 0; i < GREEK_UPPER.length; i++) {
            if (GREEK_UPPER[i] != null) {
                m.put(GREEK_UPPER[i], 0x391 + i);
            }
            m.put(GREEK_LOWER[i], 0x3B1 + i);
        }
        Object[][] more = {
            {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161}, {"Yuml", 0x178},
            {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC}, {"thetasym", 0x3D1}, {"upsih", 0x3D2},
            {"piv", 0x3D6}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C},
            {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F}, {"ndash", 0x2013}, {"mdash", 0x2014},
            {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
            {"bdquo", 0x201E}, {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022}, {"hellip", 0x2026},
            {"permil", 0x2030}, {"prime", 0x2032}, {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
            {"oline", 0x203E}, {"frasl", 0x2044}, {"euro", 0x20AC}, {"trade", 0x2122}, {"larr", 0x2190},
            {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194}, {"minus", 0x2212},
            {"infin", 0x221E}, {"ne", 0x2260}, {"le", 0x2264}, {"ge", 0x2265}, {"spades", 0x2660},
            {"clubs", 0x2663}, {"hearts", 0x2665}, {"diams", 0x2666},
        };
        for (Object[] e : more) {
            m.put((String) e[0], (Integer) e[1]);
        }
        return Map.copyOf(m);
    }

    /**
     * Decodes the reference starting at {@code text.charAt(amp) == '&'}.
     *
     * @return the code point, or -1 when there is no complete known reference there; {@link #end} is not
     *     meaningful then
     */
    static long decode(String text, int amp) {
        int n = text.length();
        int j = amp + 1;
        if (j >= n) {
            return -1;
        }
        if (text.charAt(j) == '#') {
            return decodeNumeric(text, j + 1);
        }
        int start = j;
        while (j < n && j - start <= LONGEST_NAME && isAsciiLetterOrDigit(text.charAt(j))) {
            j++;
        }
        if (j == start || j >= n || text.charAt(j) != ';') {
            return -1;
        }
        Integer cp = NAMED.get(text.substring(start, j));
        return cp == null ? -1 : pack(cp, j + 1);
    }

    /** The index just after a reference decoded by {@link #decode}. */
    static int end(long decoded) {
        return (int) (decoded >>> 32);
    }

    /** The code point of a reference decoded by {@link #decode}. */
    static int codePoint(long decoded) {
        return (int) decoded;
    }

    private static long decodeNumeric(String text, int j) {
        int n = text.length();
        int radix = 10;
        if (j < n && (text.charAt(j) == 'x' || text.charAt(j) == 'X')) {
            radix = 16;
            j++;
        }
        int maxDigits = radix == 16 ? 6 : 7; // enough for U+10FFFF, small enough not to overflow an int
        int start = j;
        int cp = 0;
        while (j < n) {
            int d = asciiDigit(text.charAt(j), radix);
            if (d < 0) {
                break;
            }
            if (j - start == maxDigits) {
                return -1;
            }
            cp = cp * radix + d;
            j++;
        }
        if (j == start || j >= n || text.charAt(j) != ';') {
            return -1;
        }
        return pack(numericCodePoint(cp), j + 1);
    }

    private static int numericCodePoint(int cp) {
        if (cp >= 0x80 && cp <= 0x9F) {
            char c = CP1252[cp - 0x80];
            return c == 0 ? cp : c;
        }
        if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            return INVALID;
        }
        return cp;
    }

    private static long pack(int codePoint, int end) {
        return ((long) end << 32) | (codePoint & 0xFFFFFFFFL);
    }

    private static int asciiDigit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (radix == 16) {
            char lower = (char) (c | 0x20);
            if (lower >= 'a' && lower <= 'f') {
                return lower - 'a' + 10;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        char lower = (char) (c | 0x20);
        return (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
    }
}
