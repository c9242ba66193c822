package dev.categorizer.jobs.evaluate;

import dev.categorizer.common.codec.InvalidRecordException;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a dead letter of the scoring step into an evaluation outcome. A test video that was read fine but could
 * not be scored (no word the model knows, empty text) still counts: as a video for which nothing was predicted,
 * so that its labels are misses, as they are for any classifier that cannot say anything about it. Only records
 * that are not videos at all (malformed JSON, invalid UTF-8, ...) stay out of the metrics.
 */
final class UnscorableVideo implements MapFunction<DeadLetter, EvaluationOutcome> {
    private static final long serialVersionUID = 1L;
    private static final String[] NONE = new String[0];
    private final VideoJsonCodec codec = new VideoJsonCodec();

    @Override
    public EvaluationOutcome map(DeadLetter deadLetter) {
        try {
            Video video = codec.decode(deadLetter.raw());
            return EvaluationOutcome.unscored(video.labels().toArray(NONE));
        } catch (InvalidRecordException notAVideo) {
            return EvaluationOutcome.rejected(deadLetter.reason());
        }
    }
}
