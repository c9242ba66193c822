package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.categorizer.cli.CategorizerCli;
import dev.categorizer.jobs.kafka.KafkaEndpoint;
import java.util.List;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The rendered job entry class and arguments are the ones the job jar's own command line accepts. */
class JobCommandLineTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void entryClassIsTheJobsCommandLine(Variant variant) {
        String entryClass = variant.render().entryClass();

        assertThat(entryClass).isEqualTo(CategorizerCli.class.getName());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void jobCommandLineParsesTheRenderedArguments(Variant variant) {
        List<String> args = variant.render().args();

        assertThatCode(() -> parse(args)).as("picocli on %s", args).doesNotThrowAnyException();
        ParseResult parsed = parse(args);
        assertThat(parsed.subcommand()).isNotNull();
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(variant.mode());
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = "TRAIN", mode = EnumSource.Mode.EXCLUDE)
    void scorerReadsAndWritesTheConfiguredTopics(Variant variant) {
        RenderedChart chart = variant.render();

        assertThat(chart.arg("--input")).matches("kafka://[^/]+/.+");
        assertThat(chart.arg("--output")).matches("kafka://[^/]+/.+");
        assertThat(chart.arg("--dead-letter")).matches("kafka://[^/]+/.+");
        assertThat(chart.arg("--input")).isNotEqualTo(chart.arg("--output")).isNotEqualTo(chart.arg("--dead-letter"));
        assertThat(chart.arg("--model")).isNotBlank();
        for (String option : List.of("--input", "--output", "--dead-letter")) {
            KafkaEndpoint endpoint = KafkaEndpoint.parse(chart.arg(option), chart.arg("--kafka-bootstrap"));
            assertThat(endpoint.bootstrapServers()).as(option).isEqualTo(chart.arg("--kafka-bootstrap"));
        }
        if (chart.arg("--batch-timeout") != null) {
            assertThat(TimeUtils.parseDuration(chart.arg("--batch-timeout"))).isPositive();
        }
        assertThat(TimeUtils.parseDuration(chart.flinkConfiguration().get("execution.checkpointing.interval")))
                .isPositive();
    }

    @Test
    void defaultScorerTopicsAndModelComeFromValues() {
        RenderedChart chart = ChartRenderer.defaults()
                .set("kafka.bootstrapServers", "broker-1:9092,broker-2:9092")
                .set("kafka.inputTopic", "in")
                .set("kafka.outputTopic", "out")
                .set("kafka.deadLetterTopic", "dlq")
                .set("model.path", "gs://models/v7")
                .render();

        assertThat(chart.args()).startsWith("score");
        assertThat(chart.arg("--input")).isEqualTo("kafka://broker-1:9092,broker-2:9092/in");
        assertThat(chart.arg("--output")).isEqualTo("kafka://broker-1:9092,broker-2:9092/out");
        assertThat(chart.arg("--dead-letter")).isEqualTo("kafka://broker-1:9092,broker-2:9092/dlq");
        assertThat(chart.arg("--kafka-bootstrap")).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(chart.arg("--model")).isEqualTo("gs://models/v7");
    }

    @Test
    void scorerPassesInferenceThreadsOnlyWhenSet() {
        assertThat(ChartRenderer.defaults().render().arg("--inference-threads")).isNull();
        RenderedChart chart = ChartRenderer.defaults().set("score.inferenceThreads", "0").render();

        assertThat(chart.arg("--inference-threads")).isEqualTo("0");
        assertThatCode(() -> parse(chart.args())).doesNotThrowAnyException();
    }

    @Test
    void trainingPassesOnlyTheOptionsThatAreSet() {
        RenderedChart chart = ChartRenderer.forVariant(Variant.TRAIN).render();
        RenderedChart minimal = ChartRenderer.defaults().set("mode", "train").render();

        assertThat(chart.args()).startsWith("train");
        assertThat(chart.arg("--train")).isEqualTo("s3://my-bucket/categorizer/data/train.jsonl");
        assertThat(chart.arg("--work-dir")).isEqualTo("s3://my-bucket/categorizer/work");
        assertThat(chart.arg("--parallelism")).isEqualTo("2");
        assertThat(chart.arg("--model")).isEqualTo("s3://my-bucket/categorizer/models/2026-01-01");
        assertThat(chart.arg("--epochs")).isEqualTo("10");
        assertThat(chart.arg("--learning-rate")).isEqualTo("0.001");
        assertThat(chart.arg("--tokenizer")).isEqualTo("simple");
        assertThat(chart.args()).contains("--bigrams");
        assertThat(minimal.args()).containsExactly(
                "train", "--train", "s3://my-bucket/categorizer/data/train",
                "--model", "s3://my-bucket/categorizer/models/current",
                "--work-dir", "s3://my-bucket/categorizer/work", "--parallelism", "2");
    }

    private static ParseResult parse(List<String> args) {
        return new CommandLine(new CategorizerCli()).parseArgs(args.toArray(String[]::new));
    }
}
