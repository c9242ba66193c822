package dev.categorizer.jobs.score;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer of {@link Prediction}: id, the (label, score) pairs, model version and time, and the
 * explanations when there are any (in a form that the serializer before them reads unchanged without).
 */
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
        boolean explained = !p.explanations().isEmpty();
        // Without explanations the bytes are those of the first format; with them the count is written as
        // -(n + 1), which the first format never wrote, and each category is followed by its explanation.
        out.writeInt(explained ? -(p.categories().size() + 1) : p.categories().size());
        for (LabelScore c : p.categories()) {
            StringValue.writeString(c.label(), out);
            out.writeDouble(c.score());
            if (explained) writeExplanation(p.explanations().get(c.label()), out);
        }
        StringValue.writeString(p.modelVersion(), out);
        StringValue.writeString(p.scoredAt(), out);
    }

    @Override
    public Prediction deserialize(DataInputView in) throws IOException {
        String id = StringValue.readString(in);
        int count = in.readInt();
        boolean explained = count < 0;
        int n = explained ? -count - 1 : count;
        List<LabelScore> categories = new ArrayList<>(n);
        Map<String, List<Contribution>> explanations = explained ? new HashMap<>() : Map.of();
        for (int i = 0; i < n; i++) {
            LabelScore category = new LabelScore(StringValue.readString(in), in.readDouble());
            categories.add(category);
            if (explained) {
                List<Contribution> explanation = readExplanation(in);
                if (explanation != null) explanations.put(category.label(), explanation);
            }
        }
        return new Prediction(id, categories, StringValue.readString(in), StringValue.readString(in), explanations);
    }

    /** A category's explanation: its length (-1: none), then (word, field, contribution) each. */
    private static void writeExplanation(List<Contribution> explanation, DataOutputView out) throws IOException {
        if (explanation == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(explanation.size());
        for (Contribution c : explanation) {
            StringValue.writeString(c.word(), out);
            StringValue.writeString(c.field(), out);
            out.writeDouble(c.contribution());
        }
    }

    private static List<Contribution> readExplanation(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        List<Contribution> explanation = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            explanation.add(new Contribution(StringValue.readString(in), StringValue.readString(in), in.readDouble()));
        }
        return explanation;
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

    /** Stateless snapshot: one format, which reads every prediction it ever wrote. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Prediction> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
