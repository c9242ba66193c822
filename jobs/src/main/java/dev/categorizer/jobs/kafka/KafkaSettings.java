package dev.categorizer.jobs.kafka;

import dev.categorizer.common.config.SecretKeys;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * How the jobs talk to Kafka, shared by the video source and the output sinks: the consumer group and starting
 * offsets of the source, the delivery guarantee and transactional id prefix of the sinks, and client properties
 * passed through to every Kafka client as they are (security settings such as {@code security.protocol},
 * {@code sasl.jaas.config} or {@code ssl.truststore.location} included). {@link #toString()} and
 * {@link #shownProperties()} redact the credentials among them (see {@link SecretKeys}).
 *
 * <pre>{@code
 * KafkaSettings kafka = KafkaSettings.builder()
 *         .groupId("categorizer-score")
 *         .startingOffsets("committed")
 *         .property("security.protocol", "SASL_SSL")
 *         .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .build();
 * }</pre>
 */
public record KafkaSettings(
        String groupId,
        String startingOffsets,
        DeliveryGuarantee deliveryGuarantee,
        String transactionalIdPrefix,
        Map<String, String> properties)
        implements Serializable {

    public static final String DEFAULT_GROUP_ID = "categorizer-score";
    /**
     * The prefix before issue 12, when every job had the same one. Not a default any more: with no prefix set,
     * each sink derives its own ({@link #transactionalIdPrefixFor}); give this one to upgrade a job that ran with it
     * from a savepoint without leaving its open transactions to time out.
     */
    public static final String LEGACY_TRANSACTIONAL_ID_PREFIX = "categorizer-score";
    /** The broker's default {@code transaction.max.timeout.ms}; Kafka refuses producers asking for more. */
    static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "900000";

    public KafkaSettings {
        properties = Map.copyOf(properties);
        StartingOffsets.parse(startingOffsets); // fail early on a bad value
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The pass-through client properties as a {@link Properties}. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The client properties as they may be printed: credentials are {@value SecretKeys#REDACTED}. */
    public Map<String, String> shownProperties() {
        return SecretKeys.redactAll(new TreeMap<>(properties));
    }

    @Override
    public String toString() {
        return "KafkaSettings[groupId=" + groupId + ", startingOffsets=" + startingOffsets + ", deliveryGuarantee="
                + deliveryGuarantee + ", transactionalIdPrefix=" + transactionalIdPrefix + ", properties="
                + shownProperties() + "]";
    }

    /**
     * The transactional id prefix of the exactly-once sink that writes {@code purpose} records to {@code output}:
     * the one set, or, by default, one derived from the consumer group and the output, so that two jobs on one
     * Kafka cluster never share transactional ids (a producer that takes another's id fences it: its commits fail
     * and the job restarts in a loop), while the same job keeps its ids across restarts and upgrades.
     */
    public String transactionalIdPrefixFor(KafkaEndpoint output, String purpose) {
        if (transactionalIdPrefix != null && !transactionalIdPrefix.isBlank()) {
            return transactionalIdPrefix + "-" + purpose;
        }
        String identity = groupId + "\n" + output.bootstrapServers() + "\n" + output.topic();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "categorizer-" + purpose + "-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a {@code key=value} client property as given on the command line. */
    public static Map.Entry<String, String> parseProperty(String keyValue) {
        int eq = keyValue.indexOf('=');
        // Not echoed: without its '=' the text may be a credential on its own.
        if (eq <= 0) throw new IllegalArgumentException("expected key=value, got text without a key and '='");
        return Map.entry(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1));
    }

    /** Builder of {@link KafkaSettings}, starting from the defaults. */
    public static final class Builder {
        private String groupId = DEFAULT_GROUP_ID;
        private String startingOffsets = "committed";
        private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.EXACTLY_ONCE;
        private String transactionalIdPrefix; // null: derived per sink
        private final Map<String, String> properties = new LinkedHashMap<>();

        public Builder groupId(String v) {
            groupId = v;
            return this;
        }

        public Builder startingOffsets(String v) {
            startingOffsets = v;
            return this;
        }

        public Builder deliveryGuarantee(DeliveryGuarantee v) {
            deliveryGuarantee = v;
            return this;
        }

        public Builder transactionalIdPrefix(String v) {
            transactionalIdPrefix = v;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> v) {
            properties.putAll(v);
            return this;
        }

        public KafkaSettings build() {
            return new KafkaSettings(groupId, startingOffsets, deliveryGuarantee, transactionalIdPrefix, properties);
        }
    }
}
