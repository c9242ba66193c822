package dev.categorizer.jobs.io;

import dev.categorizer.common.codec.InvalidRecordException;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Turns one JSON line (as bytes) into a {@link ParsedVideo}: a video, or a dead letter with the codec's reason.
 * Never throws: whatever goes wrong with one line is that line's dead letter. Reasons end with the line number.
 */
public final class VideoLineDecoder implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How much of a too-large line is kept in its dead letter. */
    static final int TOO_LARGE_PREVIEW_BYTES = 1024;

    private final VideoJsonCodec codec;

    public VideoLineDecoder(VideoJsonCodec codec) {
        this.codec = codec;
    }

    public ParsedVideo decode(BoundedLineReader.Line line) {
        if (line.truncated()) {
            byte[] preview = Arrays.copyOf(line.bytes(), Math.min(line.bytes().length, TOO_LARGE_PREVIEW_BYTES));
            return rejected(
                    new String(preview, StandardCharsets.UTF_8) + "...",
                    "record too large: " + line.length() + " bytes > " + codec.maxRecordBytes()
                            + " (" + line.where() + ")");
        }
        try {
            return ParsedVideo.ok(codec.decode(line.bytes()));
        } catch (InvalidRecordException e) {
            return rejected(lossy(line.bytes()), e.reason() + " (" + line.where() + ")");
        } catch (RuntimeException e) {
            // A codec bug must not stop the job; the record is kept with what went wrong.
            return rejected(lossy(line.bytes()), "cannot decode (" + line.where() + "): " + e);
        }
    }

    private static ParsedVideo rejected(String raw, String reason) {
        return ParsedVideo.rejected(DeadLetter.of(raw, reason, Instant.now()));
    }

    /** The raw line for humans; invalid UTF-8 shows as U+FFFD here, the reason says what was wrong. */
    private static String lossy(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
