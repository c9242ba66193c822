package dev.categorizer.common.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed settings from a {@code Map<String,String>} (as stored in a model manifest), rejecting unknown keys
 * and malformed values with an {@link IllegalArgumentException} that names the owner, the key and the value.
 *
 * <pre>{@code
 * SettingsReader in = SettingsReader.of("TextConfig", map, Set.of("bigrams", "min_token_length"));
 * boolean bigrams = in.bool("bigrams", false);
 * int minLength = in.integer("min_token_length", 2);
 * }</pre>
 */
public final class SettingsReader {

    private final String owner;
    private final Map<String, String> settings;

    private SettingsReader(String owner, Map<String, String> settings) {
        this.owner = owner;
        this.settings = settings;
    }

    /** Checks that {@code settings} only holds {@code knownKeys}; a typo must not silently fall back to a default. */
    public static SettingsReader of(String owner, Map<String, String> settings, Set<String> knownKeys) {
        Objects.requireNonNull(settings, owner + " settings");
        for (String key : settings.keySet()) {
            if (!knownKeys.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown " + owner + " key '" + key + "' (known keys: " + String.join(", ", new TreeSet<>(knownKeys)) + ")");
            }
        }
        return new SettingsReader(owner, settings);
    }

    public String string(String key, String defaultValue) {
        String value = settings.get(key);
        return value == null ? defaultValue : value;
    }

    /** Accepts exactly {@code true} or {@code false} (any case); "yes" or "1" are rejected rather than guessed. */
    public boolean bool(String key, boolean defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw invalid(key, value, "true or false");
    }

    public int integer(String key, int defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    public long longInteger(String key, long defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    public double decimal(String key, double defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d)) {
                throw invalid(key, value, "a number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a number");
        }
    }

    /** Matches the enum constant name ignoring case. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw invalid(key, value, "one of " + names);
    }

    private IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(owner + " key '" + key + "' must be " + expected + ", got '" + value + "'");
    }
}
