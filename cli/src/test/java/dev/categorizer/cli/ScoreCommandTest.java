package dev.categorizer.cli;

import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.jobs.score.VideoInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.jobs.kafka.KafkaSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {

    private static ScoreCommand parse(String... args) {
        ScoreCommand command = new ScoreCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void passesKafkaPropertiesThroughWithTheFileFirst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/etc/ts.jks\n");
        ScoreCommand c = parse("--model", "m", "--output", "kafka://b:9092/out", "--kafka-topic", "in",
                "--kafka-bootstrap", "b:9092", "--kafka-properties-file", file.toString(),
                "--kafka-property", "security.protocol=SASL_SSL", "--kafka-property", "sasl.mechanism=PLAIN",
                "--delivery-guarantee", "at-least-once", "--kafka-group-id", "g1",
                "--kafka-starting-offsets", "latest", "--transactional-id-prefix", "tx");

        KafkaSettings s = c.kafkaSettings();

        assertThat(s.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.location", "/etc/ts.jks");
        assertThat(s.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.groupId()).isEqualTo("g1");
        assertThat(s.startingOffsets()).isEqualTo("latest");
        assertThat(s.transactionalIdPrefix()).isEqualTo("tx");
    }

    @Test
    void defaultsToExactlyOnceLargeBatchesFromFilesAndSmallOnesFromKafka() throws Exception {
        ScoreCommand c = parse("--model", "m", "--input", "in.jsonl", "--output", "out");
        assertThat(c.kafkaSettings().deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(c.scoringOptions(VideoInput.parse("in.jsonl", null, null)).batchSize()).isEqualTo(4096);
        assertThat(c.scoringOptions(VideoInput.parse("kafka://k:9092/videos", null, null)).batchSize()).isEqualTo(64);
        assertThat(parse("--model", "m", "--input", "in.jsonl", "--output", "out", "--batch-size", "32")
                .scoringOptions(VideoInput.parse("kafka://k:9092/videos", null, null)).batchSize()).isEqualTo(32);
        assertThat(c.batchTimeout).isEqualTo("50ms");
        assertThat(c.restartAttempts).isEqualTo(3);
        assertThat(c.restartDelay).isEqualTo("10s");
        assertThatThrownBy(() -> ScoreCommand.guarantee("twice")).hasMessageContaining("unknown delivery guarantee");
    }

    @Test
    void readsInferenceThreadsAsAutoOrACount() {
        VideoInput files = VideoInput.parse("in.jsonl", null, null);
        assertThat(parse("--model", "m", "--input", "in.jsonl", "--output", "out")
                .scoringOptions(files).inferenceThreads()).isEqualTo(ScoringOptions.AUTO_INFERENCE_THREADS);
        assertThat(parse("--model", "m", "--input", "in.jsonl", "--output", "out", "--inference-threads", "0")
                .scoringOptions(files).inferenceThreads()).isZero();
        assertThat(parse("--model", "m", "--input", "in.jsonl", "--output", "out", "--inference-threads", "AUTO")
                .scoringOptions(files).inferenceThreads()).isEqualTo(ScoringOptions.AUTO_INFERENCE_THREADS);
        assertThatThrownBy(() -> parse("--model", "m", "--input", "in.jsonl", "--output", "out",
                "--inference-threads", "-3"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("not a thread count");
    }

    @Test
    void refusesAMissingModel() {
        assertThatThrownBy(() -> parse("--input", "in", "--output", "out"))
                .isInstanceOf(CommandLine.MissingParameterException.class);
    }

    @Test
    void refusesACredentialOnTheCommandLineWithoutEchoingIt() {
        ScoreCommand c = parse("--model", "m", "--input", "in.jsonl", "--output", "out",
                "--kafka-property", "sasl.jaas.config=PlainLoginModule required password=\"hunter2\";");

        assertThatThrownBy(c::kafkaSettings)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--kafka-property sasl.jaas.config is a credential")
                .hasMessageContaining("--kafka-properties-file")
                .hasMessageContaining("config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        for (String kv : new String[] {"ssl.key.password=k", "ssl.truststore.password=t", "s3.secret-key=s"}) {
            assertThatThrownBy(parse("--model", "m", "--input", "in", "--output", "out", "--kafka-property", kv)::kafkaSettings)
                    .as(kv).hasMessageContaining("is a credential");
        }
    }

    @Test
    void acceptsConfigProviderReferencesAndCredentialsFromTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "ssl.truststore.password=from-the-file\n");
        ScoreCommand c = parse("--model", "m", "--input", "in.jsonl", "--output", "out",
                "--kafka-properties-file", file.toString(),
                "--kafka-property", "sasl.jaas.config=${env:KAFKA_SASL_JAAS_CONFIG}",
                "--kafka-property", "config.providers=env");

        KafkaSettings s = c.kafkaSettings();

        assertThat(s.properties()).containsEntry("sasl.jaas.config", "${env:KAFKA_SASL_JAAS_CONFIG}")
                .containsEntry("ssl.truststore.password", "from-the-file");
        assertThat(s.shownProperties()).containsEntry("ssl.truststore.password", "******")
                .containsEntry("sasl.jaas.config", "${env:KAFKA_SASL_JAAS_CONFIG}");
        assertThat(s.toString()).doesNotContain("from-the-file");
    }

    @Test
    void helpShowsHowToPassCredentials() {
        String help = new CommandLine(new ScoreCommand()).getUsageMessage();
        assertThat(help.replaceAll("\\s+", "")) // picocli wraps lines after dots
                .contains("--kafka-properties-file")
                .contains("sasl.jaas.config=${env:KAFKA_SASL_JAAS_CONFIG}")
                .contains("org.apache.kafka.automatic.config.providers")
                .doesNotContain("sasl.jaas.config=...");
    }

    @Test
    void saysWhyInOneLineOnStandardError() {
        String[][] refused = {
            {"--kafka-property", "ssl.keystore.password=hunter2", "--output", "out"},
            {"--output", "kafka://scorer:hunter2@b:9092/predictions"},
        };
        for (String[] options : refused) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream original = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                List<String> args = new ArrayList<>(List.of("score", "--model", "m", "--input", "in.jsonl"));
                args.addAll(List.of(options));
                code = CategorizerCli.run(args.toArray(String[]::new));
            } finally {
                System.setErr(original);
            }
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(message).isEqualTo(2);
            assertThat(message).startsWith("categorizer score: ").containsOnlyOnce("\n").doesNotContain("hunter2")
                    .containsAnyOf("is a credential", "cannot carry credentials");
        }
    }
}
