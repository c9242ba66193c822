package dev.categorizer.model.predict;

import dev.categorizer.common.decision.DecisionRule;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.bundle.InvalidBundleException;
import dev.categorizer.model.bundle.Manifest;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.graph.SparseBatch;
import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Predictor} on the network built in code ({@link ServingGraph}) with the bundle's weights. One session
 * serves every thread: TensorFlow sessions are safe for concurrent runs, and the text pipeline and vectorizer are
 * immutable.
 */
final class TensorFlowPredictor implements Predictor {
    private static final Comparator<LabelScore> BEST_FIRST =
            Comparator.comparingDouble(LabelScore::score).reversed().thenComparing(LabelScore::label);

    private final ModelBundle bundle;
    private final ServingGraph graph;
    private final List<String> labels;
    private final DecisionRule rule;
    private final int inputSize;

    private TensorFlowPredictor(ModelBundle bundle, ServingGraph graph) {
        this.bundle = bundle;
        this.graph = graph;
        this.labels = bundle.manifest().labels();
        this.rule = bundle.manifest().decisionRule();
        this.inputSize = bundle.vocabulary().size();
    }

    static Predictor load(Path bundleDir, TrustedKeys trust) {
        ModelBundle bundle = ModelBundle.read(bundleDir, trust);
        Manifest m = bundle.manifest();
        ServingGraph graph = ServingGraph.create(m.vocabularySize(), m.hidden(), m.labels().size());
        try {
            if (bundle.formatVersion() == ModelBundle.SAVED_MODEL_FORMAT) {
                graph.restoreCheckpoint(bundle.checkpointPrefix());
            } else {
                graph.load(bundle.weights());
            }
            return new TensorFlowPredictor(bundle, graph);
        } catch (IOException | RuntimeException e) {
            graph.close();
            String where = bundle.formatVersion() == ModelBundle.SAVED_MODEL_FORMAT
                    ? bundle.checkpointPrefix().toString() : bundle.directory().resolve(ModelBundle.WEIGHTS).toString();
            throw new InvalidBundleException(where + ": cannot load the weights (" + m.vocabularySize() + " x "
                    + m.hidden() + " x " + m.labels().size() + " expected): " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
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
        return finite(graph.run(SparseBatch.columnMajor(vectors, inputSize)));
    }

    @Override
    public List<Attribution> attribute(List<SparseVector> vectors) {
        if (vectors.isEmpty()) return List.of();
        BatchAttribution batch = graph.attribute(SparseBatch.of(vectors, inputSize));
        finite(batch.probabilities());
        List<Attribution> out = new ArrayList<>(vectors.size());
        int offset = 0; // the batch's non-zeros are the vectors' features, row after row
        for (int r = 0; r < vectors.size(); r++) {
            SparseVector v = vectors.get(r);
            float[][] contributions = java.util.Arrays.copyOfRange(batch.contributions(), offset, offset + v.nonZeros());
            offset += v.nonZeros();
            out.add(new Attribution(v.indices().clone(), contributions, batch.biasPaths()[r], batch.logits()[r],
                    batch.probabilities()[r]));
        }
        return out;
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
        boolean[] predicted = rule.predicted(scores);
        List<LabelScore> over = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            if (predicted[j]) over.add(new LabelScore(labels.get(j), scores[j]));
        }
        over.sort(BEST_FIRST);
        return over;
    }

    @Override
    public void close() {
        graph.close();
    }
}
