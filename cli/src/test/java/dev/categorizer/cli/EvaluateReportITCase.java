package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.codec.Json;
import dev.categorizer.model.bundle.ModelBundle;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code categorizer evaluate --report DIR --baseline DIR} writes one page with every section, a chart for each
 * category, the baseline beside the model, and "not recorded" for a bundle without training history; the
 * command's output is as without {@code --report}, one line more. (The page in a browser:
 * {@link EvaluateReportBrowserITCase}.)
 */
class EvaluateReportITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void writesTheReportThenTheJsonLineAsUsual() throws Exception {
        ReportFixture.Written report = ReportFixture.report();

        assertThat(report.exitCode()).isZero();
        assertThat(report.file()).isRegularFile();
        List<String> lines = report.stdout().lines().toList();
        assertThat(lines).contains("report written to " + report.file());
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.has("mean_predicted_labels")).isTrue();
        assertThat(json.has("mean_true_labels")).isTrue();
    }

    @Test
    void theReportHasEverySectionAndAChartForEachCategory() throws Exception {
        ReportFixture.Written report = ReportFixture.report();
        String html = Files.readString(report.file());
        List<String> labels = ModelBundle.read(report.model()).manifest().labels();

        List<String> expected = new ArrayList<>(List.of("overall", "per-category-f1", "f1-by-frequency",
                "confused-pairs", "loss-model", "validation-f1-model"));
        for (int i = 0; i < labels.size(); i++) expected.add("pr-" + i);
        assertThat(ReportFixture.chartNames(html)).containsExactlyInAnyOrderElementsOf(expected);
        for (String label : labels) assertThat(html).contains("<td>" + label + "</td>");
        assertThat(html).contains("Evaluation of model " + ModelBundle.read(report.model()).modelVersion())
                .contains("baseline model " + ModelBundle.read(report.baseline()).modelVersion())
                .contains(">baseline F1</th>")
                .contains("predicted categories per video", "true categories per video");
        assertThat(html).as("the baseline's bundle has no history").contains("Training history not recorded");
    }
}
