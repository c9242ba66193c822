package dev.categorizer.sql.ml;

import dev.categorizer.model.predict.Predictor;
import dev.categorizer.sql.bundle.PredictorCache;
import dev.categorizer.sql.score.VideoScores;
import java.util.Collection;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.PredictFunction;

/**
 * Scores the rows of {@code ML_PREDICT} one at a time (when the query asks for {@code 'async' = 'false'}): one
 * output row per input row. Loads the bundle once per task, in {@link #open}. NULL inputs count as empty.
 */
public class CategorizerPredictFunction extends PredictFunction {
    private static final long serialVersionUID = 1L;

    private final String modelPath;
    private final List<OutputColumn> outputs;

    private transient PredictorCache predictors;
    private transient Predictor predictor;
    private transient StringData modelVersion;

    public CategorizerPredictFunction(String modelPath, List<OutputColumn> outputs) {
        this.modelPath = modelPath;
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        super.open(context);
        predictors = new PredictorCache();
        predictor = predictors.get(modelPath);
        modelVersion = StringData.fromString(predictor.bundle().modelVersion());
    }

    @Override
    public Collection<RowData> predict(RowData input) {
        VideoScores scored = VideoScores.score(predictor, PredictRows.video(input));
        return List.of(PredictRows.output(outputs, scored, modelVersion));
    }

    @Override
    public void close() throws Exception {
        if (predictors != null) {
            predictors.close();
        }
        super.close();
    }
}
