package dev.categorizer.jobs.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * What a Flink checkpoint of the training run holds: the newest save that every replica completed (the point
 * all replicas resume from) with its global step, and the generation of split assignments. A few bytes, whatever
 * the model's size.
 *
 * @param lastSave {@code save-<round>} in the run's state directory, or null before the first save
 */
record TrainingEnumeratorState(String lastSave, long lastSaveStep, long generation) {

    static final class Serializer implements SimpleVersionedSerializer<TrainingEnumeratorState> {
        private static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(TrainingEnumeratorState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeBoolean(state.lastSave() != null);
                if (state.lastSave() != null) out.writeUTF(state.lastSave());
                out.writeLong(state.lastSaveStep());
                out.writeLong(state.generation());
            }
            return bytes.toByteArray();
        }

        @Override
        public TrainingEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) throw new IOException("unknown training enumerator state version " + version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String save = in.readBoolean() ? in.readUTF() : null;
                return new TrainingEnumeratorState(save, in.readLong(), in.readLong());
            }
        }
    }
}
