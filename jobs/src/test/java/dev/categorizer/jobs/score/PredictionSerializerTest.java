package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
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

    @Test
    void roundTripsAnExplainedPredictionAndReadsTheFirstFormatUnchanged() throws Exception {
        Prediction explained = new Prediction("v3", List.of(new LabelScore("War", 0.9), new LabelScore("Drama", 0.6)),
                "m", "t", Map.of("War", List.of(new Contribution("battle", "title", 2.5)), "Drama", List.of()));
        Prediction plain = new Prediction("v1", List.of(new LabelScore("Drama", 0.93)), "m", "t");

        DataOutputSerializer out = new DataOutputSerializer(64);
        PredictionSerializer.INSTANCE.serialize(explained, out);
        PredictionSerializer.INSTANCE.serialize(plain, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(PredictionSerializer.INSTANCE.deserialize(in)).isEqualTo(explained);
        assertThat(PredictionSerializer.INSTANCE.deserialize(in)).isEqualTo(plain);

        // the bytes of the first format, as the serializer before explanations wrote them
        DataOutputSerializer first = new DataOutputSerializer(64);
        StringValue.writeString("v1", first);
        first.writeInt(1);
        StringValue.writeString("Drama", first);
        first.writeDouble(0.93);
        StringValue.writeString("m", first);
        StringValue.writeString("t", first);
        DataOutputSerializer now = new DataOutputSerializer(64);
        PredictionSerializer.INSTANCE.serialize(plain, now);
        assertThat(now.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
    }
}
