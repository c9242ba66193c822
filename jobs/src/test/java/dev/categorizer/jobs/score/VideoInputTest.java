package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.jobs.kafka.KafkaEndpoint;
import org.junit.jupiter.api.Test;

class VideoInputTest {

    @Test
    void filesAreBoundedTopicsAreNot() {
        VideoInput files = VideoInput.parse("s3://bucket/videos/", null, null);
        assertThat(files.isBounded()).isTrue();
        assertThat(files.path()).isEqualTo("s3://bucket/videos/");

        VideoInput uri = VideoInput.parse("kafka://b:9092/videos", null, null);
        assertThat(uri.isBounded()).isFalse();
        assertThat(uri.kafka()).isEqualTo(new KafkaEndpoint("b:9092", "videos"));

        assertThat(VideoInput.parse(null, "videos", "b:9092").kafka()).isEqualTo(new KafkaEndpoint("b:9092", "videos"));
    }

    @Test
    void needsExactlyOneInput() {
        assertThatThrownBy(() -> VideoInput.parse(null, null, null)).hasMessageContaining("no input");
        assertThatThrownBy(() -> VideoInput.parse("in.jsonl", "videos", "b:9092")).hasMessageContaining("not both");
        assertThatThrownBy(() -> VideoInput.parse(null, "videos", null)).hasMessageContaining("--kafka-bootstrap");
    }

    @Test
    void showsNoUserInfo() {
        VideoInput files = VideoInput.parse("s3://AKIA:hunter2@bucket/videos/", null, null);
        assertThat(files).hasToString("s3://******@bucket/videos/");
        assertThat(files.path()).isEqualTo("s3://AKIA:hunter2@bucket/videos/");
    }
}
