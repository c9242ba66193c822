package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TrainingSplitSerializerTest {

    private final TrainingSplitSerializer serializer = TrainingSplitSerializer.INSTANCE;

    @Test
    void roundTripsSplitsWithAndWithoutASaveToResumeFrom() throws IOException {
        for (TrainingSplit split : new TrainingSplit[] {
                new TrainingSplit(0, 1, 0, null), new TrainingSplit(1, 2, 7, "save-12")}) {
            byte[] bytes = serializer.serialize(split);
            assertThat(serializer.deserialize(serializer.getVersion(), bytes)).isEqualTo(split);
            assertThat(bytes.length).as("a few numbers and a name, never tensors").isLessThan(64);
        }
    }

    @Test
    void rejectsUnknownVersions() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0])).isInstanceOf(IOException.class);
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        TrainingEnumeratorState.Serializer states = new TrainingEnumeratorState.Serializer();
        for (TrainingEnumeratorState state : new TrainingEnumeratorState[] {
                new TrainingEnumeratorState(null, 0, 0), new TrainingEnumeratorState("save-3", 480, 2)}) {
            assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
        }
    }
}
