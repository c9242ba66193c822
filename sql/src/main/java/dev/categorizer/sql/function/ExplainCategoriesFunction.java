package dev.categorizer.sql.function;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.model.explain.Explainer;
import dev.categorizer.model.explain.Explanation;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.sql.score.VideoInputs;
import java.util.List;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.types.Row;

/**
 * {@code EXPLAIN_CATEGORIES([model_path,] title, description, tags, k)}: the categories of a video over their
 * thresholds, best first, each with the {@code k} words or tags that pushed it most, as
 * {@code ARRAY<ROW<category STRING, score DOUBLE, words ARRAY<ROW<word STRING, field STRING, contribution DOUBLE>>>>}.
 * A contribution is the word's share of the category's logit (gradient x input, exact for this network; see
 * {@link Explainer}); {@code field} is {@code title}, {@code description}, {@code tags} or several joined by
 * {@code +}, and a whole tag is the word {@code #tag}. NULL text arguments count as empty, a NULL {@code k} is
 * {@value Explainer#DEFAULT_TOP}; a video without a single known feature gets an empty array.
 *
 * <pre>{@code
 * CREATE TEMPORARY FUNCTION explain_categories AS 'dev.categorizer.sql.function.ExplainCategoriesFunction';
 * SELECT id, c.category, c.score, w.word, w.field, w.contribution
 * FROM videos, UNNEST(EXPLAIN_CATEGORIES('models/films', title, description, tags, 3)) AS c (category, score, words),
 *      UNNEST(c.words) AS w (word, field, contribution);
 * }</pre>
 */
public class ExplainCategoriesFunction extends ModelScalarFunction {
    private static final long serialVersionUID = 1L;

    static final String OUTPUT_TYPE = "ARRAY<ROW<category STRING, score DOUBLE, "
            + "words ARRAY<ROW<word STRING, field STRING, contribution DOUBLE>>>>";

    /** Uses the model of the job parameter {@value #MODEL_PATH_PARAMETER} unless a call names one. */
    public ExplainCategoriesFunction() {
        super();
    }

    /** Uses the bundle at {@code modelPath} unless a call names another. */
    public ExplainCategoriesFunction(String modelPath) {
        super(modelPath);
    }

    @FunctionHint(
            input = {@DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("ARRAY<STRING>"),
                @DataTypeHint("INT")},
            output = @DataTypeHint(OUTPUT_TYPE))
    public Row[] eval(String title, String description, String[] tags, Integer k) {
        return explain(defaultPredictor(), title, description, tags, k);
    }

    @FunctionHint(
            input = {@DataTypeHint("STRING"), @DataTypeHint("STRING"), @DataTypeHint("STRING"),
                @DataTypeHint("ARRAY<STRING>"), @DataTypeHint("INT")},
            output = @DataTypeHint(OUTPUT_TYPE))
    public Row[] eval(String modelPath, String title, String description, String[] tags, Integer k) {
        return explain(predictor(modelPath), title, description, tags, k);
    }

    private Row[] explain(Predictor predictor, String title, String description, String[] tags, Integer k) {
        int top = k == null ? Explainer.DEFAULT_TOP : k;
        if (top < 0) throw new IllegalArgumentException(displayName() + ": k must be >= 0, got " + top);
        List<Explanation> categories = new Explainer(predictor)
                .explain(VideoInputs.of(title, description, tags), top).categories();
        return categories.stream().map(ExplainCategoriesFunction::row).toArray(Row[]::new);
    }

    private static Row row(Explanation e) {
        Row[] words = e.top().stream().map(ExplainCategoriesFunction::row).toArray(Row[]::new);
        return Row.of(e.label(), e.score(), words);
    }

    private static Row row(Contribution c) {
        return Row.of(c.word(), c.field(), c.contribution());
    }

    @Override
    protected int modelPathArity() {
        return 5;
    }

    @Override
    protected String videoArguments() {
        return "title, description, tags, k";
    }

    @Override
    protected ModelScalarFunction withModelPath(String modelPath) {
        return new ExplainCategoriesFunction(modelPath);
    }

    @Override
    protected String displayName() {
        return "EXPLAIN_CATEGORIES";
    }
}
