package dev.categorizer.model.predict;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.bundle.InvalidBundleException;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.bundle.ServingGraph;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.graph.Tensors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A {@link Predictor} on the bundle's TensorFlow SavedModel. One session serves every thread: TensorFlow sessions
 * are safe for concurrent runs, and the text pipeline and vectorizer are immutable.
 */
final class TensorFlowPredictor implements Predictor {
    private static final Comparator<LabelScore> BEST_FIRST =
            Comparator.comparingDouble(LabelScore::score).reversed().thenComparing(LabelScore::label);

    /**
     * Each call runs on its caller's thread: a batch is a few small matrix products, which TensorFlow's own
     * thread pools only slow down with hand-offs, and the callers (one per scoring task or thread) already
     * keep the cores busy.
     */
    private static final ConfigProto SESSION_CONFIG = ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(-1)
            .build();

    private final ModelBundle bundle;
    private final SavedModelBundle savedModel;
    private final SessionFunction function;
    private final List<String> labels;
    private final float[] thresholds;
    private final int inputSize;

    private TensorFlowPredictor(ModelBundle bundle, SavedModelBundle savedModel) {
        this.bundle = bundle;
        this.savedModel = savedModel;
        this.function = savedModel.function(ServingGraph.SIGNATURE);
        this.labels = bundle.manifest().labels();
        this.thresholds = new float[labels.size()];
        for (int i = 0; i < thresholds.length; i++) thresholds[i] = bundle.manifest().thresholds().get(i).floatValue();
        this.inputSize = bundle.vocabulary().size();
    }

    static Predictor load(Path bundleDir) {
        ModelBundle bundle = ModelBundle.read(bundleDir);
        SavedModelBundle savedModel;
        try {
            savedModel = SavedModelBundle.loader(bundle.savedModelDirectory().toString())
                    .withTags(SavedModelBundle.DEFAULT_TAG)
                    .withConfigProto(SESSION_CONFIG)
                    .load();
        } catch (RuntimeException e) {
            throw new InvalidBundleException(bundle.savedModelDirectory() + ": cannot load the SavedModel: "
                    + e.getMessage(), e);
        }
        try {
            return new TensorFlowPredictor(bundle, savedModel);
        } catch (RuntimeException e) {
            savedModel.close();
            throw new InvalidBundleException(bundle.savedModelDirectory() + ": no '" + ServingGraph.SIGNATURE
                    + "' signature: " + e.getMessage(), e);
        }
    }

    @Override
    public ModelBundle bundle() {
        return bundle;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public SparseVector vectorize(Video video) {
        return bundle.vectorizer().vectorize(bundle.pipeline(), video);
    }

    @Override
    public float[][] scores(List<SparseVector> vectors) {
        if (vectors.isEmpty()) return new float[0][];
        SparseBatch batch = SparseBatch.of(vectors, inputSize);
        try (TInt64 indices = Tensors.longs(batch.indices(), batch.nonZeros(), 2);
                TFloat32 values = Tensors.floats(batch.values(), batch.nonZeros());
                TInt64 shape = Tensors.longs(new long[] {batch.rows(), inputSize}, 2);
                Result result = function.call(Map.of(
                        ServingGraph.INDICES, indices, ServingGraph.VALUES, values, ServingGraph.DENSE_SHAPE, shape))) {
            TFloat32 probabilities = (TFloat32) result.get(ServingGraph.PROBABILITIES).orElseThrow();
            return finite(Tensors.toMatrix(probabilities));
        }
    }

    /**
     * The scores, checked: NaN or infinity is no probability, and would silently decide no category. Weights
     * that overflow (huge but finite ones make inf, and inf - inf is NaN) give it, so it fails the call.
     */
    private float[][] finite(float[][] scores) {
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores[i].length; j++) {
                if (!Float.isFinite(scores[i][j])) {
                    throw new ModelFailureException("model " + bundle.modelVersion() + " gave the score "
                            + scores[i][j] + " for '" + labels.get(j) + "' to video " + (i + 1) + " of "
                            + scores.length + " of the call, not a probability (weights that overflow or are NaN"
                            + " give this)");
                }
            }
        }
        return scores;
    }

    @Override
    public List<Prediction> predict(List<Video> videos) {
        List<SparseVector> vectors = videos.stream().map(this::vectorize).toList();
        float[][] scores = scores(vectors);
        String now = Instant.now().toString();
        List<Prediction> out = new ArrayList<>(videos.size());
        for (int i = 0; i < videos.size(); i++) {
            // Without a known feature the scores are the output biases alone: no evidence, so no category.
            List<LabelScore> categories = vectors.get(i).isEmpty() ? List.of() : decide(scores[i]);
            out.add(new Prediction(videos.get(i).id(), categories, bundle.modelVersion(), now));
        }
        return out;
    }

    @Override
    public List<LabelScore> decide(float[] scores) {
        List<LabelScore> over = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] >= thresholds[j]) over.add(new LabelScore(labels.get(j), scores[j]));
        }
        over.sort(BEST_FIRST);
        return over;
    }

    @Override
    public void close() {
        savedModel.close();
    }
}
