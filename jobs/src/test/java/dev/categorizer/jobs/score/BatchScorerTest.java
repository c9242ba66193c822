package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.SparseVector;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OverflowingModel;
import dev.categorizer.model.predict.ModelFailureException;
import dev.categorizer.model.predict.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose fault a failed model call is, with real TensorFlow models whose weights overflow to NaN: a video the model
 * fails on alone while the rest of its batch scores is dead-lettered; a model that fails on every video of a
 * batch, even a batch of one, fails the batch with {@link ModelFailureException}, since dead-lettering would
 * divert the whole stream. Videos rejected before the model are no model calls and stay dead letters.
 */
class BatchScorerTest {

    @TempDir
    static Path tmp;

    private static Predictor failsOnWord;
    private static Predictor failsAlways;

    @BeforeAll
    static void load() {
        failsOnWord = Predictor.load(OverflowingModel.onWord(tmp.resolve("on-word")));
        failsAlways = Predictor.load(OverflowingModel.everywhere(tmp.resolve("everywhere")));
    }

    @AfterAll
    static void close() {
        failsOnWord.close();
        failsAlways.close();
    }

    @Test
    void aVideoTheModelFailsOnAloneIsDeadLetteredAndTheRestOfItsBatchScored() {
        List<Video> videos = new ArrayList<>(ModelFixture.sampleTest(12));
        videos.add(5, OverflowingModel.videoWithTheWord("poisoned"));

        ScoredBatch batch = score(new BatchScorer(failsOnWord, 100_000), videos);

        for (int i = 0; i < videos.size(); i++) {
            Video video = videos.get(i);
            if (i == 5) {
                assertThat(batch.isScored(i)).isFalse();
                assertThat(batch.failures()[i]).startsWith("the model failed on this video: ").contains("NaN");
            } else {
                assertThat(batch.isScored(i)).as(video.id()).isTrue();
                assertThat(batch.scores()[i])
                        .containsExactly(failsOnWord.scores(List.of(failsOnWord.vectorize(video)))[0]);
            }
        }
    }

    @Test
    void aModelThatFailsOnEveryVideoFailsTheBatch() {
        List<Video> videos = ModelFixture.sampleTest(12);

        assertThatThrownBy(() -> score(new BatchScorer(failsAlways, 100_000, "models/broken"), videos))
                .isInstanceOf(ModelFailureException.class)
                .hasMessageContaining("model " + OverflowingModel.EVERYWHERE_VERSION + " (models/broken)")
                .hasMessageContaining("failed on every video of a batch (12, each alone too)")
                .hasMessageContaining("NaN")
                .cause().isInstanceOf(ModelFailureException.class);
    }

    @Test
    void aBatchOfOneTheModelFailsOnIsTheModelsFaultTooAndRejectionsDoNotCount() {
        Video empty = Video.unlabelled("empty", "", " ", List.of());
        Video unknown = Video.unlabelled("unknown", "Qwxzv Plrktz", "zzqxv", List.of());
        List<Video> videos = List.of(empty, OverflowingModel.videoWithTheWord("poisoned"), unknown);

        assertThatThrownBy(() -> score(new BatchScorer(failsOnWord, 100_000), videos))
                .isInstanceOf(ModelFailureException.class)
                .hasMessageContaining("failed on every video of a batch (1, each alone too)");
    }

    @Test
    void videosRejectedBeforeTheModelAreStillDeadLettersWhateverTheModel() {
        List<Video> videos = List.of(Video.unlabelled("empty", "", " ", List.of()),
                Video.unlabelled("unknown", "Qwxzv Plrktz", "zzqxv", List.of()),
                Video.unlabelled("long", "A drama", "film ".repeat(200), List.of()));

        ScoredBatch batch = score(new BatchScorer(failsAlways, 100), videos);

        assertThat(batch.scoredCount()).isZero();
        assertThat(batch.failures()[0]).contains("empty text");
        assertThat(batch.failures()[1]).isEqualTo(BatchScorer.NO_KNOWN_TOKEN);
        assertThat(batch.failures()[2]).contains("text too long");
    }

    /** What a {@link ScoringWork} does with one batch: every row vectorized, then one model call. */
    private static ScoredBatch score(BatchScorer scorer, List<Video> videos) {
        List<MicroBatchBuffer.Entry<Video>> entries = new ArrayList<>();
        for (Video v : videos) entries.add(new MicroBatchBuffer.Entry<>(v, 0, 0));
        SparseVector[] vectors = new SparseVector[videos.size()];
        String[] failures = new String[videos.size()];
        for (int row = 0; row < videos.size(); row++) vectors[row] = scorer.vectorize(videos.get(row), failures, row);
        return scorer.score(entries, vectors, failures);
    }
}
