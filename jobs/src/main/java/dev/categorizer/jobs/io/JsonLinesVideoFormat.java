package dev.categorizer.jobs.io;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.jobs.progress.LocalProgress;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads JSON-lines files of videos for a Flink {@code FileSource}: one {@link ParsedVideo} per non-blank line.
 * Lines are split as bytes and decoded by {@link VideoJsonCodec#decode(byte[])}, so invalid UTF-8, malformed JSON
 * and lines over the codec's {@code maxRecordBytes} (read through, but not held in memory) each become a dead
 * letter. Blank lines are skipped.
 * Compressed files ({@code .gz}, {@code .bz2}, {@code .xz}, {@code .deflate}) are decompressed by the FileSource.
 *
 * <p>Splittable: a large uncompressed file is read by several tasks, each from its own byte range
 * ({@link JsonLinesSplits}). A line belongs to the range in which it starts, up to and including the range's
 * end: a reader that starts in the middle of a file skips to the end of the line in progress (the previous
 * range's reader reads that line), and reads every line that starts at or before its range's end, if need be past
 * it. On restore, Flink reopens the range and skips the records already read.
 */
public final class JsonLinesVideoFormat implements StreamFormat<ParsedVideo> {
    private static final long serialVersionUID = 1L;

    /** Records between two reports to {@link LocalProgress}: cheap, and often enough for a progress bar. */
    private static final int REPORT_EVERY = 512;

    private final VideoLineDecoder decoder;
    private final int maxLineBytes;

    public JsonLinesVideoFormat(VideoJsonCodec codec) {
        this.decoder = new VideoLineDecoder(codec);
        this.maxLineBytes = codec.maxRecordBytes();
    }

    @Override
    public StreamFormat.Reader<ParsedVideo> createReader(
            Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) throws IOException {
        long start = stream.getPos();
        BoundedLineReader lines = BoundedLineReader.startingAt(stream, maxLineBytes, start);
        if (start > 0) {
            lines.next(); // the end of the line in progress: the previous range's reader reads it
        }
        // A range that is the whole file reads to the end of the stream: a compressed file is never split, and
        // its stream (decompressed) runs past the file's length.
        long end = start == 0 && splitEnd >= fileLen ? Long.MAX_VALUE : splitEnd;
        return new Reader(stream, lines, decoder, start, end);
    }

    @Override
    public StreamFormat.Reader<ParsedVideo> restoreReader(Configuration config, FSDataInputStream stream,
            long restoredOffset, long fileLen, long splitEnd) throws IOException {
        // Never called: the reader gives no checkpointed offset, so Flink restores by skipping records.
        throw new UnsupportedOperationException("JSON-lines readers restore by record count");
    }

    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<ParsedVideo> getProducedType() {
        return ParsedVideoTypeInfo.INSTANCE;
    }

    /** The lines of one byte range, as videos. */
    private static final class Reader implements StreamFormat.Reader<ParsedVideo> {
        private final FSDataInputStream stream;
        private final BoundedLineReader lines;
        private final VideoLineDecoder decoder;
        private final long end;
        private long reportedPosition;
        private int unreported;
        private boolean done;

        Reader(FSDataInputStream stream, BoundedLineReader lines, VideoLineDecoder decoder, long start, long end) {
            this.stream = stream;
            this.lines = lines;
            this.decoder = decoder;
            this.end = end;
            this.reportedPosition = start;
        }

        @Override
        public ParsedVideo read() throws IOException {
            if (done) return null;
            BoundedLineReader.Line line;
            do {
                line = lines.position() > end ? null : lines.next();
            } while (line != null && line.isBlank());
            if (line == null) {
                done = true;
                report();
                return null;
            }
            if (++unreported == REPORT_EVERY) report();
            return decoder.decode(line);
        }

        /** Tells LocalProgress what this range read since the last report (its own bytes only). */
        private void report() {
            long position = Math.min(lines.position(), end);
            LocalProgress.addRead(Math.max(0, position - reportedPosition), unreported);
            reportedPosition = Math.max(reportedPosition, position);
            unreported = 0;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
