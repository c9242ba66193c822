package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.jobs.evaluate.EvaluationOutcome;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The records the jobs ship between tasks are Flink POJOs (no Kryo fallback) and survive a round trip. */
class FlinkTypesTest {

    @Test
    void deadLettersAreSerializedAsPojos() throws Exception {
        DeadLetter d = new DeadLetter("{bad", "malformed JSON", "2025-01-01T00:00:00Z");
        assertThat(roundTrip(d, DeadLetter.class)).isEqualTo(d);
    }

    @Test
    void evaluationOutcomesAreSerializedAsPojosWithNulls() throws Exception {
        EvaluationOutcome scored = EvaluationOutcome.scored(new String[] {"Drama"}, new float[] {0.25f, 0.75f},
                new String[] {}, "Drama");
        EvaluationOutcome unscored = EvaluationOutcome.unscored(new String[] {"Drama"});
        EvaluationOutcome rejected = EvaluationOutcome.rejected("empty text");

        EvaluationOutcome s = roundTrip(scored, EvaluationOutcome.class);
        EvaluationOutcome r = roundTrip(rejected, EvaluationOutcome.class);
        EvaluationOutcome u = roundTrip(unscored, EvaluationOutcome.class);

        assertThat(s.truth()).containsExactly("Drama");
        assertThat(s.scores()).containsExactly(0.25f, 0.75f);
        assertThat(s.predicted()).isEmpty();
        assertThat(u.scores()).isNull();
        assertThat(u.truth()).containsExactly("Drama");
        assertThat(s.topLabel()).isEqualTo("Drama");
        assertThat(s.isRejected()).isFalse();
        assertThat(r.rejection()).isEqualTo("empty text");
        assertThat(r.topLabel()).isNull();
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
