package dev.categorizer.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.jobs.kafka.KafkaEndpoint;
import org.junit.jupiter.api.Test;

class OutputSpecTest {

    @Test
    void infersTheFileFormatFromTheExtension() {
        assertThat(OutputSpec.parse("out/predictions.parquet", null, null).format()).isEqualTo(OutputSpec.Format.PARQUET);
        assertThat(OutputSpec.parse("s3://b/p.PARQUET/", null, null).format()).isEqualTo(OutputSpec.Format.PARQUET);
        assertThat(OutputSpec.parse("out/predictions", null, null).format()).isEqualTo(OutputSpec.Format.JSON_LINES);
        assertThat(OutputSpec.parse("out/predictions", "parquet", null).format()).isEqualTo(OutputSpec.Format.PARQUET);
    }

    @Test
    void readsKafkaLocations() {
        OutputSpec spec = OutputSpec.parse("kafka:predictions", null, "b:9092");
        assertThat(spec.format()).isEqualTo(OutputSpec.Format.KAFKA);
        assertThat(spec.kafka()).isEqualTo(new KafkaEndpoint("b:9092", "predictions"));
        assertThatThrownBy(() -> OutputSpec.parse("kafka:predictions", "parquet", "b:9092"))
                .hasMessageContaining("Kafka outputs are JSON");
        assertThatThrownBy(() -> OutputSpec.parse("out", "csv", null)).hasMessageContaining("unknown output format");
    }

    @Test
    void putsDefaultDeadLettersNextToTheOutput() {
        assertThat(OutputSpec.parse("out/predictions.parquet", null, null).defaultDeadLetters())
                .isEqualTo(new OutputSpec(OutputSpec.Format.JSON_LINES, "out/predictions-dead-letters", null));
        assertThat(OutputSpec.parse("out/predictions/", null, null).defaultDeadLetters().path())
                .isEqualTo("out/predictions-dead-letters");
        assertThat(OutputSpec.parse("kafka://b:9092/predictions", null, null).defaultDeadLetters().kafka())
                .isEqualTo(new KafkaEndpoint("b:9092", "predictions-dead-letters"));
    }

    @Test
    void showsNoUserInfo() {
        assertThat(OutputSpec.parse("s3://AKIA:hunter2@bucket/out", null, null))
                .hasToString("s3://******@bucket/out (json_lines)");
    }
}
