package dev.categorizer.cli.progress;

import java.util.Locale;

/**
 * The pieces of a progress line: a bar, counts, sizes and durations, formatted the same way everywhere.
 *
 * <pre>{@code
 * ProgressText.bar(0.25, 8)          // "[██░░░░░░]"
 * ProgressText.count(1234567)        // "1,234,567"
 * ProgressText.bytes(3_500_000_000L) // "3.3 GB"
 * ProgressText.duration(83_000)      // "1:23"
 * }</pre>
 */
public final class ProgressText {
    private ProgressText() {}

    /** A bar {@code width} cells wide, filled to {@code fraction} (clamped to 0..1). */
    public static String bar(double fraction, int width) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * width);
        return "[" + "█".repeat(filled) + "░".repeat(width - filled) + "]";
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    public static String duration(long millis) {
        long s = Math.max(0, Math.round(millis / 1000.0));
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Things per second, rounded to a whole number. */
    public static String rate(double perSecond) {
        return count(Math.round(perSecond));
    }
}
