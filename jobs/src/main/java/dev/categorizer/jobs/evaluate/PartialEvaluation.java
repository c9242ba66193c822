package dev.categorizer.jobs.evaluate;

import dev.categorizer.common.metrics.EvaluationTally;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.util.InstantiationUtil;

/**
 * What one evaluating task counted: the tally of its test videos, the records it could not read and a few of
 * the reasons. Travels to the client as bytes (Java serialization): no Flink type registration, no Kryo.
 */
record PartialEvaluation(EvaluationTally tally, long deadLettered, List<String> sampleReasons) implements Serializable {

    PartialEvaluation {
        sampleReasons = List.copyOf(sampleReasons);
    }

    byte[] toBytes() {
        try {
            return InstantiationUtil.serializeObject(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize an evaluation tally", e);
        }
    }

    static PartialEvaluation fromBytes(byte[] bytes) {
        try {
            return InstantiationUtil.deserializeObject(bytes, PartialEvaluation.class.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read an evaluation tally", e);
        }
    }
}
