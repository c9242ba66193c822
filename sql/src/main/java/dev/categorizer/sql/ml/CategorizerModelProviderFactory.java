package dev.categorizer.sql.ml;

import dev.categorizer.common.config.Locations;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.flink.bundle.LocalBundle;
import dev.categorizer.sql.bundle.ModelAccess;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.catalog.ResolvedCatalogModel;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.ModelProviderFactory;
import org.apache.flink.table.ml.ModelProvider;

/**
 * The {@code categorizer} model provider for Flink's model DDL and {@code ML_PREDICT}. Checks the options, the
 * input and output columns and the bundle itself (format and checksums) when a query is planned, so that a mistake
 * fails the statement rather than the running job.
 *
 * <pre>{@code
 * CREATE MODEL video_categories
 *   INPUT (title STRING, description STRING, tags ARRAY<STRING>)
 *   OUTPUT (categories ARRAY<ROW<label STRING, score DOUBLE>>)
 *   WITH ('provider' = 'categorizer', 'model.path' = 'models/films');
 * SELECT id, categories FROM ML_PREDICT(TABLE videos, MODEL video_categories, DESCRIPTOR(title, description, tags));
 * }</pre>
 */
public class CategorizerModelProviderFactory implements ModelProviderFactory {

    public static final String IDENTIFIER = "categorizer";

    @Override
    public ModelProvider createModelProvider(Context context) {
        FactoryUtil.ModelProviderFactoryHelper helper = FactoryUtil.createModelProviderFactoryHelper(this, context);
        helper.validate();
        String modelPath = helper.getOptions().get(CategorizerModelOptions.MODEL_PATH);
        int batchSize = helper.getOptions().get(CategorizerModelOptions.BATCH_SIZE);
        Duration batchMaxDelay = helper.getOptions().get(CategorizerModelOptions.BATCH_MAX_DELAY);
        String model = context.getObjectIdentifier().asSummaryString();
        ResolvedCatalogModel catalogModel = context.getCatalogModel();
        try {
            ModelSchemaValidator.validateInput(catalogModel.getResolvedInputSchema());
            List<OutputColumn> outputs = ModelSchemaValidator.validateOutput(catalogModel.getResolvedOutputSchema());
            if (batchSize < 1) {
                throw new ValidationException("'" + CategorizerModelOptions.BATCH_SIZE.key() + "' must be at least 1,"
                        + " but is " + batchSize + ".");
            }
            checkBundle(modelPath);
            return new CategorizerModelProvider(modelPath, outputs, batchSize, batchMaxDelay, context
                    .getConfiguration().get(ExecutionConfigOptions.TABLE_EXEC_ASYNC_ML_PREDICT_MAX_CONCURRENT_OPERATIONS));
        } catch (RuntimeException e) {
            throw new ValidationException(
                    String.format("Model '%s' (provider '%s'): %s", model, IDENTIFIER, e.getMessage()), e);
        }
    }

    /**
     * Checks that the model path is one SQL may name and reads the bundle's manifest and verifies its files (and
     * signature, when keys are trusted), without loading TensorFlow.
     */
    private static void checkBundle(String modelPath) {
        ModelAccess access = ModelAccess.current();
        try (LocalBundle bundle = LocalBundle.of(access.check(modelPath))) {
            ModelBundle.read(bundle.directory(), access.trustedKeys());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the bundle at '" + Locations.redact(modelPath) + "' failed its checks: " + e.getMessage(), e);
        }
    }

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(CategorizerModelOptions.MODEL_PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(CategorizerModelOptions.BATCH_SIZE, CategorizerModelOptions.BATCH_MAX_DELAY);
    }
}
