package dev.categorizer.jobs.score;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Flink serializer of {@link Prediction}: id, the (label, score) pairs, model version and time. */
public final class PredictionSerializer extends TypeSerializerSingleton<Prediction> {
    private static final long serialVersionUID = 1L;

    public static final PredictionSerializer INSTANCE = new PredictionSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Prediction createInstance() {
        return new Prediction("", List.of(), "", "");
    }

    @Override
    public Prediction copy(Prediction from) {
        return from;
    }

    @Override
    public Prediction copy(Prediction from, Prediction reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Prediction p, DataOutputView out) throws IOException {
        StringValue.writeString(p.id(), out);
        out.writeInt(p.categories().size());
        for (LabelScore c : p.categories()) {
            StringValue.writeString(c.label(), out);
            out.writeDouble(c.score());
        }
        StringValue.writeString(p.modelVersion(), out);
        StringValue.writeString(p.scoredAt(), out);
    }

    @Override
    public Prediction deserialize(DataInputView in) throws IOException {
        String id = StringValue.readString(in);
        int n = in.readInt();
        List<LabelScore> categories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            categories.add(new LabelScore(StringValue.readString(in), in.readDouble()));
        }
        return new Prediction(id, categories, StringValue.readString(in), StringValue.readString(in));
    }

    @Override
    public Prediction deserialize(Prediction reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<Prediction> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Stateless snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Prediction> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
