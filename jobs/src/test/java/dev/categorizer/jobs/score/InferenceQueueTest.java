package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.model.predict.ModelFailureException;
import dev.categorizer.model.predict.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scoring threads change nothing in the results: every batch comes back in submission order, each row with
 * the scores the {@link Predictor} gives when called directly, or with its reason when it cannot be scored.
 */
class InferenceQueueTest {

    private static Predictor predictor;

    @BeforeAll
    static void load() {
        predictor = Predictor.load(ModelFixture.tinyModel());
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @ParameterizedTest(name = "{0} scoring threads, batches of {1}")
    @CsvSource({"0, 7", "1, 7", "2, 7", "3, 7", "1, 50", "2, 50"}) // 50 rows: several claims per batch
    void scoresEveryBatchInOrderAsThePredictorDoes(int threads, int batchSize) throws Exception {
        List<Video> videos = new ArrayList<>(ModelFixture.sampleTest(150));
        videos.add(40, new Video("unknown-words", "zzqx qqzx", "xxqz", List.of(), List.of()));
        List<List<MicroBatchBuffer.Entry<Video>>> batches = batches(videos, batchSize);
        AtomicInteger wakeUps = new AtomicInteger();

        List<ScoredBatch> results = new ArrayList<>();
        try (InferenceQueue queue =
                new InferenceQueue(threads, new BatchScorer(predictor, 100_000), "test-scoring", wakeUps::incrementAndGet)) {
            for (List<MicroBatchBuffer.Entry<Video>> batch : batches) {
                ScoredBatch oldest = queue.submit(batch);
                if (oldest != null) results.add(oldest);
                for (ScoredBatch done; (done = queue.pollDone()) != null; ) results.add(done);
            }
            while (!queue.isEmpty()) results.add(queue.awaitOldest());
        }

        assertThat(results).hasSameSizeAs(batches);
        List<Video> scoredInOrder = new ArrayList<>();
        for (ScoredBatch batch : results) {
            for (int i = 0; i < batch.size(); i++) {
                Video video = batch.entries().get(i).item();
                scoredInOrder.add(video);
                if (video.id().equals("unknown-words")) {
                    assertThat(batch.isScored(i)).isFalse();
                    assertThat(batch.failures()[i]).startsWith("no known token");
                } else {
                    assertThat(batch.isScored(i)).as(video.id()).isTrue();
                    float[] direct = predictor.scores(List.of(predictor.vectorize(video)))[0];
                    assertThat(batch.scores()[i]).containsExactly(direct, org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
        }
        assertThat(scoredInOrder).isEqualTo(videos);
        assertThat(wakeUps.get()).isEqualTo(threads == 0 ? 0 : batches.size());
    }

    @ParameterizedTest(name = "{0} scoring threads")
    @ValueSource(ints = {0, 1, 2})
    void aFullQueueHandsBackTheOldestBatchFirst(int threads) throws Exception {
        List<List<MicroBatchBuffer.Entry<Video>>> batches = batches(ModelFixture.sampleTest(40), 5);
        try (InferenceQueue queue = new InferenceQueue(threads, new BatchScorer(predictor, 100_000), "test-scoring", () -> {})) {
            for (int i = 0; i <= threads; i++) {
                assertThat(queue.submit(batches.get(i))).isNull();
            }
            ScoredBatch oldest = queue.submit(batches.get(threads + 1));
            assertThat(oldest).isNotNull();
            assertThat(oldest.entries()).isSameAs(batches.get(0));
        }
    }

    @ParameterizedTest(name = "{0} scoring threads")
    @ValueSource(ints = {0, 1, 2})
    void aModelThatFailsOnAWholeBatchFailsTheCallerNotTheVideos(int threads, @TempDir Path tmp) {
        try (Predictor broken = Predictor.load(OverflowingModel.everywhere(tmp.resolve("broken")));
                InferenceQueue queue = new InferenceQueue(threads, new BatchScorer(broken, 100_000), "test-scoring",
                        () -> {})) {
            // With 0 threads the batch is scored inside submit; otherwise the failure waits for the caller.
            assertThatThrownBy(() -> {
                        queue.submit(batches(ModelFixture.sampleTest(7), 7).get(0));
                        queue.awaitOldest();
                    })
                    .hasRootCauseInstanceOf(ModelFailureException.class)
                    .rootCause().hasMessageContaining("NaN");
        }
    }

    @ParameterizedTest(name = "{0} scoring threads")
    @ValueSource(ints = {-1})
    void refusesANegativeThreadCount(int threads) {
        assertThatThrownBy(() -> new InferenceQueue(threads, new BatchScorer(predictor, 100_000), "x", () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
    }

    private static List<List<MicroBatchBuffer.Entry<Video>>> batches(List<Video> videos, int size) {
        List<List<MicroBatchBuffer.Entry<Video>>> batches = new ArrayList<>();
        for (int i = 0; i < videos.size(); i += size) {
            List<MicroBatchBuffer.Entry<Video>> batch = new ArrayList<>();
            for (Video v : videos.subList(i, Math.min(videos.size(), i + size))) {
                batch.add(new MicroBatchBuffer.Entry<>(v, 0, 0));
            }
            batches.add(batch);
        }
        return batches;
    }
}
