package dev.categorizer.jobs.io;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The result of reading one input record: either a valid video or a dead letter saying why it is not one.
 * Exactly one of the two is set. Flink serializes it with {@link ParsedVideoSerializer} (no Kryo).
 */
@TypeInfo(ParsedVideoTypeInfo.Factory.class)
public record ParsedVideo(Video video, DeadLetter deadLetter) {

    public ParsedVideo {
        if ((video == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of video and deadLetter must be set");
        }
    }

    public static ParsedVideo ok(Video video) {
        return new ParsedVideo(video, null);
    }

    public static ParsedVideo rejected(DeadLetter deadLetter) {
        return new ParsedVideo(null, deadLetter);
    }

    public boolean isValid() {
        return video != null;
    }
}
