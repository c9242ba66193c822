package dev.categorizer.common.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for which configuration keys hold credentials (Kafka client properties, Flink options, SQL table
 * and catalog options), and their values as they may be shown: {@value #REDACTED}.
 *
 * <p>A key is secret when, ignoring case, it contains {@code password}, {@code passwd}, {@code secret},
 * {@code token}, {@code jaas}, {@code credential}, {@code auth-params}, {@code basic-auth} or
 * {@code http-headers}, or has a "key" word: {@code s3.access-key}, {@code api-key}, {@code apiKey},
 * {@code fs.azure.account.key.NAME}, {@code ssl.keystore.key}. Not secret: a message key at the start
 * ({@code key.serializer}, {@code key.fields}, {@code properties.key.deserializer}), words that only begin with "key"
 * ({@code ssl.keystore.type}, {@code sasl.kerberos.keytab}), and keys naming where or what a secret is rather
 * than the secret itself (last word {@code location}, {@code path}, {@code file}, {@code url}, {@code type} or
 * {@code enabled}: {@code ssl.keystore.location}, {@code sasl.oauthbearer.token.endpoint.url}). A whole Kafka config-provider reference such as
 * {@code ${env:KAFKA_SASL_JAAS_CONFIG}} is not a secret either and is shown as it is.
 *
 * <pre>{@code
 * SecretKeys.isSecret("sasl.jaas.config");             // true
 * SecretKeys.isSecret("key.serializer");               // false
 * SecretKeys.redact("s3.secret-key", "abc123");         // "******"
 * SecretKeys.redact("security.protocol", "SASL_SSL");  // "SASL_SSL"
 * SecretKeys.redact("schema.registry.url", "https://u:p@registry:8081"); // "https://******@registry:8081"
 * }</pre>
 */
public final class SecretKeys {

    /** What a secret value is shown as. */
    public static final String REDACTED = "******";

    private static final String[] SECRET_PARTS = {
        "password", "passwd", "secret", "token", "jaas", "credential", "auth-params", "basic-auth", "http-headers"
    };
    private static final Set<String> NOT_THE_SECRET_ITSELF = Set.of("location", "path", "file", "url", "type", "enabled");
    private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");
    /** Kafka's variable syntax, resolved by the client from a config provider: ${provider:[path:]key}. */
    private static final Pattern CONFIG_REFERENCE = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:[^}]*}");

    private SecretKeys() {}

    /** Whether {@code key} names a credential; null is not. */
    public static boolean isSecret(String key) {
        if (key == null) return false;
        String k = key.toLowerCase(Locale.ROOT).strip();
        String[] words = WORDS.split(k);
        if (words.length == 0 || NOT_THE_SECRET_ITSELF.contains(words[words.length - 1])) return false;
        for (String part : SECRET_PARTS) {
            if (k.contains(part)) return true;
        }
        for (int i = 0; i < words.length; i++) {
            // Kafka's and Flink SQL's message key: key.serializer, key.fields, properties.key.deserializer.
            boolean messageKey = words[i].equals("key") && (i == 0 || i == 1 && words[0].equals("properties"));
            if (!messageKey && words[i].endsWith("key")) return true;
        }
        return false;
    }

    /**
     * {@code value} as it may be shown: {@value #REDACTED} when {@code key} is secret (a config-provider reference
     * is kept), else the value with the user info of a URI hidden ({@link Locations}).
     */
    public static String redact(String key, String value) {
        if (value == null || isConfigReference(value)) return value;
        return isSecret(key) ? REDACTED : Locations.redact(value);
    }

    /** A copy of {@code settings}, in their order, with the secret values redacted. */
    public static Map<String, String> redactAll(Map<String, String> settings) {
        Map<String, String> shown = new LinkedHashMap<>();
        settings.forEach((k, v) -> shown.put(k, redact(k, v)));
        return shown;
    }

    /** Whether {@code value} is one whole Kafka config-provider reference such as {@code ${env:NAME}}. */
    public static boolean isConfigReference(String value) {
        return value != null && CONFIG_REFERENCE.matcher(value.strip()).matches();
    }
}
