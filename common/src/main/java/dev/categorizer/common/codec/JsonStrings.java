package dev.categorizer.common.codec;

/**
 * JSON string literals appended to a {@link StringBuilder}, character for character as Jackson's default generator
 * writes them: {@code "} and {@code \} escaped, the controls below U+0020 as {@code \b \t \n \f \r} or
 * a six-character Unicode escape (backslash, u, 00, two upper-case hex digits), everything else as it is (no escaping of non-ASCII or {@code /}). For encoders
 * on the hot path, where a Jackson generator per record costs more than the record's text; a test compares the
 * two on every character class.
 *
 * <pre>{@code
 * StringBuilder json = new StringBuilder("{\"id\":");
 * JsonStrings.append(json, id); // "a\"b" -> "a\"b" quoted and escaped; null -> null
 * }</pre>
 */
final class JsonStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Per ASCII character: 0 as it is, the short escape's letter, or 'u' for the six-character Unicode escape. */
    private static final char[] ESCAPES = new char[128];

    static {
        for (int c = 0; c < 0x20; c++) ESCAPES[c] = 'u';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private JsonStrings() {}

    /** Appends {@code value} as a JSON string literal, or {@code null}. */
    static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int n = value.length();
        int run = 0; // start of the characters not yet appended
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 128 && ESCAPES[c] != 0) {
                out.append(value, run, i);
                char escape = ESCAPES[c];
                out.append('\\');
                if (escape == 'u') {
                    out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(escape);
                }
                run = i + 1;
            }
        }
        out.append(value, run, n).append('"');
    }
}
