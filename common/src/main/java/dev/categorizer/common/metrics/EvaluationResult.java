package dev.categorizer.common.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.categorizer.common.codec.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The scores of a multi-label evaluation; see {@link MultiLabelEvaluation} for the definitions.
 *
 * @param microF1 F1 over all (document, label) decisions pooled
 * @param macroF1 mean of the per-label F1 over all labels of the label set
 * @param precisionAt1 fraction of documents whose top-scored label is a true label
 * @param docs documents evaluated
 * @param labels size of the label set
 * @param perLabel one result per label, in label set order
 * @param meanPredictedLabels labels predicted per document, on average
 * @param meanTrueLabels true labels (of the label set) per document, on average
 */
public record EvaluationResult(
        double microF1, double macroF1, double precisionAt1, long docs, int labels, List<LabelResult> perLabel,
        double meanPredictedLabels, double meanTrueLabels) {

    public EvaluationResult {
        perLabel = List.copyOf(perLabel);
    }

    /**
     * One line of JSON: {@code {"micro_f1":..,"macro_f1":..,"p_at_1":..,"mean_predicted_labels":..,
     * "mean_true_labels":..,"docs":..,"labels":..,"per_label":[
     * {"label":..,"precision":..,"recall":..,"f1":..,"support":..}, ...]}}.
     */
    public String toJson() {
        StringWriter out = new StringWriter(256 + 96 * perLabel.size());
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("micro_f1", microF1);
            g.writeNumberField("macro_f1", macroF1);
            g.writeNumberField("p_at_1", precisionAt1);
            g.writeNumberField("mean_predicted_labels", meanPredictedLabels);
            g.writeNumberField("mean_true_labels", meanTrueLabels);
            g.writeNumberField("docs", docs);
            g.writeNumberField("labels", labels);
            g.writeArrayFieldStart("per_label");
            for (LabelResult r : perLabel) {
                g.writeStartObject();
                g.writeStringField("label", r.label());
                g.writeNumberField("precision", r.precision());
                g.writeNumberField("recall", r.recall());
                g.writeNumberField("f1", r.f1());
                g.writeNumberField("support", r.support());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e);
        }
        return out.toString();
    }

    /** A table for humans: one row per label, then the micro F1, macro F1, P@1 and labels-per-document lines. */
    public String toTable() {
        int width = "label".length();
        for (LabelResult r : perLabel) {
            width = Math.max(width, r.label().length());
        }
        String row = "%-" + width + "s  %9s  %9s  %9s  %9s%n";
        String numbers = "%-" + width + "s  %9.4f  %9.4f  %9.4f  %9d%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, row, "label", "precision", "recall", "f1", "support"));
        for (LabelResult r : perLabel) {
            table.append(String.format(Locale.ROOT, numbers, r.label(), r.precision(), r.recall(), r.f1(), r.support()));
        }
        table.append(String.format(Locale.ROOT, "%nmicro F1  %.4f%nmacro F1  %.4f%nP@1       %.4f%n", microF1, macroF1,
                precisionAt1));
        table.append(String.format(Locale.ROOT, "labels/doc %.2f predicted, %.2f true%n", meanPredictedLabels,
                meanTrueLabels));
        table.append(String.format(Locale.ROOT, "docs      %d%nlabels    %d%n", docs, labels));
        return table.toString();
    }
}
