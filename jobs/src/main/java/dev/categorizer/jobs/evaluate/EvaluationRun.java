package dev.categorizer.jobs.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.categorizer.common.codec.Json;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.EvaluationTally;
import dev.categorizer.common.report.ModelEvaluation;
import dev.categorizer.model.bundle.Manifest;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * An evaluation and its circumstances: the counts behind the metrics and the report, the manifest of the model
 * evaluated, how many test records could not be scored (with a few of the reasons) and how long the job took.
 */
public record EvaluationRun(
        EvaluationTally tally, Manifest manifest, long deadLettered, List<String> sampleReasons, double seconds) {

    public EvaluationRun {
        sampleReasons = List.copyOf(sampleReasons);
    }

    /** The metrics over the bundle's labels. */
    public EvaluationResult result() {
        return tally.evaluation().result();
    }

    public String modelVersion() {
        return manifest.modelVersion();
    }

    /** Whether no test record at all was a valid labelled video: then there is nothing to measure. */
    public boolean noValidVideo() {
        return tally.evaluation().result().docs() == 0;
    }

    /** This model's side of an evaluation report, called {@code name} there. */
    public ModelEvaluation reportSide(String name) {
        return new ModelEvaluation(name, modelVersion(), tally, manifest.thresholds(), manifest.trainingHistory());
    }

    /** The result's JSON object with {@code seconds}, {@code model_version} and {@code dead_lettered} added. */
    public String toJson() {
        try {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(result().toJson());
            json.put("seconds", Math.round(seconds * 1000) / 1000.0);
            json.put("model_version", modelVersion());
            json.put("dead_lettered", deadLettered);
            return Json.mapper().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line for humans about the records that could not be scored, or an empty string when there were none. */
    public String describeDeadLetters() {
        if (deadLettered == 0) return "";
        return String.format(Locale.ROOT, "%d test records could not be scored, e.g.: %s", deadLettered,
                String.join("; ", sampleReasons));
    }
}
