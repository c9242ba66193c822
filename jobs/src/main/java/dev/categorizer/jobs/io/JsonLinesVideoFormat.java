package dev.categorizer.jobs.io;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.jobs.progress.LocalProgress;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads JSON-lines files of videos for a Flink {@code FileSource}: one {@link ParsedVideo} per non-blank line.
 * Lines are split as bytes and decoded by {@link VideoJsonCodec#decode(byte[])}, so invalid UTF-8, malformed JSON
 * and lines over the codec's {@code maxRecordBytes} (read through, but not held in memory) each become a dead
 * letter. Blank lines are skipped.
 * Compressed files ({@code .gz}, {@code .bz2}, {@code .xz}, {@code .deflate}) are decompressed by the FileSource.
 */
public final class JsonLinesVideoFormat extends SimpleStreamFormat<ParsedVideo> {
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
    public StreamFormat.Reader<ParsedVideo> createReader(Configuration config, FSDataInputStream stream) {
        BoundedLineReader lines = new BoundedLineReader(stream, maxLineBytes);
        return new StreamFormat.Reader<>() {
            private long reportedPosition = position(stream);
            private int unreported;

            @Override
            public ParsedVideo read() throws IOException {
                BoundedLineReader.Line line;
                do {
                    line = lines.next();
                } while (line != null && line.isBlank());
                if (line == null) {
                    report();
                    return null;
                }
                if (++unreported == REPORT_EVERY) report();
                return decoder.decode(line);
            }

            /** Tells LocalProgress what was read since the last report (the stream runs ahead by a buffer). */
            private void report() throws IOException {
                long position = stream.getPos();
                LocalProgress.addRead(position - reportedPosition, unreported);
                reportedPosition = position;
                unreported = 0;
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    private static long position(FSDataInputStream stream) {
        try {
            return stream.getPos();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public TypeInformation<ParsedVideo> getProducedType() {
        return ParsedVideoTypeInfo.INSTANCE;
    }
}
