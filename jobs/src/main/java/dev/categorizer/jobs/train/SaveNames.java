package dev.categorizer.jobs.train;

/**
 * Names in a training run's state directory: {@code save-<round>/replica-<r>/} (a save after that many rounds,
 * one level per replica; the first replica's holds the shared weights) and {@code sync/<round>/replica-<r>} (a
 * replica's round delta).
 */
final class SaveNames {
    private static final String SAVE = "save-";

    private SaveNames() {}

    static String save(long round) {
        return SAVE + round;
    }

    static boolean isSave(String name) {
        return name.startsWith(SAVE);
    }

    static long round(String save) {
        return Long.parseLong(save.substring(SAVE.length()));
    }

    static String replica(String save, int replica) {
        return save + "/replica-" + replica;
    }

    static String state(String save, int replica) {
        return replica(save, replica) + "/state";
    }

    static String delta(long round, int replica) {
        return "sync/" + round + "/replica-" + replica;
    }

    static String deltas(long round) {
        return "sync/" + round;
    }
}
