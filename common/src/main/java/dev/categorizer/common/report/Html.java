package dev.categorizer.common.report;

import java.util.Locale;

/**
 * Escaping and number formatting for the report's HTML and SVG. Every string that comes from data (category
 * names, model versions, file names) goes through {@link #escape} before it reaches the page, in text and in
 * attribute values alike.
 *
 * <pre>{@code
 * Html.escape("<script>alert(1)</script>"); // "&lt;script&gt;alert(1)&lt;/script&gt;"
 * Html.number(0.123456);                  // "0.1235"
 * }</pre>
 */
public final class Html {

    private Html() {}

    /** {@code text} with {@code & < > " '} replaced by entities: safe in element content and quoted attributes. */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newline are not allowed in XML (the SVG must parse).
                    if (c < 0x20 && c != '\t' && c != '\n') out.append('\uFFFD');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A metric with four decimals. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A coordinate with at most two decimals, the precision an SVG needs. */
    static String coordinate(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
