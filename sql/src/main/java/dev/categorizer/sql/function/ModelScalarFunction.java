package dev.categorizer.sql.function;

import dev.categorizer.model.predict.Predictor;
import dev.categorizer.sql.bundle.PredictorCache;
import dev.categorizer.sql.score.VideoInputs;
import dev.categorizer.sql.score.VideoScores;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.functions.SpecializedFunction;
import org.apache.flink.table.functions.UserDefinedFunction;
import org.apache.flink.table.types.inference.CallContext;

/**
 * What the SQL scoring functions share: which model bundle to use and loading it once per task.
 *
 * <p>The model of the three-argument form {@code F(title, description, tags)} is, in this order: the bundle path
 * given to the constructor, or the job parameter {@value #MODEL_PATH_PARAMETER}. The four-argument form
 * {@code F(model_path, title, description, tags)} names the bundle itself; a literal path is specialised at
 * planning time into an instance that loads the bundle in {@link #open}, a path from a column loads each distinct
 * bundle once per task, on first use.
 */
public abstract class ModelScalarFunction extends ScalarFunction implements SpecializedFunction {
    private static final long serialVersionUID = 1L;

    /** The job parameter with the default bundle path, e.g. {@code SET 'pipeline.global-job-parameters' = ...}. */
    public static final String MODEL_PATH_PARAMETER = "categorizer.model.path";

    private final String modelPath;

    private transient PredictorCache predictors;
    private transient String defaultModelPath;

    /** A function whose default model comes from the job parameter {@value #MODEL_PATH_PARAMETER}. */
    protected ModelScalarFunction() {
        this(null);
    }

    /** A function whose default model is the bundle at {@code modelPath} (local path or Flink file system URI). */
    protected ModelScalarFunction(String modelPath) {
        this.modelPath = modelPath;
    }

    /** The same function with {@code modelPath} as its default model. */
    protected abstract ModelScalarFunction withModelPath(String modelPath);

    /** The name the function is documented under, for error messages. */
    protected abstract String displayName();

    /** The bundle path given to the constructor, or null. */
    public String modelPath() {
        return modelPath;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        predictors = new PredictorCache();
        defaultModelPath = isBlank(modelPath) ? context.getJobParameter(MODEL_PATH_PARAMETER, null) : modelPath;
        if (!isBlank(defaultModelPath)) {
            predictors.get(defaultModelPath); // load once per task, not per row
        }
    }

    @Override
    public void close() {
        if (predictors != null) {
            predictors.close();
        }
    }

    /** A literal model path argument becomes the default model, so that it is loaded in {@link #open}. */
    @Override
    public UserDefinedFunction specialize(SpecializedContext context) {
        CallContext call = context.getCallContext();
        if (call.getArgumentDataTypes().size() == modelPathArity() && call.isArgumentLiteral(0)
                && !call.isArgumentNull(0)) {
            String literal = call.getArgumentValue(0, String.class).orElse(null);
            if (!isBlank(literal) && !literal.equals(modelPath)) {
                return withModelPath(literal);
            }
        }
        return this;
    }

    /** The arguments after the model path, for messages. */
    protected String videoArguments() {
        return "title, description, tags";
    }

    /** How many arguments the form that names its model takes (its first); 4 unless the function has more. */
    protected int modelPathArity() {
        return 4;
    }

    /** Scores with the default model (three-argument form). */
    protected VideoScores score(String title, String description, String[] tags) {
        return score(defaultPredictor(), title, description, tags);
    }

    /** Scores with the model at {@code modelPath} (four-argument form). */
    protected VideoScores score(String modelPath, String title, String description, String[] tags) {
        return score(predictor(modelPath), title, description, tags);
    }

    /** The default model's predictor, loaded once per task. */
    protected Predictor defaultPredictor() {
        if (isBlank(defaultModelPath)) {
            throw new IllegalArgumentException(displayName()
                    + "(" + videoArguments() + ") has no model: pass the bundle path as first argument, "
                    + displayName() + "(model_path, " + videoArguments() + "), or set the job parameter '"
                    + MODEL_PATH_PARAMETER + "'.");
        }
        return predictors.get(defaultModelPath);
    }

    /** The predictor of the model at {@code modelPath}, loaded once per task (checked by the model access rules). */
    protected Predictor predictor(String modelPath) {
        if (isBlank(modelPath)) {
            throw new IllegalArgumentException(
                    displayName() + "(model_path, " + videoArguments() + ") got a NULL or empty model_path.");
        }
        return predictors.get(modelPath);
    }

    private static VideoScores score(Predictor predictor, String title, String description, String[] tags) {
        return VideoScores.score(predictor, VideoInputs.of(title, description, tags));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
