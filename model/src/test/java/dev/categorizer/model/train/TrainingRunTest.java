package dev.categorizer.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.metrics.EpochMetrics;
import dev.categorizer.model.tensor.LocalTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import dev.categorizer.model.testutil.ToyData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    @TempDir
    Path tmp;

    private final ToyData toy = new ToyData(11, 300, 50);
    private final HyperParameters hp =
            HyperParameters.builder().hidden(16).epochs(4).batchSize(16).learningRate(0.01f).seed(5).build();

    @Test
    void learnsTheToyCategoriesAndTunesOneThresholdPerLabel() {
        TrainedModel model = TrainingRun.trainToEnd(toy.trainingData(), hp, p -> {});
        assertThat(model.validationMetrics().get("validation_micro_f1")).isGreaterThan(0.9);
        assertThat(model.thresholds()).hasSize(ToyData.LABELS.size());
        assertThat(model.labels()).isEqualTo(ToyData.LABELS);
        assertThat(model.epochsRun()).isBetween(1, 4);
    }

    @Test
    void positiveWeightsFollowTheLabelFrequenciesOfTheTrainingExamples() {
        java.util.List<dev.categorizer.model.examples.Example> train = new java.util.ArrayList<>();
        dev.categorizer.common.record.SparseVector x =
                new dev.categorizer.common.record.SparseVector(new int[] {0}, new float[] {1f});
        for (int i = 0; i < 100; i++) {
            // label 0 on 1 in 100, label 1 on 20 in 100, label 2 on 60 in 100, label 3 never
            int[] labels = i == 0 ? new int[] {0, 1, 2} : i < 20 ? new int[] {1, 2} : i < 60 ? new int[] {2} : new int[0];
            train.add(new dev.categorizer.model.examples.Example(x, labels));
        }
        TrainingData data = new TrainingData(train, train.subList(0, 10), java.util.List.of("a", "b", "c", "d"), 1);
        assertThat(TrainingRun.positiveWeights(data, 0f)).isNull();
        assertThat(TrainingRun.positiveWeights(data, 0.5f)).containsExactly(
                new float[] {(float) Math.sqrt(99), 2f, 1f, (float) Math.sqrt(99)},
                org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(TrainingRun.positiveWeights(data, 1f)).containsExactly(
                new float[] {99f, 4f, 1f, 99f}, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void theLearningRateDecaysByTheFactorEachEpoch() {
        HyperParameters decaying = hp.toBuilder().learningRate(0.01f).learningRateDecay(0.5f).build();
        assertThat(decaying.learningRate(0)).isEqualTo(0.01f);
        assertThat(decaying.learningRate(2)).isEqualTo(0.0025f);
        assertThat(hp.learningRate(7)).isEqualTo(hp.learningRate());
        assertThat(HyperParameters.fromMap(decaying.toMap())).isEqualTo(decaying);
        assertThat(hp.toMap()).doesNotContainKey("learning_rate_decay");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hp.toBuilder().learningRateDecay(0f).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingStepsUseTheDecayedLearningRate() {
        // Without dropout, weights that no longer move give the same mean loss epoch after epoch; with a decay of
        // 1e-6 they move in the first epoch only.
        HyperParameters base = hp.toBuilder().dropout(0f).epochs(3).patience(10).refit(false).build();
        double[] constant = epochLosses(base);
        double[] frozen = epochLosses(base.toBuilder().learningRateDecay(1e-6f).build());
        assertThat(constant[2]).isLessThan(constant[1] * 0.9);
        assertThat(frozen[0]).isEqualTo(constant[0]);
        assertThat(frozen[2]).isCloseTo(frozen[1], org.assertj.core.data.Offset.offset(frozen[1] * 0.01));
    }

    private double[] epochLosses(HyperParameters settings) {
        java.util.List<Double> losses = new java.util.ArrayList<>();
        TrainingRun.trainToEnd(toy.trainingData(), settings, p -> {
            if (p.epochEnded()) losses.add(p.loss());
        });
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void theTopLabelFallbackIsDecidedOnValidationWithoutChangingTheWeightsOrThresholds() {
        HyperParameters base = hp.toBuilder().epochs(2).patience(10).topLabelFallback(false).build();
        TrainedModel plain = TrainingRun.trainToEnd(toy.trainingData(), base, p -> {});
        TrainedModel may = TrainingRun.trainToEnd(toy.trainingData(), base.toBuilder().topLabelFallback(true).build(), p -> {});
        assertThat(plain.topLabelFallback()).isFalse();
        assertThat(may.thresholds()).containsExactly(plain.thresholds());
        double objective = plain.validationMetrics().get("validation_micro_f1") + plain.validationMetrics().get("validation_macro_f1");
        double chosen = may.validationMetrics().get("validation_micro_f1") + may.validationMetrics().get("validation_macro_f1");
        if (may.topLabelFallback()) assertThat(chosen).isGreaterThan(objective);
        else assertThat(chosen).isEqualTo(objective);
        assertThat(may.hyperParameters().toMap()).containsEntry("top_label_fallback", "true");
        assertThat(HyperParameters.fromMap(may.hyperParameters().toMap())).isEqualTo(may.hyperParameters());
        assertThat(plain.hyperParameters().toMap()).doesNotContainKey("top_label_fallback");
    }

    @Test
    void thresholdBagsChangeOnlyTheThresholds() {
        HyperParameters base = hp.toBuilder().epochs(2).patience(10).refit(false).build();
        TrainedModel once = TrainingRun.trainToEnd(toy.trainingData(), base, p -> {});
        TrainedModel bagged = TrainingRun.trainToEnd(toy.trainingData(), base.toBuilder().thresholdBags(15).build(), p -> {});
        assertThat(bagged.thresholds()).isNotEqualTo(once.thresholds());
        assertThat(bagged.history()).isEqualTo(once.history()); // the same training
        assertThat(bagged.hyperParameters().toMap()).containsEntry("threshold_bags", "15");
        assertThat(once.hyperParameters().toMap()).doesNotContainKey("threshold_bags");
    }

    @Test
    void subnetworksChangeTrainingAndAreAHyperParameterOfTheManifest() {
        HyperParameters base = hp.toBuilder().epochs(2).patience(10).refit(false).build();
        HyperParameters split = base.toBuilder().subnetworks(2).build();
        TrainedModel one = TrainingRun.trainToEnd(toy.trainingData(), base, p -> {});
        TrainedModel two = TrainingRun.trainToEnd(toy.trainingData(), split, p -> {});
        assertThat(two.history()).isNotEqualTo(one.history());
        assertThat(two.hyperParameters().toMap()).containsEntry("subnetworks", "2");
        assertThat(one.hyperParameters().toMap()).doesNotContainKey("subnetworks");
        assertThat(HyperParameters.fromMap(two.hyperParameters().toMap())).isEqualTo(split);
    }

    @Test
    void inputDropoutChangesTrainingAndIsAHyperParameterOfTheManifest() {
        HyperParameters base = hp.toBuilder().epochs(2).patience(10).refit(false).build();
        HyperParameters dropping = base.toBuilder().inputDropout(0.3f).build();
        double[] plain = epochLosses(base);
        double[] dropped = epochLosses(dropping);
        assertThat(dropped[0]).as("the steps see fewer features").isNotEqualTo(plain[0]);
        assertThat(epochLosses(dropping)).as("drawn from the seed and the step").isEqualTo(dropped);
        assertThat(dropping.toMap()).containsEntry("input_dropout", "0.3");
        assertThat(HyperParameters.fromMap(dropping.toMap())).isEqualTo(dropping);
        java.util.Map<String, String> old = new java.util.LinkedHashMap<>(base.toMap());
        assertThat(old).doesNotContainKey("input_dropout"); // a manifest written before it existed reads as off
        assertThat(HyperParameters.fromMap(old).inputDropout()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hp.toBuilder().inputDropout(1f).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePositiveWeightPowerIsAHyperParameterOfTheManifest() {
        HyperParameters weighted = hp.toBuilder().positiveWeightPower(0.5f).build();
        assertThat(weighted.toMap()).containsEntry("positive_weight_power", "0.5");
        assertThat(HyperParameters.fromMap(weighted.toMap())).isEqualTo(weighted);
        java.util.Map<String, String> old = new java.util.LinkedHashMap<>(hp.toMap());
        old.remove("positive_weight_power"); // a manifest written before it existed
        assertThat(HyperParameters.fromMap(old).positiveWeightPower()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hp.toBuilder().positiveWeightPower(1.5f).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunResumedFromACheckpointEndsWithTheSameWeightsAsAnUninterruptedRun() throws IOException {
        TrainedModel uninterrupted = TrainingRun.trainToEnd(toy.trainingData(), hp, p -> {});

        byte[] saved;
        TensorStore store = new LocalTensorStore(tmp);
        try (TrainingRun run = TrainingRun.start(toy.trainingData(), hp, store)) {
            steps(run, 20); // stop mid-epoch 2 (15 steps per epoch)
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            run.checkpoint("chk-1").writeTo(new DataOutputStream(bytes));
            saved = bytes.toByteArray();
        }
        TrainingCheckpoint checkpoint = TrainingCheckpoint.readFrom(new DataInputStream(new ByteArrayInputStream(saved)));
        assertThat(checkpoint.globalStep()).isEqualTo(20);
        assertThat(saved.length).as("the checkpoint refers to files; it does not hold the tensors").isLessThan(1024);
        TrainedModel resumed;
        try (TrainingRun run = TrainingRun.resume(toy.trainingData(), hp, checkpoint, store)) {
            while (!run.isDone()) run.advance(p -> {});
            resumed = run.finish();
        }
        assertThat(resumed.weights().w1()).containsExactly(uninterrupted.weights().w1());
        assertThat(resumed.weights().w2()).containsExactly(uninterrupted.weights().w2());
        assertThat(resumed.thresholds()).containsExactly(uninterrupted.thresholds());
        assertThat(resumed.history()).as("the epochs before the checkpoint are not forgotten")
                .isEqualTo(uninterrupted.history());
    }

    @Test
    void theModelKeepsTheLossAndValidationF1OfEveryEpoch() {
        TrainedModel model = TrainingRun.trainToEnd(toy.trainingData(), hp, p -> {});
        assertThat(model.history()).isNotEmpty();
        for (int i = 0; i < model.history().size(); i++) {
            EpochMetrics e = model.history().get(i);
            assertThat(e.loss()).isPositive().isFinite();
            if (e.phase().equals(EpochMetrics.TRAIN)) {
                assertThat(e.epoch()).isEqualTo(i + 1);
                assertThat(e.validationMicroF1()).isBetween(0.0, 1.0);
            } else {
                assertThat(e.phase()).isEqualTo(EpochMetrics.REFIT);
                assertThat(e.validationMicroF1()).isNull();
            }
        }
        assertThat(model.history().get(0).loss()).isGreaterThan(model.history().get(model.history().size() - 1).loss());
    }

    @Test
    void earlyStoppingEndsTrainingBeforeTheLastEpochWhenValidationStopsImproving() {
        HyperParameters patient = hp.toBuilder().epochs(50).patience(1).build();
        TrainedModel model = TrainingRun.trainToEnd(toy.trainingData(), patient, p -> {});
        assertThat(model.epochsRun()).isLessThan(50);
    }

    @Test
    void refitsOnTrainingAndHeldOutExamplesForTheBestNumberOfEpochsKeepingTheTunedThresholds() {
        TrainingData split = toy.trainingData();
        TrainingData heldOut = new TrainingData(split.train(), split.validation(), split.labels(), split.inputSize(), true);
        java.util.List<TrainingProgress> steps = new java.util.ArrayList<>();
        TrainedModel refit = TrainingRun.trainToEnd(heldOut, hp, steps::add);
        TrainedModel single = TrainingRun.trainToEnd(heldOut, hp.toBuilder().refit(false).build(), p -> {});

        int bestEpoch = (int) Math.round(single.validationMetrics().get("best_epoch"));
        long refitEpochs = steps.stream().filter(p -> p.refit() && p.epochEnded()).count();
        assertThat(refitEpochs).isEqualTo(bestEpoch);
        assertThat(refit.validationMetrics()).containsEntry("refit_docs",
                (double) (split.train().size() + split.validation().size()));
        assertThat(refit.thresholds()).containsExactly(single.thresholds());
        assertThat(refit.weights().w1()).isNotEqualTo(single.weights().w1());
    }

    @Test
    void aRunResumedDuringTheRefitEndsLikeAnUninterruptedOne() throws IOException {
        TrainingData split = toy.trainingData();
        TrainingData heldOut = new TrainingData(split.train(), split.validation(), split.labels(), split.inputSize(), true);
        TrainedModel uninterrupted = TrainingRun.trainToEnd(heldOut, hp, p -> {});
        byte[] saved;
        TensorStore store = new LocalTensorStore(tmp);
        try (TrainingRun run = TrainingRun.start(heldOut, hp, store)) {
            TrainingProgress p;
            do {
                p = run.roundComplete() ? null : run.step();
                if (p == null) run.endRound();
            } while (p == null || !p.refit() || p.step() < 3);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            run.checkpoint("chk-refit").writeTo(new DataOutputStream(bytes));
            saved = bytes.toByteArray();
        }
        TrainingCheckpoint checkpoint = TrainingCheckpoint.readFrom(new DataInputStream(new ByteArrayInputStream(saved)));
        TrainedModel resumed;
        try (TrainingRun run = TrainingRun.resume(heldOut, hp, checkpoint, store)) {
            while (!run.isDone()) run.advance(p -> {});
            resumed = run.finish();
        }
        assertThat(resumed.weights().w1()).containsExactly(uninterrupted.weights().w1());
        assertThat(resumed.thresholds()).containsExactly(uninterrupted.thresholds());
        assertThat(resumed.history()).as("the epochs before the checkpoint are not forgotten")
                .isEqualTo(uninterrupted.history());
    }

    @Test
    void aCheckpointWhoseFilesWereChangedIsRefusedNamingTheFile() throws IOException {
        TensorStore store = new LocalTensorStore(tmp);
        TrainingCheckpoint checkpoint;
        try (TrainingRun run = TrainingRun.start(toy.trainingData(), hp, store)) {
            steps(run, 3);
            checkpoint = run.checkpoint("chk-a");
            steps(run, 3);
            run.checkpoint("chk-b");
        }
        // A well-formed file of another checkpoint in place of this one's: its own checksum is right, the
        // checkpoint's is not.
        java.nio.file.Files.copy(tmp.resolve("chk-b/b2"), tmp.resolve("chk-a/b2"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TrainingRun.resume(toy.trainingData(), hp, checkpoint, store))
                .hasMessageContaining("chk-a")
                .hasMessageContaining("b2")
                .hasMessageContaining("not the file this checkpoint wrote");
    }

    @Test
    void weightAveragingOverOneStepIsThePlainModelBitForBit() {
        // A horizon of one step makes the average the last weights; the training steps are the same either way.
        TrainingData split = toy.trainingData();
        TrainingData heldOut = new TrainingData(split.train(), split.validation(), split.labels(), split.inputSize(), true);
        TrainedModel plain = TrainingRun.trainToEnd(heldOut, hp, p -> {});
        TrainedModel averaged = TrainingRun.trainToEnd(heldOut, hp.toBuilder().weightAverageEpochs(1e-6f).build(), p -> {});
        assertThat(averaged.weights().w1()).containsExactly(plain.weights().w1());
        assertThat(averaged.weights().w2()).containsExactly(plain.weights().w2());
        assertThat(averaged.thresholds()).containsExactly(plain.thresholds());
        assertThat(averaged.history()).isEqualTo(plain.history());
    }

    @Test
    void withWeightAveragingTheModelIsTheAverageOfTheWeights() {
        HyperParameters once = hp.toBuilder().epochs(1).refit(false).build();
        TrainedModel last = TrainingRun.trainToEnd(toy.trainingData(), once, p -> {});
        TrainedModel averaged = TrainingRun.trainToEnd(toy.trainingData(), once.toBuilder().weightAverageEpochs(0.5f).build(),
                p -> {});
        // the same steps, the model from their average: other weights, other validation scores
        assertThat(averaged.history().get(0).loss()).isEqualTo(last.history().get(0).loss());
        assertThat(averaged.weights().w1()).isNotEqualTo(last.weights().w1());
        assertThat(averaged.weights().toArray("b2")).isNotEqualTo(last.weights().toArray("b2"));
        TrainedModel longer = TrainingRun.trainToEnd(toy.trainingData(), hp.toBuilder().weightAverageEpochs(2f).build(),
                p -> {});
        assertThat(longer.validationMetrics().get("validation_micro_f1")).isGreaterThan(0.9);
    }

    @Test
    void aRunWithWeightAveragingResumedFromACheckpointEndsLikeAnUninterruptedOne() throws IOException {
        HyperParameters averaging = hp.toBuilder().weightAverageEpochs(1.5f).build();
        TrainedModel uninterrupted = TrainingRun.trainToEnd(toy.trainingData(), averaging, p -> {});
        TensorStore store = new LocalTensorStore(tmp);
        TrainingCheckpoint checkpoint;
        try (TrainingRun run = TrainingRun.start(toy.trainingData(), averaging, store)) {
            steps(run, 20); // mid-epoch 2: the average's lazy rows are part of the state
            checkpoint = run.checkpoint("chk-avg");
        }
        assertThat(tmp.resolve("chk-avg/w1_avg")).exists();
        assertThat(tmp.resolve("chk-avg/w1_avg_step")).exists();
        TrainedModel resumed;
        try (TrainingRun run = TrainingRun.resume(toy.trainingData(), averaging, checkpoint, store)) {
            while (!run.isDone()) run.advance(p -> {});
            resumed = run.finish();
        }
        assertThat(resumed.weights().w1()).containsExactly(uninterrupted.weights().w1());
        assertThat(resumed.weights().toArray("b1")).containsExactly(uninterrupted.weights().toArray("b1"));
        assertThat(resumed.thresholds()).containsExactly(uninterrupted.thresholds());
    }

    @Test
    void weightAveragingIsAHyperParameterOfTheManifestAndNeedsOneReplica() {
        HyperParameters averaging = hp.toBuilder().weightAverageEpochs(2f).build();
        assertThat(averaging.toMap()).containsEntry("weight_average_epochs", "2.0");
        assertThat(HyperParameters.fromMap(averaging.toMap())).isEqualTo(averaging);
        assertThat(hp.toMap()).doesNotContainKey("weight_average_epochs");
        assertThat(HyperParameters.fromMap(hp.toMap()).weightAverageEpochs()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hp.toBuilder().weightAverageEpochs(-1f).build())
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingRun.start(toy.trainingData(), averaging,
                        new dev.categorizer.model.tensor.MemoryTensorStore(), Replicas.of(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one replica");
    }

    /** Runs {@code n} mini-batches, ending rounds (and epochs) as they come. */
    static void steps(TrainingRun run, int n) {
        for (int done = 0; done < n; ) {
            if (run.roundComplete()) {
                run.endRound();
            } else {
                run.step();
                done++;
            }
        }
    }
}
