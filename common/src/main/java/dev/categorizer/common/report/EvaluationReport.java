package dev.categorizer.common.report;

import dev.categorizer.common.metrics.ConfusionCounts;
import dev.categorizer.common.metrics.EpochMetrics;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.metrics.LabelResult;
import dev.categorizer.common.metrics.ScoreHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation report: one self-contained HTML page (inline CSS, inline SVG charts drawn here, a few lines of
 * inline JavaScript to sort tables; nothing loaded from the network) with
 * <ol>
 *   <li>the overall metrics, beside a baseline model's when there is one;</li>
 *   <li>precision, recall, F1 and support per category, as a sortable table and a bar chart;</li>
 *   <li>the precision-recall curve of every category with its chosen threshold marked;</li>
 *   <li>F1 against category frequency;</li>
 *   <li>the most confused category pairs (a true category missed where another was predicted wrongly);</li>
 *   <li>the training curves: loss and validation micro-F1 per epoch, from the bundle ("not recorded" for a
 *       bundle written before it kept them).</li>
 * </ol>
 * Every chart is an {@code <svg class="chart" data-chart="...">} of fixed size.
 *
 * <pre>{@code
 * String html = new EvaluationReport("data/sample/test.jsonl", model, baseline).toHtml(); // baseline may be null
 * Files.writeString(Path.of("report/index.html"), html);
 * }</pre>
 */
