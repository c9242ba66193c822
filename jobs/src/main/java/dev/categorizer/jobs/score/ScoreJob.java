package dev.categorizer.jobs.score;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.jobs.io.ParsedVideo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The score job: parsed videos in, predictions and dead letters out. Sources and sinks are arguments, so the
 * command line, a cluster deployment and the tests plug in files, Kafka or collections.
 *
 * <pre>{@code
 * DataStream<ParsedVideo> videos = ...;   // files or Kafka
 * ScoredStreams<Prediction> scored = ScoreJob.score(videos, ScoringOptions.builder("models/films").build());
 * PredictionSinks.predictions(scored.results(), OutputSpec.parse("out/predictions", null, null), kafka);
 * PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse("out/dead-letters", null, null), kafka);
 * env.execute("score");
 * }</pre>
 */
public final class ScoreJob {

    private ScoreJob() {}

    /**
     * Turns on Flink's object reuse for a job made of this job's operators: chained operators then hand records
     * on without a serializer's copy call per record. Safe here because every record type of the score job is
     * immutable, its sources make a new object per record, and the scoring operator only keeps references to
     * records it has not yet scored, which nothing else modifies.
     */
    public static void reuseObjects(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
    }

    /**
     * Scores {@code videos} into predictions: the categories over their thresholds, best first, each explained
     * by its strongest words when {@link ScoringOptions#explainTop()} asks for it (an extra model call per
     * video that has a category; without it scoring does exactly what it did before).
     */
    public static ScoredStreams<Prediction> score(DataStream<ParsedVideo> videos, ScoringOptions options) {
        ResultFormatter<Prediction> formatter = options.explainTop() > 0
                ? new ExplainingPredictionFormatter(options.explainTop()) : new PredictionFormatter();
        return scoreWith(videos, options, formatter, PredictionTypeInfo.INSTANCE, "score");
    }

    /**
     * Scores {@code videos} with the micro-batching scoring operator, each result made by {@code formatter}. The
     * model is pinned to the version in service when the job is built, so every task, and every restart, serves
     * that version even when a new one is published meanwhile.
     *
     * @param uid the operator's stable id, kept across versions so a savepoint can be restored
     */
    public static <OUT> ScoredStreams<OUT> scoreWith(
            DataStream<ParsedVideo> videos,
            ScoringOptions options,
            ResultFormatter<OUT> formatter,
            TypeInformation<OUT> resultType,
            String uid) {
        ScoringOptions pinned = options.pinned();
        SingleOutputStreamOperator<OUT> results = videos
                .transform("Score videos (batches of " + options.batchSize() + ")", resultType,
                        new ScoringOperatorFactory<>(pinned, formatter))
                .uid(uid)
                // Pinned: a BATCH job's adaptive scheduler would otherwise size it by bytes read, while scoring
                // is CPU-bound and small inputs deserve every core too.
                .setParallelism(videos.getExecutionEnvironment().getParallelism());
        DataStream<DeadLetter> deadLetters = results.getSideOutput(ScoringOperator.DEAD_LETTERS);
        return new ScoredStreams<>(results, deadLetters);
    }
}
