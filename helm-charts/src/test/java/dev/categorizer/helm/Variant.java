package dev.categorizer.helm;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The documented ways to install the chart: the default values and each file in helm-charts/examples/.
 * Every test that takes a variant runs for all of them.
 */
enum Variant {
    /** Scoring from plain Kafka, model and state on S3, high availability on. */
    DEFAULT(null, "score"),
    /** Training, writing the bundle to S3, no high availability. */
    TRAIN("train.yaml", "train"),
    /** Scoring with an S3-compatible store and its credentials from a Secret, upgradeMode last-state. */
    SCORE_MINIO("score-minio.yaml", "score"),
    /** Scoring from Kafka with SASL_SSL, credentials and trust store from a Secret. */
    SCORE_KAFKA_SASL("score-kafka-sasl.yaml", "score"),
    /** Scoring with the model on a volume, high availability off, ServiceMonitor on. */
    SCORE_MODEL_VOLUME("score-model-volume.yaml", "score");

    private final String valuesFile;
    private final String mode;

    Variant(String valuesFile, String mode) {
        this.valuesFile = valuesFile;
        this.mode = mode;
    }

    Optional<Path> valuesFile() {
        return Optional.ofNullable(valuesFile).map(RepoPaths::example);
    }

    /** The job subcommand the variant runs. */
    String mode() {
        return mode;
    }

    RenderedChart render() {
        return ChartRenderer.forVariant(this).render();
    }
}
