package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.train.HyperParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Trains on the demo sample (plus a few bad records) end to end on a MiniCluster, twice. */
class TrainJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** Measured: 0.81 micro-F1 on the test file with these settings (0.83 with the full defaults). */
    static final double MICRO_F1_BAR = 0.70;

    static final HyperParameters SMALL = HyperParameters.defaults().toBuilder().hidden(128).epochs(10).build();

    @TempDir
    Path tmp;

    @Test
    void trainsABundleThatScoresTheTestSetAndIsReproducible() throws Exception {
        Path sample = SampleEvaluation.sampleDirectory();
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.copy(sample.resolve("train.jsonl"), input.resolve("train.jsonl"));
        Files.writeString(input.resolve("bad.jsonl"), """
                {"id": "broken", "title":
                {"id": "unlabelled", "title": "A film", "labels": []}
                not json at all
                """);

        TrainResult first = train(input, null, 2, "1");

        assertThat(first.trainDocuments()).isEqualTo(8024);
        assertThat(first.deadLetters()).isEqualTo(3);
        assertThat(first.labels()).hasSize(34).isSorted().contains("Drama", "Western");
        assertThat(first.vocabularySize()).isBetween(5_000, 30_000);
        assertThat(first.validationMetrics()).containsKey("validation_micro_f1");
        List<DeadLetter> deadLetters = readDeadLetters(tmp.resolve("dead-1"));
        assertThat(deadLetters).extracting(DeadLetter::reason).anyMatch(r -> r.startsWith("malformed JSON"))
                .anyMatch(r -> r.startsWith("no labels")).hasSize(3);

        ModelBundle bundle = ModelBundle.read(tmp.resolve("model-1"));
        assertThat(bundle.manifest().labels()).isEqualTo(first.labels());
        assertThat(bundle.manifest().vocabularySize()).isEqualTo(first.vocabularySize());
        assertThat(bundle.manifest().provenance()).containsEntry("train_documents", "8024")
                .containsEntry("dead_letters", "3");
        EvaluationResult result = SampleEvaluation.evaluate(tmp.resolve("model-1"), sample.resolve("test.jsonl"));
        assertThat(result.docs()).isEqualTo(1963);
        assertThat(result.microF1()).isGreaterThan(MICRO_F1_BAR);

        // Same data and seed, another parallelism, and a validation file (which must not count in the vocabulary).
        TrainResult second = train(input, sample.resolve("test.jsonl"), 1, "2");

        assertThat(second.validationDocuments()).isEqualTo(1963);
        assertThat(second.trainDocuments()).isEqualTo(8024);
        assertThat(Files.readAllBytes(ModelBundle.read(tmp.resolve("model-2")).directory().resolve(ModelBundle.VOCABULARY)))
                .isEqualTo(Files.readAllBytes(bundle.directory().resolve(ModelBundle.VOCABULARY)));
        assertThat(second.labels()).isEqualTo(first.labels());
        assertThat(second.validationMetrics().get("validation_docs")).isEqualTo(1963.0);
    }

    private TrainResult train(Path input, Path validation, int parallelism, String run) throws Exception {
        return TrainJob.builder()
                .train(input.toString())
                .validation(validation == null ? null : validation.toString())
                .model(tmp.resolve("model-" + run).toString())
                .workDir(tmp.resolve("work-" + run).toString())
                .deadLetters(tmp.resolve("dead-" + run).toString())
                .hyperParameters(SMALL)
                .parallelism(parallelism)
                .build()
                .run();
    }

    private static List<DeadLetter> readDeadLetters(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(DeadLetterJsonCodec::decode)
                    .toList();
        }
    }
}
