package dev.categorizer.jobs.score;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.Video;

/** The JSON text of a decoded video, for dead letters rejected after decoding (the original bytes are gone). */
final class RawVideo {

    private static final VideoJsonCodec CODEC = new VideoJsonCodec();

    private RawVideo() {}

    static String of(Video video) {
        try {
            return CODEC.encode(video);
        } catch (RuntimeException e) {
            return String.valueOf(video);
        }
    }
}
