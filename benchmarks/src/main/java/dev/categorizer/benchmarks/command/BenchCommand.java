package dev.categorizer.benchmarks.command;

import dev.categorizer.common.io.FileTrees;
import dev.categorizer.benchmarks.score.BenchInput;
import dev.categorizer.benchmarks.score.BenchResult;
import dev.categorizer.benchmarks.score.FlinkScoreBench;
import dev.categorizer.benchmarks.score.PredictorBench;
import dev.categorizer.benchmarks.sql.SqlScoringBench;
import dev.categorizer.cli.ExtraCommand;
import dev.categorizer.cli.InferenceThreadsOption;
import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.score.ScoringOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code categorizer bench}: documents per second and latency per record of the score job on files, next to the
 * model alone (no Flink). Prints Markdown table rows to paste into BENCHMARKS.md.
 *
 * <p>Not in the job jar: the command line finds it through {@link ExtraCommand} when this module is on the class
 * path, as the {@code ./categorizer} launcher puts it.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmarks scoring: the Flink score job on files (documents/s, p50/p99 latency per record) and the "
                    + "model alone in-process, as Markdown table rows.",
            "Example: categorizer bench --model models/films --input data/sample/test.jsonl --replicate-to 20000"
        })
public final class BenchCommand implements Callable<Integer>, ExtraCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle directory.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON-lines file of videos.")
    Path input;

    @Option(names = "--replicate-to", paramLabel = "N", defaultValue = "20000",
            description = "Repeat the documents to at least N (default: ${DEFAULT-VALUE}).")
    int replicateTo;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "Parallel tasks of the Flink job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ScoringOptions.DEFAULT_BATCH_SIZE,
            description = "Most documents per model call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--batch-timeout", paramLabel = "DURATION", defaultValue = "50ms",
            description = "Longest a record waits for its batch to fill (default: ${DEFAULT-VALUE}).")
    String batchTimeout;

    @Mixin
    InferenceThreadsOption inferenceThreads = new InferenceThreadsOption();

    @Option(names = "--files", paramLabel = "N", defaultValue = "4",
            description = "Part files the replicated documents are written to, as a catalogue export comes "
                    + "(default: ${DEFAULT-VALUE}); with at least as many files as tasks, each task reads and scores "
                    + "its own files.")
    int files;

    @Option(names = "--sql", description = "Also time scoring through Flink SQL (CATEGORIZE and ML_PREDICT) on "
            + "the same documents, with the same parallelism.")
    boolean sql;

    @Override
    public Integer call() throws Exception {
        List<Video> videos = BenchInput.replicate(JsonLinesFiles.readVideos(input), replicateTo);
        Path catalogue = Files.createTempDirectory("categorizer-bench-");
        try {
            BenchInput.writeJsonLinesParts(videos, catalogue, files);
            ScoringOptions options = ScoringOptions.builder(model.toAbsolutePath().toString())
                    .batchSize(batchSize)
                    .batchTimeoutMillis(TimeUtils.parseDuration(batchTimeout).toMillis())
                    .inferenceThreads(inferenceThreads.value())
                    .build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(parallelism);
            List<BenchResult> flink = FlinkScoreBench.run(env, catalogue.toAbsolutePath().toString(), options);
            BenchResult alone = PredictorBench.run(model, videos, batchSize);

            System.out.printf("bench: %s, %d documents (from %s), %d cores, Java %s%n", model, videos.size(),
                    input.getFileName(), Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.println(BenchResult.HEADER);
            flink.forEach(r -> System.out.println(r.toMarkdownRow()));
            System.out.println(alone.toMarkdownRow());
            if (sql) {
                SqlScoringBench.main(new String[] {"--model", model.toAbsolutePath().toString(),
                    "--input", input.toAbsolutePath().toString(), "--rows", Integer.toString(replicateTo),
                    "--parallelism", Integer.toString(parallelism)});
            }
            return 0;
        } finally {
            FileTrees.delete(catalogue);
        }
    }
}