public final class EvaluationReport {
    /** Confused pairs shown. */
    static final int TOP_CONFUSIONS = 15;

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; padding: 0 16px; max-width: 1240px;
                   color: #1d2430; }
            h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #d8dde6; }
            table { border-collapse: collapse; margin: 8px 0 16px; }
            th, td { padding: 3px 10px; border-bottom: 1px solid #e6e9ef; text-align: left; }
            th { cursor: pointer; background: #f3f5f8; user-select: none; }
            th[aria-sort=ascending]::after { content: " \\25B2"; } th[aria-sort=descending]::after { content: " \\25BC"; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .meta { color: #5b6575; } .note { fill: #5b6575; font-size: 12px; }
            .grid-charts { display: flex; flex-wrap: wrap; gap: 8px; }
            .side-by-side { display: flex; flex-wrap: wrap; gap: 16px 24px; align-items: flex-start; }
            svg.chart { display: block; background: #fff; }
            .axis { stroke: #5b6575; } .grid { stroke: #e6e9ef; }
            .tick { font-size: 11px; fill: #3b4452; } .axis-title { font-size: 11px; fill: #5b6575; }
            .chart-title { font-size: 12px; font-weight: 600; fill: #1d2430; }
            .bar.series-0, .dot.series-0 { fill: #3a6ea5; } .bar.series-1, .dot.series-1 { fill: #e0913a; }
            .line { stroke-width: 2; } .line.series-0 { stroke: #3a6ea5; } .line.series-1 { stroke: #e0913a; }
            .marker { fill: #c0392b; stroke: #fff; stroke-width: 1.5; }
            """;

    private final String testSet;
    private final ModelEvaluation model;
    private final ModelEvaluation baseline;
    private final EvaluationResult result;
    private final EvaluationResult baselineResult;

    /** @param baseline the model to compare with, or null */
    public EvaluationReport(String testSet, ModelEvaluation model, ModelEvaluation baseline) {
        this.testSet = testSet;
        this.model = model;
        this.baseline = baseline;
        this.result = model.tally().evaluation().result();
        this.baselineResult = baseline == null ? null : baseline.tally().evaluation().result();
    }

    public String toHtml() {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
                .append("<title>Evaluation of ").append(Html.escape(model.modelVersion())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        page.append("<h1>Evaluation of model ").append(Html.escape(model.modelVersion())).append("</h1>");
        page.append("<p class=\"meta\">Test set ").append(Html.escape(testSet)).append(": ").append(result.docs())
                .append(" videos, ").append(result.labels()).append(" categories");
        if (baseline != null) page.append("; baseline model ").append(Html.escape(baseline.modelVersion()));
        page.append(".</p>\n");
        overall(page);
        perCategory(page);
        precisionRecall(page);
        frequency(page);
        confusions(page);
        training(page, model);
        if (baseline != null) training(page, baseline);
        page.append("<script>").append(HtmlTable.SORT_SCRIPT).append("</script>\n</body></html>\n");
        return page.toString();
    }

    private void overall(StringBuilder page) {
        page.append("<h2 id=\"overall\">Overall</h2>");
        List<HtmlTable.Column> columns = new ArrayList<>(List.of(HtmlTable.text("metric"),
                HtmlTable.number(model.name())));
        if (baseline != null) {
            columns.add(HtmlTable.number(baseline.name()));
            columns.add(HtmlTable.number("change"));
        }
        HtmlTable table = new HtmlTable("overall-metrics", columns);
        overallRow(table, "micro F1", result.microF1(), baselineResult == null ? 0 : baselineResult.microF1());
        overallRow(table, "macro F1", result.macroF1(), baselineResult == null ? 0 : baselineResult.macroF1());
        overallRow(table, "P@1", result.precisionAt1(), baselineResult == null ? 0 : baselineResult.precisionAt1());
        overallRow(table, "predicted categories per video", result.meanPredictedLabels(),
                baselineResult == null ? 0 : baselineResult.meanPredictedLabels());
        overallRow(table, "true categories per video", result.meanTrueLabels(),
                baselineResult == null ? 0 : baselineResult.meanTrueLabels());
        SvgBarChart chart = new SvgBarChart("overall", "Overall metrics", seriesNames(), 1.0);
        chart.row("micro F1", values(result.microF1(), baselineResult == null ? 0 : baselineResult.microF1()));
        chart.row("macro F1", values(result.macroF1(), baselineResult == null ? 0 : baselineResult.macroF1()));
        chart.row("P@1", values(result.precisionAt1(), baselineResult == null ? 0 : baselineResult.precisionAt1()));
        page.append("<div class=\"side-by-side\">").append(table.toHtml()).append(chart.toSvg()).append("</div>\n");
    }

    private void overallRow(HtmlTable table, String metric, double value, double baselineValue) {
        if (baseline == null) table.row(metric, value);
        else table.row(metric, value, baselineValue, value - baselineValue);
    }

    private void perCategory(StringBuilder page) {
        page.append("<h2 id=\"per-category\">Per category</h2><p class=\"meta\">Click a column to sort. ")
                .append("Support: test videos with the category. Threshold: the score from which it is predicted.</p>");
        List<HtmlTable.Column> columns = new ArrayList<>(List.of(HtmlTable.text("category"),
                HtmlTable.number("precision"), HtmlTable.number("recall"), HtmlTable.number("F1"),
                HtmlTable.number("support"), HtmlTable.number("threshold")));
        if (baseline != null) columns.add(HtmlTable.number(baseline.name() + " F1"));
        HtmlTable table = new HtmlTable("per-category-metrics", columns);
        Map<String, LabelResult> baselineByLabel = baselineByLabel();
        SvgBarChart chart = new SvgBarChart("per-category-f1", "F1 per category", seriesNames(), 1.0);
        for (int i : bySupport()) {
            LabelResult r = result.perLabel().get(i);
            LabelResult b = baselineByLabel.get(r.label());
            double baselineF1 = b == null ? Double.NaN : b.f1();
            if (baseline == null) {
                table.row(r.label(), r.precision(), r.recall(), r.f1(), r.support(), model.thresholds().get(i));
            } else {
                table.row(r.label(), r.precision(), r.recall(), r.f1(), r.support(), model.thresholds().get(i),
                        baselineF1);
            }
            chart.row(r.label(), values(r.f1(), baselineF1));
        }
        page.append("<div class=\"side-by-side\">").append(table.toHtml()).append(chart.toSvg()).append("</div>\n");
    }

    private void precisionRecall(StringBuilder page) {
        page.append("<h2 id=\"precision-recall\">Precision and recall by threshold</h2><p class=\"meta\">")
                .append("One curve per category, thresholds every 1/").append(model.tally().histogram().bins())
                .append("; the red dot is the category's chosen threshold on the test set.</p>")
                .append("<div class=\"grid-charts\">");
        ScoreHistogram histogram = model.tally().histogram();
        for (int i : bySupport()) {
            LabelResult r = result.perLabel().get(i);
            List<ScoreHistogram.CurvePoint> curve = histogram.curve(i);
            double[] recall = curve.stream().mapToDouble(ScoreHistogram.CurvePoint::recall).toArray();
            double[] precision = curve.stream().mapToDouble(ScoreHistogram.CurvePoint::precision).toArray();
            SvgLineChart chart = new SvgLineChart("pr-" + i, r.label(), "recall", "precision", 240, 200)
                    .xRange(0, 1).yRange(0, 1).series("precision", recall, precision);
            if (curve.isEmpty()) {
                chart.note("no positive test video");
            } else {
                chart.marker(r.recall(), r.precision(), r.label() + ": threshold " + Html.number(model.thresholds().get(i))
                        + ", precision " + Html.number(r.precision()) + ", recall " + Html.number(r.recall()));
            }
            page.append(chart.toSvg());
        }
        page.append("</div>\n");
    }

    private void frequency(StringBuilder page) {
        page.append("<h2 id=\"frequency\">F1 against category frequency</h2><p class=\"meta\">")
                .append("One dot per category with at least one test video; rare categories are usually learned worst.</p>");
        SvgScatterChart chart = new SvgScatterChart("f1-by-frequency", "F1 against frequency",
                "test videos with the category (log scale)", "F1", true).yRange(0, 1);
        for (LabelResult r : result.perLabel()) {
            if (r.support() > 0) chart.point(r.label(), r.support(), r.f1());
        }
        page.append(chart.toSvg()).append('\n');
    }

    private void confusions(StringBuilder page) {
        page.append("<h2 id=\"confusions\">Most confused categories</h2><p class=\"meta\">")
                .append("Videos on which the true category was missed and the other one predicted wrongly.</p>");
        List<ConfusionCounts.Pair> pairs = model.tally().confusion().top(TOP_CONFUSIONS);
        HtmlTable table = new HtmlTable("confused-pairs", List.of(HtmlTable.text("true category (missed)"),
                HtmlTable.text("predicted instead"), HtmlTable.number("videos")));
        long most = pairs.isEmpty() ? 1 : pairs.get(0).count();
        SvgBarChart chart = new SvgBarChart("confused-pairs", "Most confused category pairs", List.of("videos"), most);
        for (ConfusionCounts.Pair p : pairs) {
            table.row(p.missed(), p.predictedInstead(), p.count());
            chart.row(p.missed() + " → " + p.predictedInstead(), p.count());
        }
        if (pairs.isEmpty()) page.append("<p>No video had a category missed and another predicted wrongly.</p>");
        page.append("<div class=\"side-by-side\">").append(table.toHtml()).append(chart.toSvg()).append("</div>\n");
    }

    private void training(StringBuilder page, ModelEvaluation m) {
        page.append("<h2 id=\"training-").append(Html.escape(m.name())).append("\">Training curves (")
                .append(Html.escape(m.name())).append(' ').append(Html.escape(m.modelVersion())).append(")</h2>");
        if (m.history() == null || m.history().isEmpty()) {
            page.append("<p class=\"no-history\">Training history not recorded: this bundle was written before "
                    + "bundles kept the loss and validation F1 of each epoch.</p>\n");
            return;
        }
        SvgLineChart loss = new SvgLineChart("loss-" + m.name(), "Training loss per epoch", "epoch", "loss", 560, 280);
        SvgLineChart f1 = new SvgLineChart("validation-f1-" + m.name(), "Validation micro-F1 per epoch", "epoch",
                "micro-F1", 560, 280).yRange(0, 1);
        for (String phase : List.of(EpochMetrics.TRAIN, EpochMetrics.REFIT)) {
            List<EpochMetrics> epochs = m.history().stream().filter(e -> e.phase().equals(phase)).toList();
            if (epochs.isEmpty()) continue;
            double[] x = epochs.stream().mapToDouble(EpochMetrics::epoch).toArray();
            loss.series(phase, x, epochs.stream().mapToDouble(EpochMetrics::loss).toArray());
            if (phase.equals(EpochMetrics.TRAIN)) {
                f1.series("validation", x, epochs.stream().mapToDouble(e -> e.validationMicroF1() == null ? Double.NaN
                        : e.validationMicroF1()).toArray());
            }
        }
        loss.yRange(0, m.history().stream().mapToDouble(EpochMetrics::loss).max().orElse(1));
        page.append("<div class=\"grid-charts\">").append(loss.toSvg()).append(f1.toSvg()).append("</div>\n");
    }

    /** Label indexes by support, most frequent first (label order among ties). */
    private List<Integer> bySupport() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < result.perLabel().size(); i++) order.add(i);
        order.sort(Comparator.comparingLong((Integer i) -> result.perLabel().get(i).support()).reversed());
        return order;
    }

    private Map<String, LabelResult> baselineByLabel() {
        Map<String, LabelResult> byLabel = new HashMap<>();
        if (baselineResult != null) baselineResult.perLabel().forEach(r -> byLabel.put(r.label(), r));
        return byLabel;
    }

    private List<String> seriesNames() {
        return baseline == null ? List.of(model.name()) : List.of(model.name(), baseline.name());
    }

    private double[] values(double value, double baselineValue) {
        return baseline == null ? new double[] {value} : new double[] {value, baselineValue};
    }
}
