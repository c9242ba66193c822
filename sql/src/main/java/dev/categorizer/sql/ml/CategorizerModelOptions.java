package dev.categorizer.sql.ml;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The {@code WITH} options of {@code CREATE MODEL ... WITH ('provider' = 'categorizer', ...)}. */
public final class CategorizerModelOptions {

    public static final ConfigOption<String> MODEL_PATH = ConfigOptions.key("model.path")
            .stringType()
            .noDefaultValue()
            .withDescription("The model bundle directory written by 'categorizer train': a local path or a URI of"
                    + " any Flink file system (s3://, gs://, hdfs://), which is copied to local disk to load.");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("batch.size")
            .intType()
            .defaultValue(64)
            .withDescription("Most rows scored in one model call when ML_PREDICT runs asynchronously (the default);"
                    + " also bounded by how many rows Flink keeps in flight: the query's 'max-concurrent-operations'"
                    + " or the session's 'table.exec.async-ml-predict.max-concurrent-operations' (default 10).");

    public static final ConfigOption<Duration> BATCH_MAX_DELAY = ConfigOptions.key("batch.max-delay")
            .durationType()
            .defaultValue(Duration.ofMillis(5))
            .withDescription("Longest time a row waits for its batch to fill before it is scored anyway.");

    private CategorizerModelOptions() {}
}
