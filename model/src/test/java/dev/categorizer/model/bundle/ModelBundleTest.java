package dev.categorizer.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.vocab.Weighting;
import dev.categorizer.model.testutil.ToyData;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.TrainedModel;
import dev.categorizer.model.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    private static ToyData toy;
    private static TrainedModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        toy = new ToyData(3, 200, 20);
        model = TrainingRun.trainToEnd(toy.trainingData(),
                HyperParameters.builder().hidden(8).epochs(2).batchSize(32).seed(1).build(), p -> {});
    }

    private ModelBundle write(Path dir) {
        return ModelBundle.write(dir, model, toy.vocabulary, toy.text, Weighting.TFIDF,
                Map.of("train", "toy", "model_version", "toy-1"));
    }

    @Test
    void writesAManifestThatDescribesTheModelAndReadsItBack() {
        ModelBundle written = write(tmp.resolve("m"));
        ModelBundle read = ModelBundle.read(tmp.resolve("m"));
        Manifest m = read.manifest();
        assertThat(m.formatVersion()).isEqualTo(ModelBundle.FORMAT_VERSION);
        assertThat(m.modelVersion()).isEqualTo("toy-1");
        assertThat(m.labels()).isEqualTo(ToyData.LABELS);
        assertThat(m.thresholds()).hasSize(ToyData.LABELS.size());
        assertThat(m.vocabularySize()).isEqualTo(toy.vocabulary.size());
        assertThat(m.hyperParameters()).containsEntry("hidden", "8");
        assertThat(m.text()).isEqualTo(toy.text.toMap());
        assertThat(m.trainingMetrics()).containsKey("validation_micro_f1");
        assertThat(m.provenance()).containsEntry("train", "toy").containsKey("tensorflow_version");
        assertThat(m.files().keySet()).containsExactlyInAnyOrder(ModelBundle.VOCABULARY, "weights/w1", "weights/b1",
                "weights/w2", "weights/b2");
        assertThat(m.trainingHistory()).as("one entry per epoch run").isEqualTo(model.history()).isNotEmpty();
        assertThat(m.trainingHistory().get(0).validationMicroF1()).isNotNull();
        assertThat(read.vocabulary()).isEqualTo(toy.vocabulary);
        assertThat(written.manifest()).isEqualTo(m);
        assertThat(m.topLabelFallback()).isEqualTo(model.topLabelFallback());
    }

    @Test
    void aBundleWrittenBeforeTheTopLabelFallbackExistedDecidesByItsThresholdsAlone() throws IOException {
        write(tmp.resolve("m"));
        Path manifest = tmp.resolve("m").resolve(ModelBundle.MANIFEST);
        String json = Files.readString(manifest);
        String key = "\"top_label_fallback\" : " + model.topLabelFallback() + ",";
        assertThat(json).contains(key);
        Files.writeString(manifest, json.replace(key, ""));

        Manifest old = ModelBundle.read(tmp.resolve("m")).manifest();

        assertThat(old.topLabelFallback()).isNull();
        assertThat(old.decisionRule().topLabelFallback()).isFalse();
    }

    @Test
    void titleWordsAndTheNewTrainingSettingsSurviveTheManifest() {
        dev.categorizer.common.text.TextConfig text = toy.text.toBuilder().titleWords(true).build();
        TrainedModel weighted = new TrainedModel(model.labels(), model.thresholds(), model.weights(),
                model.hyperParameters().toBuilder().positiveWeightPower(0.5f).learningRateDecay(0.9f)
                        .weightAverageEpochs(2f).inputDropout(0.2f).weightDecay(0.05f).build(),
                model.validationMetrics(), model.epochsRun(), model.history());
        ModelBundle.write(tmp.resolve("t"), weighted, toy.vocabulary, text, Weighting.TFIDF, Map.of("model_version", "t"));
        Manifest m = ModelBundle.read(tmp.resolve("t")).manifest();
        assertThat(m.text()).containsEntry("title_words", "true");
        assertThat(dev.categorizer.common.text.TextConfig.fromMap(m.text())).isEqualTo(text);
        assertThat(m.hyperParameters()).containsEntry("positive_weight_power", "0.5")
                .containsEntry("learning_rate_decay", "0.9").containsEntry("weight_average_epochs", "2.0")
                .containsEntry("input_dropout", "0.2").containsEntry("weight_decay", "0.05");
        Manifest plain = write(tmp.resolve("m0")).manifest();
        assertThat(plain.hyperParameters()).as("off, they are not written: older builds read the manifest")
                .doesNotContainKeys("positive_weight_power", "learning_rate_decay", "weight_average_epochs",
                        "input_dropout", "weight_decay");
        assertThat(plain.text()).containsEntry("title_words", "true"); // on by default; off is written as no key
    }

    @Test
    void aBundleWrittenBeforeTheTrainingHistoryExistedStillReadsWithoutOne() throws IOException {
        write(tmp.resolve("m"));
        Path manifest = tmp.resolve("m").resolve(ModelBundle.MANIFEST);
        String json = Files.readString(manifest);
        int start = json.indexOf(",\n  \"training_history\"");
        assertThat(start).as("the history is the manifest's last key").isPositive();
        Files.writeString(manifest, json.substring(0, start) + "\n}");

        assertThat(ModelBundle.read(tmp.resolve("m")).manifest().trainingHistory()).isNull();
    }

    @Test
    void theServedBundleHoldsNoOptimizerState() throws IOException {
        write(tmp.resolve("m"));
        long bytes;
        try (Stream<Path> files = Files.walk(tmp.resolve("m"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        long weights = 4L * (toy.vocabulary.size() * 8 + 8 + 8 * 4 + 4);
        // Adam would triple the weights; the vocabulary and the tensor files' headers add a little.
        assertThat(bytes).isLessThan(weights * 2 + 200_000);
    }

    @Test
    void refusesADamagedFileAndNamesIt() throws IOException {
        write(tmp.resolve("m"));
        Path vocab = tmp.resolve("m").resolve(ModelBundle.VOCABULARY);
        Files.writeString(vocab, Files.readString(vocab).replaceFirst("\n(\\S)", "\nx$1"));
        assertThatThrownBy(() -> ModelBundle.read(tmp.resolve("m")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("vocabulary.tsv")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void refusesAMissingFileAndNamesIt() throws IOException {
        write(tmp.resolve("m"));
        Files.delete(tmp.resolve("m/weights/w2"));
        assertThatThrownBy(() -> ModelBundle.read(tmp.resolve("m")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("weights/w2")
                .hasMessageContaining("missing");
    }

    @Test
    void refusesAnotherFormatVersion() throws IOException {
        write(tmp.resolve("m"));
        Path manifest = tmp.resolve("m").resolve(ModelBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\" : 2", "\"format_version\" : 99"));
        assertThatThrownBy(() -> ModelBundle.read(tmp.resolve("m")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("manifest.json")
                .hasMessageContaining("format version 99");
    }

    @Test
    void refusesADirectoryThatIsNoBundle() {
        assertThatThrownBy(() -> ModelBundle.read(tmp))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("missing manifest.json");
    }

    @Test
    void rewritingReplacesTheBundleWhole() {
        write(tmp.resolve("m"));
        ModelBundle second = write(tmp.resolve("m"));
        assertThat(ModelBundle.read(tmp.resolve("m")).manifest().modelId()).isEqualTo(second.manifest().modelId());
        assertThat(tmp.toFile().list()).containsExactly("m");
    }
}
