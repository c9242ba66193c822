package dev.categorizer.jobs.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes a {@link TrainingSplit}: a few numbers and the name of the save to resume from. */
public final class TrainingSplitSerializer implements SimpleVersionedSerializer<TrainingSplit> {

    public static final TrainingSplitSerializer INSTANCE = new TrainingSplitSerializer();
    private static final int VERSION = 3; // 3: a replica of a data-parallel run, resuming from a shared save

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(TrainingSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(split.replica());
            out.writeInt(split.replicas());
            out.writeLong(split.generation());
            out.writeBoolean(split.restoreFrom() != null);
            if (split.restoreFrom() != null) out.writeUTF(split.restoreFrom());
        }
        return bytes.toByteArray();
    }

    @Override
    public TrainingSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown training split version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int replica = in.readInt();
            int replicas = in.readInt();
            long generation = in.readLong();
            String restore = in.readBoolean() ? in.readUTF() : null;
            return new TrainingSplit(replica, replicas, generation, restore);
        }
    }
}
