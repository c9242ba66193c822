package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class PredictionSerializerTest {

    @Test
    void roundTripsAPrediction() throws Exception {
        Prediction p = new Prediction("v1", List.of(new LabelScore("Drama", 0.93), new LabelScore("Comedy", 0.5)),
                "m-20250101", "2025-01-01T00:00:00Z");
        Prediction none = new Prediction("v2", List.of(), "m", "t");

        DataOutputSerializer out = new DataOutputSerializer(64);
        PredictionSerializer.INSTANCE.serialize(p, out);
        PredictionSerializer.INSTANCE.serialize(none, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

        assertThat(PredictionSerializer.INSTANCE.deserialize(in)).isEqualTo(p);
        assertThat(PredictionSerializer.INSTANCE.deserialize(in)).isEqualTo(none);
    }
}
