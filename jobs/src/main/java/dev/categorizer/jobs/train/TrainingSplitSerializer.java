package dev.categorizer.jobs.train;

import dev.categorizer.model.train.TrainingCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes a {@link TrainingSplit} into Flink state: its id, then its {@link TrainingCheckpoint} in the model's own
 * format. The checkpoint names the files that hold the weights and optimizer slots and their checksums, so a
 * split is a few hundred bytes whatever the model's size.
 */
public final class TrainingSplitSerializer implements SimpleVersionedSerializer<TrainingSplit> {

    public static final TrainingSplitSerializer INSTANCE = new TrainingSplitSerializer();
    private static final int VERSION = 2; // 2: the checkpoint refers to tensor files instead of holding them

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(TrainingSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public TrainingSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown training split version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static void write(TrainingSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeBoolean(split.checkpoint() != null);
        if (split.checkpoint() != null) {
            split.checkpoint().writeTo(out);
        }
    }

    static TrainingSplit read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        TrainingCheckpoint checkpoint = in.readBoolean() ? TrainingCheckpoint.readFrom(in) : null;
        return new TrainingSplit(id, checkpoint);
    }
}
