package dev.categorizer.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code '\n'} without decoding them, so that invalid UTF-8 reaches the codec
 * (and becomes a dead letter) instead of being replaced on the way. A line longer than {@code maxLineBytes} is
 * read to its end but only its first {@code maxLineBytes} bytes are kept: memory stays bounded, and the caller
 * sees from {@link Line#truncated()} that it was too large. A trailing {@code '\r'} and a UTF-8 byte order mark
 * at the start of the stream are removed.
 *
 * <p>A reader can also start in the middle of a file (a split of it): {@link #startingAt} numbers no lines
 * (the lines before are unknown) and reads no byte order mark; {@link Line#offset()} is where each line starts
 * in the file either way.
 */
public final class BoundedLineReader {

    /**
     * One line: its first bytes (all of them unless truncated), its full length, its 1-based number (0 when the
     * reader started in the middle of the file) and the byte offset in the file where it starts.
     */
    public record Line(byte[] bytes, long length, long number, long offset) {
        /** Where the line is, for a human: its number, or its byte offset when the number is unknown. */
        public String where() {
            return number > 0 ? "line " + number : "byte offset " + offset;
        }

        public boolean truncated() {
            return length > bytes.length;
        }

        /** Whether the line holds only spaces and tabs (or nothing). */
        public boolean isBlank() {
            if (truncated()) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private long lineNumber;
    private final boolean numbered;
    private boolean atStart;
    private boolean eof;
    private long chunkOffset; // where chunk[0] is in the file

    /** Reads a whole stream from the start of a file. */
    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 0);
    }

    private BoundedLineReader(InputStream in, int maxLineBytes, long offset) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, got " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.numbered = offset == 0;
        this.atStart = offset == 0;
        this.chunkOffset = offset;
    }

    /** Reads a stream positioned at byte {@code offset} of a file; offset 0 is the same as the constructor. */
    public static BoundedLineReader startingAt(InputStream in, int maxLineBytes, long offset) {
        return new BoundedLineReader(in, maxLineBytes, offset);
    }

    /** The offset in the file of the next byte {@link #next} reads: where the next line starts. */
    public long position() {
        return chunkOffset + chunkPos;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (eof && chunkPos >= chunkEnd) {
            return null;
        }
        int kept = 0;
        long length = 0;
        long offset = position();
        boolean sawNewline = false;
        while (!sawNewline) {
            if (chunkPos >= chunkEnd && !fill()) {
                break;
            }
            int start = chunkPos;
            int end = start;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            int n = end - start;
            int keep = (int) Math.min(n, maxLineBytes - kept);
            if (keep > 0) {
                ensureCapacity(kept + keep);
                System.arraycopy(chunk, start, line, kept, keep);
                kept += keep;
            }
            length += n;
            if (end < chunkEnd) {
                sawNewline = true;
                chunkPos = end + 1;
            } else {
                chunkPos = chunkEnd;
            }
        }
        if (!sawNewline && length == 0) {
            return null; // end of stream right after a newline
        }
        if (length == kept && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        if (numbered) lineNumber++;
        return new Line(Arrays.copyOf(line, kept), length, lineNumber, offset);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        chunkOffset += chunkEnd;
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            eof = true;
            chunkPos = chunkEnd = 0;
            return false;
        }
        chunkPos = 0;
        chunkEnd = n;
        if (atStart) {
            atStart = false;
            skipByteOrderMark();
        }
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        while (chunkEnd < 3) { // make sure the first three bytes are in the chunk
            int n = in.read(chunk, chunkEnd, chunk.length - chunkEnd);
            if (n <= 0) {
                break;
            }
            chunkEnd += n;
        }
        if (chunkEnd >= 3 && (chunk[0] & 0xff) == 0xEF && (chunk[1] & 0xff) == 0xBB && (chunk[2] & 0xff) == 0xBF) {
            chunkPos = 3;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(needed, 2L * line.length)));
        }
    }
}
