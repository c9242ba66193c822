package dev.categorizer.sql.runner;

import dev.categorizer.common.config.SecretKeys;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials of a script, and text with them hidden: what the runner prints or throws goes through
 * {@link #scrub(String)}. A credential is the value of an option whose key is secret by {@link SecretKeys}, in
 * a {@code SET} statement, a {@code WITH (...)} clause of a table, catalog or model, or the initial options.
 * Scrubbing redacts such {@code 'key' = 'value'} pairs and, for messages that quote a value without its key
 * (Flink's own errors may), every known credential of at least {@value #SHORTEST} characters.
 *
 * <pre>{@code
 * SecretValues secrets = new SecretValues();
 * secrets.learn("CREATE TABLE t (x INT) WITH ('s3.secret-key' = 'abc123', 'path' = 's3://b/t')");
 * secrets.scrub("WITH ('s3.secret-key' = 'abc123')");  // "WITH ('s3.secret-key' = '******')"
 * secrets.scrub("bad value abc123");                   // "bad value ******"
 * SecretValues.secretKeys("SET 's3.secret-key' = 'abc123'"); // [s3.secret-key]
 * }</pre>
 */
public final class SecretValues {

    /** Shorter values would also hide ordinary words and numbers of the messages. */
    static final int SHORTEST = 4;

    /** 'key' = 'value' with '' for a quote inside; written without backtracking, for Flink's long plan dumps. */
    private static final Pattern QUOTED_OPTION =
            Pattern.compile("'([^']*+(?:''[^']*+)*+)'(\\s*+=\\s*+)'([^']*+(?:''[^']*+)*+)'");
    /** The SQL client's older unquoted form, which Flink's parser refuses (echoing it). */
    private static final Pattern UNQUOTED_SET = Pattern.compile("(?is)^\\s*SET\\s+([^\\s=']+)\\s*=\\s*(.*?)\\s*$");

    // Longest first, so that a credential containing another is hidden whole.
    private final Set<String> values =
            new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    /** The keys of the credentials that {@code sql} gives a value, in their order (for the command line to refuse). */
    public static Set<String> secretKeys(String sql) {
        Set<String> keys = new LinkedHashSet<>();
        for (Statement s : StatementSplitter.split(sql)) {
            String statement = s.sql();
            Matcher m = QUOTED_OPTION.matcher(statement);
            while (m.find()) {
                if (SecretKeys.isSecret(unquote(m.group(1)))) keys.add(unquote(m.group(1)));
            }
            Matcher set = UNQUOTED_SET.matcher(statement);
            if (set.matches() && SecretKeys.isSecret(set.group(1))) keys.add(set.group(1));
        }
        return keys;
    }

    /** Remembers the credentials of one statement. */
    void learn(String sql) {
        Matcher m = QUOTED_OPTION.matcher(sql);
        while (m.find()) {
            remember(unquote(m.group(1)), m.group(3));
        }
        Matcher set = UNQUOTED_SET.matcher(sql);
        if (set.matches()) remember(set.group(1), set.group(2));
    }

    /** Remembers the credentials among {@code options} (the runner's initial Flink options). */
    void learn(Map<String, String> options) {
        options.forEach(this::remember);
    }

    /** {@code text} with the credentials it shows replaced by {@value SecretKeys#REDACTED}. */
    String scrub(String text) {
        if (text == null) return null;
        Matcher m = QUOTED_OPTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = SecretKeys.isSecret(unquote(m.group(1))) ? SecretKeys.REDACTED : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement("'" + m.group(1) + "'" + m.group(2) + "'" + value + "'"));
        }
        m.appendTail(out);
        String scrubbed = out.toString();
        for (String value : values) {
            scrubbed = scrubbed.replace(value, SecretKeys.REDACTED);
        }
        return scrubbed;
    }

    private void remember(String key, String value) {
        if (!SecretKeys.isSecret(key) || value == null) return;
        // As written in the script ('' for ') and as Flink shows it after parsing.
        for (String v : new String[] {value, unquote(value)}) {
            if (v.strip().length() >= SHORTEST) values.add(v);
        }
    }

    private static String unquote(String sqlString) {
        return sqlString.replace("''", "'");
    }
}
