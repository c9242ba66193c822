package dev.categorizer.benchmarks.score;

import dev.categorizer.common.record.Prediction;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.score.LatencyBuckets;
import dev.categorizer.jobs.score.ScoreJob;
import dev.categorizer.jobs.score.ScoredStreams;
import dev.categorizer.jobs.score.ScoringMetrics;
import dev.categorizer.jobs.score.ScoringOptions;
import dev.categorizer.jobs.score.VideoInput;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The score job on files with discarded outputs, as a bounded BATCH job, reading its input as the score job does
 * ({@link VideoInput}). Reports two rows: the whole job (wall
 * time, with start-up and model loading) and the scoring operator alone (first record in to last result out).
 * Latency per record is measured inside the operator: from a record's arrival to its result being emitted.
 */
public final class FlinkScoreBench {

    private FlinkScoreBench() {}

    public static List<BenchResult> run(StreamExecutionEnvironment env, String inputPath, ScoringOptions options)
            throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        ScoreJob.reuseObjects(env); // as the score job runs
        ScoredStreams<Prediction> scored = ScoreJob.score(VideoInput.parse(inputPath, null, null).open(env, KafkaSettings.builder().build()), options);
        scored.results().sinkTo(new DiscardingSink<>()).name("discard predictions");
        scored.deadLetters().sinkTo(new DiscardingSink<>()).name("discard dead letters");

        long start = System.nanoTime();
        JobExecutionResult result = env.execute("categorizer bench");
        double wallSeconds = (System.nanoTime() - start) / 1e9;

        long scoredDocs = ((Number) result.getAccumulatorResult(ScoringMetrics.SCORED)).longValue();
        long deadLettered = ((Number) result.getAccumulatorResult(ScoringMetrics.DEAD_LETTERED)).longValue();
        long first = ((Number) result.getAccumulatorResult(ScoringMetrics.FIRST_ARRIVAL)).longValue();
        long last = ((Number) result.getAccumulatorResult(ScoringMetrics.LAST_EMIT)).longValue();
        long batches = ((Number) result.getAccumulatorResult(ScoringMetrics.BATCHES)).longValue();
        Map<Integer, Integer> buckets = result.getAccumulatorResult(ScoringMetrics.LATENCY_BUCKETS);
        SortedMap<Integer, Integer> latency = new TreeMap<>(buckets);
        double p50 = LatencyBuckets.quantileMicros(latency, 0.50) / 1000;
        double p99 = LatencyBuckets.quantileMicros(latency, 0.99) / 1000;
        int parallelism = env.getParallelism();
        String counts = scoredDocs + " scored, " + deadLettered + " dead-lettered, " + batches + " model calls";
        return List.of(
                new BenchResult("flink score job, end to end", scoredDocs, parallelism, options.batchSize(),
                        wallSeconds, p50, p99, "wall time incl. job start and model load; " + counts),
                new BenchResult("flink scoring operator", scoredDocs, parallelism, options.batchSize(),
                        Math.max(1, last - first) / 1000.0, p50, p99,
                        "first record in to last result out; latency = arrival at operator to result emitted"));
    }
}
