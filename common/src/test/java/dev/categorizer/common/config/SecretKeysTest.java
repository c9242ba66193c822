package dev.categorizer.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // Kafka client properties
        "sasl.jaas.config, true",
        "properties.sasl.jaas.config, true",
        "ssl.key.password, true",
        "ssl.keystore.password, true",
        "ssl.truststore.password, true",
        "ssl.keystore.key, true",
        "sasl.oauthbearer.token.endpoint.url, false",
        "sasl.oauthbearer.client.credentials.client.secret, true",
        "sasl.oauthbearer.assertion.file, false",
        "sasl.login.callback.handler.class, false",
        "security.protocol, false",
        "sasl.mechanism, false",
        "bootstrap.servers, false",
        "ssl.keystore.location, false",
        "ssl.truststore.location, false",
        "ssl.keystore.type, false",
        "ssl.keymanager.algorithm, false",
        "sasl.kerberos.keytab, false",
        "key.serializer, false",
        "key.deserializer, false",
        "properties.key.deserializer, false",
        "key.fields, false",
        "key.format, false",
        "key.json.ignore-parse-errors, false",
        "config.providers, false",
        "config.providers.env.class, false",
        // object storage and Flink options
        "s3.secret-key, true",
        "s3.access-key, true",
        "s3.access.key, true",
        "fs.s3a.secret.key, true",
        "fs.s3a.access.key, true",
        "fs.azure.account.key.myaccount.blob.core.windows.net, true",
        "fs.azure.sas.token, true",
        "gs.auth.client.secret, true",
        "api-key, true",
        "x-api-key, true",
        "apiKey, true",
        "private-key, true",
        "metrics.reporter.prom.http-headers, true",
        "aws.credentials.provider.basic.secretkey, true",
        "security.delegation.tokens.enabled, false",
        "s3.endpoint, false",
        "execution.runtime-mode, false",
        "table.exec.sink.keyed-shuffle, false",
        "PASSWORD, true",
        "Client.Secret, true",
    })
    void tellsSecretKeysFromOthers(String key, boolean secret) {
        assertThat(SecretKeys.isSecret(key)).isEqualTo(secret);
    }

    @Test
    void redactsSecretValuesOnly() {
        assertThat(SecretKeys.redact("s3.secret-key", "abc123")).isEqualTo("******");
        assertThat(SecretKeys.redact("security.protocol", "SASL_SSL")).isEqualTo("SASL_SSL");
        assertThat(SecretKeys.redact("sasl.jaas.config", null)).isNull();
        assertThat(SecretKeys.redact("schema.registry.url", "https://u:p@registry:8081"))
                .isEqualTo("https://******@registry:8081");
        assertThat(SecretKeys.isSecret(null)).isFalse();
    }

    @Test
    void keepsConfigProviderReferencesWhichAreNotSecret() {
        assertThat(SecretKeys.redact("sasl.jaas.config", "${env:KAFKA_SASL_JAAS_CONFIG}"))
                .isEqualTo("${env:KAFKA_SASL_JAAS_CONFIG}");
        assertThat(SecretKeys.redact("sasl.jaas.config", "${file:/etc/kafka/client.properties:sasl.jaas.config}"))
                .isEqualTo("${file:/etc/kafka/client.properties:sasl.jaas.config}");
        assertThat(SecretKeys.redact("ssl.key.password", "x${env:A}")).isEqualTo("******");
        assertThat(SecretKeys.redact("ssl.key.password", "${env:A} ${env:B}")).isEqualTo("******");
    }

    @Test
    void redactsAMapKeepingItsOrder() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.jaas.config", "PlainLoginModule required password=\"p\";");
        props.put("ssl.truststore.location", "/etc/ts.p12");

        assertThat(SecretKeys.redactAll(props)).containsExactly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.jaas.config", "******"),
                Map.entry("ssl.truststore.location", "/etc/ts.p12"));
    }
}
