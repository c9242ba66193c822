package dev.categorizer.cli;

import dev.categorizer.common.config.Locations;
import dev.categorizer.common.report.EvaluationReport;
import dev.categorizer.flink.bundle.LocalBundle;
import dev.categorizer.jobs.evaluate.EvaluateJob;
import dev.categorizer.jobs.evaluate.EvaluationRun;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.model.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code categorizer evaluate}: scores a labelled test set and prints per-label precision, recall and F1, then,
 * as the last line, one JSON object (micro_f1, macro_f1, p_at_1, mean_predicted_labels, mean_true_labels, docs,
 * labels, seconds, ...) for scripts. With {@code --report DIR} it also writes {@code DIR/report.html}
 * ({@link EvaluationReport}), beside the model of {@code --baseline DIR} (evaluated on the same test set) when
 * given. A test set without a single valid labelled video is a failure ({@link NoValidRecordException}: one line,
 * exit code 1), not a table of zeros.
 *
 * <pre>
 * categorizer evaluate --model models/v2 --test data/sample/test.jsonl --report reports/v2 --baseline models/v1
 * </pre>
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluates a model bundle on labelled videos: a table per label, then one line of JSON with "
                    + "micro_f1, macro_f1, p_at_1, docs, labels and seconds; --report also writes an HTML report.",
            "Example: categorizer evaluate --model models/films --test data/sample/test.jsonl --report reports/films"
        })
public final class EvaluateCommand implements Callable<Integer> {
    /** The report's file name in the {@code --report} directory. */
    public static final String REPORT_FILE = "report.html";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle directory.")
    String model;

    @Option(names = "--test", required = true, paramLabel = "PATH",
            description = "File or directory of labelled videos (JSON lines or Parquet).")
    String test;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write DIR/" + EvaluateCommand.REPORT_FILE + ": one self-contained HTML page with "
                    + "metrics per category, precision-recall curves, confused pairs and training curves.")
    Path report;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "With --report: evaluate this model bundle too, on the same test set, and show it beside.")
    String baseline;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallel tasks (default: the cluster's default, or all cores locally).")
    Integer parallelism;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ScoringOptions.DEFAULT_BATCH_SIZE,
            description = "Most videos scored by one model call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        if (baseline != null && report == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--baseline is shown in the report: give --report DIR too");
        }
        ScoringOptions scoring = scoring(model);
        ScoringOptions baselineScoring = baseline == null ? null : scoring(baseline);
        // Everything that can be refused is refused now, not after a job of minutes.
        checkModel(scoring);
        if (baselineScoring != null) checkModel(baselineScoring);
        Preflight.inputPresent("--test", test);
        if (report != null) Preflight.outputWritable("--report", report.toString());

        EvaluationRun run = evaluate(scoring);
        if (run.noValidVideo()) throw new NoValidRecordException(Locations.redact(test), run);
        System.out.print(run.result().toTable());
        if (run.deadLettered() > 0) System.out.println(run.describeDeadLetters());
        if (report != null) {
            EvaluationRun base = baselineScoring == null ? null : evaluate(baselineScoring);
            System.out.println("report written to " + writeReport(run, base));
        }
        System.out.println(run.toJson());
        return 0;
    }

    private ScoringOptions scoring(String bundle) {
        try {
            // Pinned: the check below and the tasks read the same version, even if a new one is published meanwhile.
            return ScoringOptions.builder(bundle).batchSize(batchSize).trustedKeys(trust.keys()).build().pinned();
        } catch (IllegalArgumentException e) { // options out of range: a usage error (exit code 2)
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Reads and checks a bundle before any job starts; a refused one is one line from {@link FailureReport}. */
    private static void checkModel(ScoringOptions scoring) {
        try (LocalBundle dir = LocalBundle.of(scoring.modelPath())) {
            ModelBundle.read(dir.directory(), scoring.trustedKeys());
        }
    }

    private EvaluationRun evaluate(ScoringOptions scoring) throws Exception {
        StreamExecutionEnvironment env = EmbeddedCluster.environment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        TensorFlowPreload.startIfLocal(env);
        if (parallelism != null) env.setParallelism(parallelism);
        return EvaluateJob.evaluate(env, scoring, test);
    }

    private Path writeReport(EvaluationRun run, EvaluationRun base) throws IOException {
        String html = new EvaluationReport(Locations.redact(test), run.reportSide("model"),
                base == null ? null : base.reportSide("baseline")).toHtml();
        Files.createDirectories(report);
        Path file = report.resolve(REPORT_FILE);
        Files.writeString(file, html);
        return file;
    }
}
