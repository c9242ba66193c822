package dev.categorizer.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.codec.Json;
import dev.categorizer.cli.CategorizerCli;
import dev.categorizer.jobs.testutil.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards the model's quality on the team's shared datasets, end to end through the {@code train} and
 * {@code evaluate} commands with default settings (skipped where {@code ../shared} is absent). The floors sit a
 * little under what BENCHMARKS.md records, so that a regression fails while numeric noise across machines does
 * not; the bars themselves are checked by the benchmark run.
 */
class SharedDatasetsQualityITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // dataset,             micro-F1 floor, macro-F1 floor (recorded: 0.860 / 0.437 and 0.652 / 0.521)
        "reuters21578-modapte,  0.845,          0.40",
        "tmdb5000-genres,       0.635,          0.49"
    })
    void trainAndEvaluateReachTheFloor(String name, double microFloor, double macroFloor) throws Exception {
        Optional<Path> data = SharedData.dataset(name);
        assumeTrue(data.isPresent(), "../shared/data/" + name + " is not there");
        Path model = dir.resolve("model");

        int trained = CategorizerCli.run("train", "--train", data.get().resolve("train.jsonl").toString(),
                "--model", model.toString(), "--work-dir", dir.resolve("work").toString());
        assertThat(trained).isZero();

        JsonNode metrics = evaluate(model, data.get().resolve("test.jsonl"));
        assertThat(metrics.get("micro_f1").asDouble()).as("micro-F1").isGreaterThanOrEqualTo(microFloor);
        assertThat(metrics.get("macro_f1").asDouble()).as("macro-F1").isGreaterThanOrEqualTo(macroFloor);
    }

    private static JsonNode evaluate(Path model, Path test) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run("evaluate", "--model", model.toString(), "--test", test.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        return Json.mapper().readTree(lines.get(lines.size() - 1));
    }
}
