package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.testutil.KafkaTestCluster;
import dev.categorizer.jobs.testutil.LogCapture;
import dev.categorizer.jobs.testutil.ModelFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential planted where it belongs (a Kafka properties file, a SQL {@code SET}) and then used for real
 * never shows in what {@code score} and {@code sql} print to standard output and error, nor in anything logged
 * meanwhile by this JVM (our code, Flink, the Kafka clients and the in-process broker, all at INFO).
 */
class SecretsNotPrintedITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    static KafkaTestCluster kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.withSaslPlain();
        kafka.createTopic("predictions", 1);
        kafka.createTopic("dead-letters", 1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) kafka.close();
    }

    @Test
    void scoreLogsInToKafkaWithTheFilesCredentialAndNeverShowsIt() throws Exception {
        String secret = "planted-" + UUID.randomUUID();
        // The broker's login, with the planted value as an extra option that PlainLoginModule ignores.
        String jaas = KafkaTestCluster.saslJaasConfig().replace(";", " planted=\"" + secret + "\";");
        Path properties = tmp.resolve("kafka-client.properties");
        Files.writeString(properties, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=" + jaas + "\n");
        List<Video> videos = ModelFixture.sampleTest(30);
        Path input = tmp.resolve("videos.jsonl");
        VideoJsonCodec codec = new VideoJsonCodec();
        Files.write(input, videos.stream().map(codec::encode).toList());
        String brokers = kafka.bootstrapServers();

        Printed printed = Printed.by(() -> CategorizerCli.run("score", "--model", ModelFixture.tinyModel().toString(),
                "--input", input.toString(), "--output", "kafka://" + brokers + "/predictions",
                "--dead-letter", "kafka://" + brokers + "/dead-letters", "--kafka-properties-file", properties.toString()));

        assertThat(printed.code).as(printed.all()).isZero();
        assertThat(printed.all()).doesNotContain(secret);
        assertThat(printed.stdout).contains("kafka client properties: {", "sasl.jaas.config=******",
                "security.protocol=SASL_PLAINTEXT");
        List<String> predictions = kafka.readCommitted("predictions", v -> !v.isEmpty(), Duration.ofMinutes(1),
                Duration.ofSeconds(1));
        assertThat(predictions).as("written with the file's login").isNotEmpty();
    }

    @Test
    void sqlNeverShowsASecretOptionSetByTheScript() throws Exception {
        String secret = "planted-" + UUID.randomUUID();
        Path script = tmp.resolve("secrets.sql");
        Files.writeString(script, String.join("\n",
                "SET 'execution.runtime-mode' = 'batch';",
                "SET 's3.secret-key' = '" + secret + "';",
                "CREATE TEMPORARY TABLE t (x INT) WITH ('connector' = 'datagen', 'password' = '" + secret + "');",
                "SHOW CREATE TABLE t;",
                // A job runs with the secret in its configuration.
                "CREATE TEMPORARY TABLE n (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');",
                "SELECT COUNT(*) AS rows_counted FROM n;",
                // Flink names a query's job after its text: a literal quoted like an option must not show there.
                "SELECT COUNT(*) AS same FROM n WHERE 'password' = '" + secret + "';",
                "CREATE CATALOG c WITH ('type' = 'no-such-catalog', 'token' = '" + secret + "');",
                ""));

        Printed printed = Printed.by(() -> CategorizerCli.run("sql", "--file", script.toString()));

        assertThat(printed.code).as(printed.all()).isEqualTo(1);
        assertThat(printed.all()).doesNotContain(secret);
        assertThat(printed.stdout).contains("[OK] SET 's3.secret-key' = '******'", "'password' = '******'",
                "rows_counted");
        assertThat(printed.stderr).contains("Statement at line 8 failed: CREATE CATALOG c WITH ('type' = "
                + "'no-such-catalog', 'token' = '******')");
    }

    /** A command's exit code, standard output and error, and what was logged while it ran. */
    private record Printed(int code, String stdout, String stderr, String log) {

        interface Command {
            int run() throws Exception;
        }

        static Printed by(Command command) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            int code;
            String log;
            try (LogCapture capture = LogCapture.start()) {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                try {
                    code = command.run();
                } finally {
                    System.setOut(originalOut);
                    System.setErr(originalErr);
                }
                log = capture.text();
            }
            Printed printed = new Printed(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    log);
            originalOut.print(printed.stdout); // into the failsafe report, for a failing run
            originalErr.print(printed.stderr);
            return printed;
        }

        String all() {
            return "stdout:\n" + stdout + "\nstderr:\n" + stderr + "\nlog:\n" + log;
        }
    }
}
