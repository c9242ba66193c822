package dev.categorizer.sql.function;

import dev.categorizer.common.record.LabelScore;
import java.util.List;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.types.Row;

/**
 * {@code CATEGORIZE([model_path,] title, description, tags)}: the categories of a video over their thresholds,
 * best first, as {@code ARRAY<ROW<label STRING, score DOUBLE>>}. NULL arguments count as empty; a video without a
 * single known feature gets an empty array.
 *
 * <pre>{@code
 * CREATE TEMPORARY FUNCTION categorize AS 'dev.categorizer.sql.function.CategorizeFunction';
 * SELECT id, CATEGORIZE('models/films', title, description, tags) FROM videos;
 * // or, in Java: tEnv.createTemporarySystemFunction("CATEGORIZE", new CategorizeFunction("models/films"));
 * }</pre>
 */
public class CategorizeFunction extends ModelScalarFunction {
    private static final long serialVersionUID = 1L;

    static final String OUTPUT_TYPE = "ARRAY<ROW<label STRING, score DOUBLE>>";

    /** Uses the model of the job parameter {@value #MODEL_PATH_PARAMETER} unless a call names one. */
    public CategorizeFunction() {
        super();
    }

    /** Uses the bundle at {@code modelPath} unless a call names another. */
    public CategorizeFunction(String modelPath) {
        super(modelPath);
    }

    @FunctionHint(
            input = {@DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("ARRAY<STRING>")},
            output = @DataTypeHint(OUTPUT_TYPE))
    public Row[] eval(String title, String description, String[] tags) {
        return rows(score(title, description, tags).categories());
    }

    @FunctionHint(
            input = {
                @DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("ARRAY<STRING>")
            },
            output = @DataTypeHint(OUTPUT_TYPE))
    public Row[] eval(String modelPath, String title, String description, String[] tags) {
        return rows(score(modelPath, title, description, tags).categories());
    }

    @Override
    protected ModelScalarFunction withModelPath(String modelPath) {
        return new CategorizeFunction(modelPath);
    }

    @Override
    protected String displayName() {
        return "CATEGORIZE";
    }

    private static Row[] rows(List<LabelScore> categories) {
        return categories.stream().map(c -> Row.of(c.label(), c.score())).toArray(Row[]::new);
    }
}
