package dev.categorizer.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class JsonRecordSerializerTest {

    @Test
    void writesPredictionsAsJsonKeyedByVideoId() {
        Prediction p = new Prediction("v1", List.of(new LabelScore("Drama", 0.9)), "m1", "2025-01-01T00:00:00Z");
        JsonRecordSerializer<Prediction> s =
                new JsonRecordSerializer<>("predictions", Prediction::id, PredictionJsonCodec::encode);

        ProducerRecord<byte[], byte[]> r = s.serialize(p, null, 42L);

        assertThat(r.topic()).isEqualTo("predictions");
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("v1");
        assertThat(PredictionJsonCodec.decode(new String(r.value(), StandardCharsets.UTF_8))).isEqualTo(p);
        assertThat(r.timestamp()).isEqualTo(42L);
    }

    @Test
    void writesDeadLettersWithoutKey() {
        DeadLetter d = new DeadLetter("{x", "malformed JSON", "2025-01-01T00:00:00Z");
        JsonRecordSerializer<DeadLetter> s =
                new JsonRecordSerializer<>("dlq", null, DeadLetterJsonCodec::encode);

        ProducerRecord<byte[], byte[]> r = s.serialize(d, null, null);

        assertThat(r.key()).isNull();
        assertThat(DeadLetterJsonCodec.decode(new String(r.value(), StandardCharsets.UTF_8))).isEqualTo(d);
    }
}
