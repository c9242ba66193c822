package dev.categorizer.common.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A location (path or URI) as it may be shown in messages, logs, job and operator names: the user info of a URI
 * ({@code s3://KEY:SECRET@bucket/...}, {@code kafka://user:pass@host:9092/topic}) and the values of query
 * parameters with a secret name ({@code ?token=...}, see {@link SecretKeys}) become {@value SecretKeys#REDACTED}.
 *
 * <pre>{@code
 * Locations.redact("s3://AKIA:abc@bucket/models/v1");  // "s3://******@bucket/models/v1"
 * Locations.redact("data/sample/test.jsonl");          // unchanged
 * }</pre>
 */
public final class Locations {

    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)@");
    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");

    private Locations() {}

    /** {@code location} without its credentials; null stays null. */
    public static String redact(String location) {
        if (location == null) return null;
        String shown = USER_INFO.matcher(location).replaceFirst("$1" + Matcher.quoteReplacement(SecretKeys.REDACTED) + "@");
        int query = shown.indexOf('?');
        if (query < 0) return shown;
        Matcher m = QUERY_PARAMETER.matcher(shown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.start() < query || !SecretKeys.isSecret(m.group(2)) ? m.group(3) : SecretKeys.REDACTED;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
