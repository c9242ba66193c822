package dev.categorizer.jobs.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** The enumerator's state: the splits not yet handed to a reader (the training run, or nothing). */
final class PendingSplitsSerializer implements SimpleVersionedSerializer<List<TrainingSplit>> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(List<TrainingSplit> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            for (TrainingSplit split : splits) {
                TrainingSplitSerializer.write(split, out);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public List<TrainingSplit> deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown pending splits version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int n = in.readInt();
            List<TrainingSplit> splits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                splits.add(TrainingSplitSerializer.read(in));
            }
            return splits;
        }
    }
}
