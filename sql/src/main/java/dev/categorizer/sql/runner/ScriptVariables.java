package dev.categorizer.sql.runner;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the placeholders of a script: {@code ${NAME}} by the value given for NAME (the runner's {@code -D
 * NAME=value}), {@code ${NAME:-default}} by that value or else the default. A placeholder with neither is an error
 * that lists every missing name before any statement runs.
 *
 * <pre>{@code
 * String sql = ScriptVariables.substitute("SELECT '${DATA_DIR:-data/sample}'", Map.of()); // SELECT 'data/sample'
 * }</pre>
 */
public final class ScriptVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::-([^}]*))?}");

    private ScriptVariables() {}

    public static String substitute(String text, Map<String, String> values) {
        Set<String> missing = missing(text, values);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The script uses " + String.join(", ", missing.stream()
                    .map(name -> "${" + name + "}").toList()) + " without a value or default: pass "
                    + String.join(" ", missing.stream().map(name -> "-D " + name + "=...").toList()) + ".");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String value = values.containsKey(m.group(1)) ? values.get(m.group(1)) : m.group(2);
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** The names of the placeholders in {@code text} that have neither a value nor a default. */
    public static Set<String> missing(String text, Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!values.containsKey(m.group(1)) && m.group(2) == null) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }
}
