package dev.categorizer.common.text;

import java.io.Serializable;

/**
 * Turns raw metadata text into clean, lower-case, single-spaced text, keeping the letters of every script.
 *
 * <p>In order: HTML tags and comments are removed, HTML character references decoded ({@code &amp;},
 * {@code &eacute;}, {@code &#233;}, {@code &#xE9;}, ...), URLs removed ({@code http://}, {@code https://},
 * {@code www.} up to the next whitespace), digits replaced by spaces, the text normalised to Unicode NFKC and
 * lower-cased with {@code toLowerCase(Locale.ROOT)}, control characters and all kinds of whitespace collapsed
 * into single spaces, and the result trimmed. Soft hyphens and byte-order marks are dropped. Null gives "".
 *
 * <p>Speed matters here (millions of documents): one character loop does the structural work and, for ASCII
 * text (the common case), also the lower-casing and spacing; only text with non-ASCII characters pays for
 * NFKC ({@link NfkcLowerCase}) and a second loop. Stateless and thread-safe.
 */
public final class TextCleaner implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final char SOFT_HYPHEN = '\u00AD';
    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Returns the cleaned text; never null. */
    public String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (isAlreadyClean(raw)) {
            return raw; // most tags ("space opera"): no copy, no allocation
        }
        CharRun out = cleanInto(raw, SCRATCH.get().out);
        String cleaned = new String(out.chars, 0, out.length);
        out.trim();
        return cleaned;
    }

    /**
     * Cleans {@code raw} as {@link #clean} does into {@code out}, growing its array if needed, and returns it: the
     * cleaned text is {@code out.chars[0, out.length)}. The scoring hot path tokenizes this array directly, with
     * no string per field.
     */
    CharRun cleanInto(String raw, CharRun out) {
        int n = raw == null ? 0 : raw.length();
        out.clear(n);
        if (n == 0) {
            return out;
        }
        if (isAlreadyClean(raw)) {
            raw.getChars(0, n, out.chars, 0);
            out.length = n;
            return out;
        }
        Scratch scratch = n <= Scratch.MAX_KEPT ? SCRATCH.get().fit(n) : new Scratch(n);
        char[] in = scratch.in;
        raw.getChars(0, n, in, 0); // one bulk copy: the loops below read an array, not charAt
        Output cleaned = new Output(out.chars);
        stripMarkup(raw, in, cleaned);
        out.length = cleaned.length;
        if (cleaned.sawNonAscii) {
            String normalised = normaliseNonAscii(new String(out.chars, 0, out.length));
            out.clear(normalised.length()); // NFKC can lengthen text ("\uFB03" is "ffi")
            normalised.getChars(0, normalised.length(), out.chars, 0);
            out.length = normalised.length();
        }
        return out;
    }

    /**
     * Whether {@code raw} is lower-case ASCII words separated by single spaces, which cleaning leaves as they are
     * (no markup, reference, URL, digit or case to change is possible with those characters).
     */
    private static boolean isAlreadyClean(String raw) {
        char previous = ' ';
        for (int i = 0, n = raw.length(); i < n; i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c == ' ' && previous != ' ')) {
                previous = c;
            } else {
                return false;
            }
        }
        return previous != ' '; // not empty, no space at either end
    }

    /** Tags, references and URLs; ASCII characters are lower-cased and spaced on the way out. */
    private static void stripMarkup(String raw, char[] in, Output out) {
        int n = raw.length();
        MarkupEnds markup = null; // made at the first '<'
        int i = 0;
        while (i < n) {
            char c = in[i];
            char lower = (char) (c | 0x20);
            if (lower >= 'a' && lower <= 'z') {
                // A run of ASCII letters, the bulk of most text. Only its first letter can start a URL.
                if (lower == 'h' || lower == 'w') {
                    int end = urlEnd(raw, i);
                    if (end > 0) {
                        out.space();
                        i = end;
                        continue;
                    }
                }
                int j = i + 1;
                while (j < n && isAsciiLetter(in[j])) {
                    j++;
                }
                out.asciiLetters(in, i, j);
                i = j;
                continue;
            }
            if (c == '<') {
                if (markup == null) {
                    markup = new MarkupEnds(raw);
                }
                int end = markup.end(i);
                if (end > 0) {
                    out.space();
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                long ref = HtmlEntities.decode(raw, i);
                if (ref >= 0) {
                    out.codePoint(HtmlEntities.codePoint(ref));
                    i = HtmlEntities.end(ref);
                    continue;
                }
            }
            out.add(c);
            i++;
        }
    }

    private static boolean isAsciiLetter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z';
    }

    /**
     * Where the markup (tag or comment) that a {@code <} starts ends, for one text read left to right; also used
     * by {@link PlainWords}, so that both drop exactly the same markup.
     */
    static final class MarkupEnds {
        private final String raw;
        // The next '>' found by the last search: positions only grow, so a found '>' stays valid until passed and
        // a failed search stays failed; a text full of '<' without '>' is then linear, not quadratic.
        private boolean searchedGt;
        private int nextGt = -1;

        MarkupEnds(String raw) {
            this.raw = raw;
        }

        /** For {@code <} at {@code i} (never less than at the last call): the end of its markup, or -1 if none. */
        int end(int i) {
            int end = tagEnd(raw, i);
            if (end == Integer.MAX_VALUE) { // an element: needs the next '>'
                if (!searchedGt || (nextGt >= 0 && nextGt < i + 2)) {
                    nextGt = raw.indexOf('>', i + 2);
                    searchedGt = true;
                }
                end = nextGt < 0 ? -1 : nextGt + 1;
            }
            return end;
        }
    }

    /**
     * For {@code <} at {@code i}: -1 if no tag starts here, the end of a comment, or {@link Integer#MAX_VALUE}
     * when an element or declaration starts here and ends at the next {@code >}.
     */
    private static int tagEnd(String raw, int i) {
        int n = raw.length();
        if (i + 1 >= n) {
            return -1;
        }
        char next = raw.charAt(i + 1);
        if (next == '!' && raw.startsWith("--", i + 2)) {
            int close = raw.indexOf("-->", i + 4);
            return close < 0 ? n : close + 3; // like browsers: an unclosed comment runs to the end
        }
        char lower = (char) (next | 0x20);
        boolean starts = (lower >= 'a' && lower <= 'z') || next == '/' || next == '!' || next == '?';
        return starts ? Integer.MAX_VALUE : -1; // "a < b" and "<3" stay text
    }

    /** The end of a URL starting at {@code i}, or -1 if none starts there. Also used by {@link PlainWords}. */
    static int urlEnd(String raw, int i) {
        // Only at a word start, so "awww.x" or "xhttp://" are not taken for URLs.
        if (i > 0 && Character.isLetterOrDigit(raw.charAt(i - 1))) {
            return -1;
        }
        int start = urlBodyStart(raw, i);
        if (start < 0) {
            return -1;
        }
        int n = raw.length();
        int j = start;
        while (j < n) {
            char c = raw.charAt(j);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || (c > 0x7F && isSpace(c))
                    || (c == '&' && raw.startsWith("&nbsp;", j))) {
                break;
            }
            j++;
        }
        return j;
    }

    /**
     * Where the URL body starts after {@code http://}, {@code https://} or {@code www.} (any case) at {@code i},
     * or -1. Compares ASCII by hand: this runs at every word starting with h or w, and the case-insensitive
     * {@code regionMatches} it replaces was a tenth of the scoring time.
     */
    private static int urlBodyStart(String raw, int i) {
        int n = raw.length();
        char first = (char) (raw.charAt(i) | 0x20);
        if (first == 'h') {
            if (i + 7 > n || lower(raw, i + 1) != 't' || lower(raw, i + 2) != 't' || lower(raw, i + 3) != 'p') {
                return -1;
            }
            int j = lower(raw, i + 4) == 's' ? i + 5 : i + 4;
            return j + 3 <= n && raw.charAt(j) == ':' && raw.charAt(j + 1) == '/' && raw.charAt(j + 2) == '/'
                    ? j + 3 : -1;
        }
        return i + 4 <= n && lower(raw, i + 1) == 'w' && lower(raw, i + 2) == 'w' && raw.charAt(i + 3) == '.'
                ? i + 4 : -1;
    }

    /** The character at {@code i}, ASCII letters lower-cased (anything else stays unequal to a-z). */
    private static char lower(String raw, int i) {
        char c = raw.charAt(i);
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }

    /** NFKC, lower case, then digits, whitespace and controls to single spaces (NFKC can create all three). */
    private static String normaliseNonAscii(String text) {
        String s = NfkcLowerCase.apply(text);
        int n = s.length();
        Output out = new Output(new char[n]);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.add(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                char low = s.charAt(++i);
                int cp = Character.toCodePoint(c, low);
                if (Character.isDigit(cp) || Character.isSpaceChar(cp)) {
                    out.space();
                } else {
                    out.put(c);
                    out.put(low);
                }
            } else if (c == SOFT_HYPHEN || c == BYTE_ORDER_MARK) {
                // invisible: drop without splitting the word
            } else if (Character.isDigit(c) || isSpace(c) || Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.space(); // a lone surrogate cannot be encoded; treat it as a break
            } else {
                out.put(c);
            }
        }
        return out.toTrimmedString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ZERO_WIDTH_SPACE;
    }

    /**
     * Per-thread buffers, reused across calls: the input copy, and the output of {@link #clean} (a caller of
     * {@link #cleanInto} brings its own). Cleaning allocated two arrays of the text's length per field, a third of
     * the bytes allocated per scored document. Texts over {@link #MAX_KEPT} chars get an input buffer of their
     * own, so that one enormous text does not stay in memory with the thread.
     */
    private static final class Scratch {
        static final int MAX_KEPT = 1 << 16;
        char[] in;
        final CharRun out = new CharRun();

        Scratch(int capacity) {
            in = new char[capacity];
        }

        Scratch fit(int length) {
            if (in.length < length) {
                in = new char[Math.min(MAX_KEPT, Math.max(length, 2 * in.length))];
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(1024));

    /** The output buffer; never longer than the input, since every step only shrinks the text. */
    private static final class Output {
        final char[] chars;
        int length;
        boolean pendingSpace; // a space is owed before the next character; leading and trailing ones are never paid
        boolean sawNonAscii;

        /** Writes into {@code chars}, which must be at least as long as the input. */
        Output(char[] chars) {
            this.chars = chars;
        }

        /** Adds a raw character: ASCII is lower-cased and spaced here, anything else is left for the second pass. */
        void add(char c) {
            if (c >= 'a' && c <= 'z') {
                put(c);
            } else if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    put((char) (c + ('a' - 'A')));
                } else if (c <= ' ' || c == 0x7F || (c >= '0' && c <= '9')) {
                    space();
                } else {
                    put(c);
                }
            } else {
                sawNonAscii = true;
                put(c);
            }
        }

        /** Appends {@code in[from, to)}, all ASCII letters, lower-cased. */
        void asciiLetters(char[] in, int from, int to) {
            if (pendingSpace) {
                pendingSpace = false;
                if (length > 0) {
                    chars[length++] = ' ';
                }
            }
            int at = length;
            for (int k = from; k < to; k++) {
                chars[at++] = (char) (in[k] | 0x20); // 'A'..'Z' | 0x20 = 'a'..'z'; 'a'..'z' unchanged
            }
            length = at;
        }

        void codePoint(int cp) {
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                add((char) cp);
            } else {
                sawNonAscii = true;
                put(Character.highSurrogate(cp));
                put(Character.lowSurrogate(cp));
            }
        }

        void put(char c) {
            if (pendingSpace) {
                pendingSpace = false;
                if (length > 0) {
                    chars[length++] = ' ';
                }
            }
            chars[length++] = c;
        }

        void space() {
            pendingSpace = true;
        }

        String toTrimmedString() {
            return new String(chars, 0, length);
        }
    }
}
