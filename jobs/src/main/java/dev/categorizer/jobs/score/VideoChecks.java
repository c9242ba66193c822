package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Video;

/** Checks that a decoded video has text the model can score: some, and not an enormous amount. */
public final class VideoChecks {

    private VideoChecks() {}

    /** Why {@code video} cannot be scored, or {@code null} when it can. */
    public static String rejection(Video video, int maxTextChars) {
        long chars = textChars(video);
        if (chars > maxTextChars) {
            return "text too long: " + chars + " characters in title, description and tags, limit " + maxTextChars;
        }
        if (isBlank(video)) {
            return "empty text: title, description and tags are all empty";
        }
        return null;
    }

    /** The characters of {@code video}'s title, description and tags together. */
    public static long textChars(Video video) {
        long chars = (long) video.title().length() + video.description().length();
        for (String tag : video.tags()) {
            if (tag != null) chars += tag.length();
        }
        return chars;
    }

    private static boolean isBlank(Video video) {
        if (!video.title().isBlank() || !video.description().isBlank()) return false;
        for (String tag : video.tags()) {
            if (tag != null && !tag.isBlank()) return false;
        }
        return true;
    }
}
