package dev.categorizer.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.EpochMetrics;
import dev.categorizer.common.metrics.EvaluationTally;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final List<String> LABELS = List.of("Comedy", "Drama", HOSTILE, "Never seen");
    private static final List<EpochMetrics> HISTORY = List.of(
            new EpochMetrics(EpochMetrics.TRAIN, 1, 0.9, 0.41),
            new EpochMetrics(EpochMetrics.TRAIN, 2, 0.5, 0.62),
            new EpochMetrics(EpochMetrics.REFIT, 1, 0.7, null));
    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
    private static final Pattern CHART_NAME = Pattern.compile("<svg [^>]*data-chart=\"([^\"]+)\"");

    private static ModelEvaluation side(String name, float shift, List<EpochMetrics> history) {
        EvaluationTally tally = new EvaluationTally(LABELS, EvaluationTally.DEFAULT_BINS);
        for (int i = 0; i < 40; i++) {
            float s = (i % 10) / 10f;
            tally.add(List.of("Comedy"), new float[] {s + shift, 1 - s, 0.2f, 0f}, s + shift >= 0.5 ? List.of("Comedy")
                    : List.of("Drama"), "Comedy");
            tally.add(List.of("Drama", HOSTILE), new float[] {0.1f, s, 0.6f, 0f}, s >= 0.5 ? List.of("Drama", HOSTILE)
                    : List.of(HOSTILE), HOSTILE);
        }
        return new ModelEvaluation(name, name + "-version", tally, List.of(0.5, 0.5, 0.5, 0.5), history);
    }

    private static List<String> charts(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = CHART_NAME.matcher(html);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void drawsEveryChartOfTheReport() {
        String html = new EvaluationReport("test.jsonl", side("model", 0f, HISTORY), null).toHtml();

        assertThat(charts(html)).containsExactlyInAnyOrder("overall", "per-category-f1", "pr-0", "pr-1", "pr-2", "pr-3",
                "f1-by-frequency", "confused-pairs", "loss-model", "validation-f1-model");
        assertThat(html).contains("<h2 id=\"overall\">", "<h2 id=\"per-category\">", "<h2 id=\"precision-recall\">",
                "<h2 id=\"frequency\">", "<h2 id=\"confusions\">", "<h2 id=\"training-model\">");
        assertThat(html).contains("no positive test video"); // "Never seen" has no curve
    }

    @Test
    void everyChartIsWellFormedSvg() throws Exception {
        String html = new EvaluationReport("test.jsonl", side("model", 0f, HISTORY), side("baseline", 0.2f, null))
                .toHtml();

        Matcher svg = SVG.matcher(html);
        int parsed = 0;
        while (svg.find()) {
            assertThat(SvgXml.parse(svg.group()).getLocalName()).isEqualTo("svg");
            parsed++;
        }
        assertThat(parsed).isEqualTo(charts(html).size()).isGreaterThan(8);
    }

    @Test
    void aCategoryNamedLikeAScriptIsShownAsTextNeverRun() {
        String html = new EvaluationReport("<img src=x onerror=alert(2)>", side("model", 0f, HISTORY), null).toHtml();

        assertThat(html).doesNotContain(HOSTILE).doesNotContain("<img");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.split("<script>", -1)).as("only the table-sorting script").hasSize(2);
    }

    @Test
    void needsNoNetwork() {
        String html = new EvaluationReport("test.jsonl", side("model", 0f, HISTORY), side("baseline", 0.2f, null))
                .toHtml();

        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "//cdn",
                " src=", " href=", "@import", "url(");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void showsTheBaselineBesideTheModel() {
        String html = new EvaluationReport("test.jsonl", side("model", 0f, HISTORY), side("baseline", 0.2f, null))
                .toHtml();

        assertThat(html).contains("baseline model baseline-version", ">baseline F1</th>", ">change</th>");
        assertThat(html).contains("Training curves (baseline baseline-version)");
    }

    @Test
    void saysSoWhenTheBundleHasNoTrainingHistory() {
        String html = new EvaluationReport("test.jsonl", side("model", 0f, null), null).toHtml();

        assertThat(html).contains("Training history not recorded");
        assertThat(charts(html)).doesNotContain("loss-model", "validation-f1-model");
    }
}
