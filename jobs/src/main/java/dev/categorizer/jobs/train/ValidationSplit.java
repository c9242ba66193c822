package dev.categorizer.jobs.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides which training documents are held out for validation when no validation file is given: by a hash of
 * the seed and the document id, so the choice is the same on every run, machine and parallelism, and does not
 * depend on the order the documents were read in.
 */
final class ValidationSplit {

    private final long seed;
    private final double fraction;

    ValidationSplit(long seed, double fraction) {
        this.seed = seed;
        this.fraction = fraction;
    }

    boolean isValidation(String id) {
        return position(id) < fraction;
    }

    /** Where the id falls in [0, 1), uniformly. */
    double position(String id) {
        byte[] digest = sha256().digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return bits / (double) (1L << 56);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
