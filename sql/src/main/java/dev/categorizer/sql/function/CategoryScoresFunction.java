package dev.categorizer.sql.function;

import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;

/**
 * {@code CATEGORY_SCORES([model_path,] title, description, tags)}: every label's score for a video, as
 * {@code MAP<STRING, DOUBLE>}, whatever the thresholds. NULL arguments count as empty.
 *
 * <pre>{@code
 * CREATE TEMPORARY FUNCTION category_scores AS 'dev.categorizer.sql.function.CategoryScoresFunction';
 * SELECT id, CATEGORY_SCORES('models/films', title, description, tags)['Comedy'] AS comedy FROM videos;
 * }</pre>
 */
public class CategoryScoresFunction extends ModelScalarFunction {
    private static final long serialVersionUID = 1L;

    static final String OUTPUT_TYPE = "MAP<STRING, DOUBLE>";

    /** Uses the model of the job parameter {@value #MODEL_PATH_PARAMETER} unless a call names one. */
    public CategoryScoresFunction() {
        super();
    }

    /** Uses the bundle at {@code modelPath} unless a call names another. */
    public CategoryScoresFunction(String modelPath) {
        super(modelPath);
    }

    @FunctionHint(
            input = {@DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("ARRAY<STRING>")},
            output = @DataTypeHint(OUTPUT_TYPE))
    public Map<String, Double> eval(String title, String description, String[] tags) {
        return score(title, description, tags).scoreByLabel();
    }

    @FunctionHint(
            input = {
                @DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("ARRAY<STRING>")
            },
            output = @DataTypeHint(OUTPUT_TYPE))
    public Map<String, Double> eval(String modelPath, String title, String description, String[] tags) {
        return score(modelPath, title, description, tags).scoreByLabel();
    }

    @Override
    protected ModelScalarFunction withModelPath(String modelPath) {
        return new CategoryScoresFunction(modelPath);
    }

    @Override
    protected String displayName() {
        return "CATEGORY_SCORES";
    }
}
