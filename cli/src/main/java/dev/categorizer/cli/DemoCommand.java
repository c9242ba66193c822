package dev.categorizer.cli;

import dev.categorizer.common.metrics.EvaluationResult;
import dev.categorizer.jobs.demo.PredictionExamples;
import dev.categorizer.jobs.demo.SampleData;
import dev.categorizer.jobs.evaluate.EvaluateJob;
import dev.categorizer.jobs.train.TrainJob;
import dev.categorizer.jobs.train.TrainResult;
import dev.categorizer.model.train.HyperParameters;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code categorizer demo}: trains on the bundled film sample (data/sample/train.jsonl), evaluates the model on
 * data/sample/test.jsonl and prints a few test films with their predicted and true genres. With the training
 * defaults it takes about a minute on two cores (8,000 films train in ~15 s).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Trains on the bundled film sample, evaluates on its test set and shows a few predictions.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the model and the training files go.")
    Path workDir = Path.of("work", "demo");

    @Option(names = "--epochs", paramLabel = "N", description = "Most passes over the training data.")
    int epochs = HyperParameters.defaults().epochs();

    @Option(names = "--hidden", paramLabel = "N", description = "Units in the hidden layer.")
    int hidden = HyperParameters.defaults().hidden();

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with train.jsonl and test.jsonl; default: data/sample in the working "
                    + "directory or a parent.")
    Path data;

    @Option(names = "--examples", paramLabel = "N", description = "Test films to show with their predictions.")
    int examples = 8;

    @Override
    public Integer call() throws Exception {
        Path sample = data != null ? data : SampleData.locate();
        if (!SampleData.isSample(sample)) {
            System.err.println("demo: " + sample + " has no train.jsonl and test.jsonl");
            return 1;
        }
        Path model = workDir.resolve("model").toAbsolutePath();
        String test = sample.resolve("test.jsonl").toString();

        System.out.printf("Training on %s (%d epochs at most, %d hidden units)...%n",
                sample.resolve("train.jsonl"), epochs, hidden);
        TrainResult trained = TrainJob.builder()
                .train(sample.resolve("train.jsonl").toString())
                .model(model.toString())
                .workDir(workDir.resolve("train").toAbsolutePath().toString())
                .configuration(EmbeddedCluster.settings()) // the demo always runs on its own
                .hyperParameters(HyperParameters.defaults().toBuilder().epochs(epochs).hidden(hidden).build())
                .build()
                .run();
        System.out.println();
        System.out.print(trained.summary());

        System.out.printf("%nEvaluating on %s...%n", test);
        EvaluationResult evaluation =
                EvaluateJob.run(EmbeddedCluster.environment(), model.toString(), test);
        System.out.println(evaluation.toTable());

        System.out.printf("%nA few test films:%n");
        PredictionExamples.print(model, Path.of(test), examples, System.out);
        System.out.printf("%nThe model bundle is in %s. Score your own videos with:%n"
                + "  ./categorizer score --model %s --input videos.jsonl --output predictions/%n", model, model);
        return 0;
    }
}
