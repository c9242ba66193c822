package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.io.ParsedVideo;
import dev.categorizer.jobs.io.ParsedVideoTypeInfo;
import dev.categorizer.jobs.io.VideoFiles;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.sink.LeftoverPartFiles;
import dev.categorizer.jobs.sink.OutputSpec;
import dev.categorizer.jobs.sink.PredictionSinks;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded score job (files to files) that fails after it has written part of its output, and is restarted by
 * Flink, leaves each prediction exactly once in finished part files: no duplicate from the failed attempt and no
 * half-written file: the in-progress file the failed attempt left is removed once the job has finished.
 */
class ScoreJobFilesRestartITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    @TempDir
    Path tmp;

    /** Throws once, after {@code after} videos have passed it: a task failure once output was written. */
    static final class FailOnceAfter implements MapFunction<ParsedVideo, ParsedVideo> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();
        private final int after;

        FailOnceAfter(int after) {
            this.after = after;
        }

        @Override
        public ParsedVideo map(ParsedVideo v) throws Exception {
            if (SEEN.incrementAndGet() > after && FAILED.compareAndSet(false, true)) {
                Thread.sleep(300); // let the scored batches before it reach the sink's part files
                throw new IllegalStateException("injected failure after " + after + " videos");
            }
            return v;
        }
    }

    @Test
    void aRestartedFileJobLeavesEveryPredictionExactlyOnceInFinishedFiles() throws Exception {
        Path bundle = ModelFixture.tinyModel();
        List<Video> videos = ModelFixture.sampleTest(600);
        VideoJsonCodec codec = new VideoJsonCodec();
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        for (int part = 0; part < 2; part++) {
            Files.write(input.resolve("part-" + part + ".jsonl"), videos.subList(part * 300, part * 300 + 300).stream()
                    .map(codec::encode).toList(), StandardCharsets.UTF_8);
        }
        FailOnceAfter.FAILED.set(false);
        FailOnceAfter.SEEN.set(0);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        DataStream<ParsedVideo> in = VideoFiles.read(env, input.toString())
                .map(new FailOnceAfter(350)).returns(ParsedVideoTypeInfo.INSTANCE);
        ScoredStreams<Prediction> scored = ScoreJob.score(in,
                ScoringOptions.builder(bundle.toString()).batchSize(16).inferenceThreads(0).build());
        Path output = tmp.resolve("predictions");
        PredictionSinks.predictions(scored.results(), OutputSpec.parse(output.toString(), null, null),
                KafkaSettings.builder().build());
        PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse(tmp.resolve("dead").toString(), null, null),
                KafkaSettings.builder().build());
        env.execute("score files with a failure");
        // What the score command does after a bounded job (ScorePipeline.cleanUpAfterSuccess).
        LeftoverPartFiles.delete(output.toString());

        assertThat(FailOnceAfter.FAILED).as("the failure happened").isTrue();
        List<Prediction> predictions = OutputFiles.jsonPredictions(output);
        Map<String, Long> counts = predictions.stream().collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(videos.stream().map(Video::id).toList());
        assertThat(counts).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
        assertThat(hiddenFiles(output)).as("no in-progress or pending file left").isEmpty();
    }

    private static List<Path> hiddenFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
