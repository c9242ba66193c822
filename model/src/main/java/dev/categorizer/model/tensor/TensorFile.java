package dev.categorizer.model.tensor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The file format of one float32 tensor, written and read as a stream of blocks so that no tensor is ever held
 * whole in a Java array: a header ({@code CTF1}, rank, each dimension), the values row-major in little-endian
 * order, then the CRC-32C of the value bytes. A reader checks the shape it expects before reading a value, and
 * the checksum at the end, and names the file at fault.
 *
 * <pre>{@code
 * try (TensorFile.Writer w = TensorFile.writer(out, rows, cols)) {
 *     w.write(bytes, 0, length); // any number of times, value bytes in order
 * }
 * try (TensorFile.Reader r = TensorFile.reader(in, "chk-3/w1")) {
 *     r.expectShape(rows, cols);
 *     r.readFully(bytes, 0, length);
 * }
 * }</pre>
 */
public final class TensorFile {
    static final int MAGIC = 0x43544631; // "CTF1"
    private static final int MAX_RANK = 8;

    /** Bytes of one block moved between TensorFlow and a file; a few MB keep copies cheap and memory small. */
    public static final int BLOCK_BYTES = 4 << 20;

    private TensorFile() {}

    static {
        // Value bytes are copied to and from TensorFlow's buffers as they are, and TensorFlow uses the native order.
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("tensor files need a little-endian machine");
        }
    }

    public static Writer writer(OutputStream out, long... shape) throws IOException {
        return new Writer(out, shape);
    }

    public static Reader reader(InputStream in, String source) throws IOException {
        return new Reader(in, source);
    }

    /** Number of values of a shape. */
    public static long size(long... shape) {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    /** Writes a small tensor from an array. */
    public static void write(OutputStream out, float[] values, long... shape) throws IOException {
        if (size(shape) != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
        try (Writer w = writer(out, shape)) {
            ByteBuffer bytes = ByteBuffer.allocate(Math.min(BLOCK_BYTES, values.length * 4 + 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                if (!bytes.hasRemaining()) {
                    w.write(bytes.array(), 0, bytes.position());
                    bytes.clear();
                }
                bytes.putFloat(v);
            }
            w.write(bytes.array(), 0, bytes.position());
        }
    }

    /** Reads a small tensor into an array, checking its shape. */
    public static float[] read(InputStream in, String source, long... shape) throws IOException {
        try (Reader r = reader(in, source)) {
            r.expectShape(shape);
            float[] out = new float[Math.toIntExact(size(shape))];
            byte[] block = new byte[(int) Math.min(BLOCK_BYTES, out.length * 4L)];
            int done = 0;
            while (done < out.length) {
                int n = Math.min(block.length / 4, out.length - done);
                r.readFully(block, 0, n * 4);
                ByteBuffer.wrap(block, 0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, done, n);
                done += n;
            }
            r.verify();
            return out;
        }
    }

    /** Writes the header, then value bytes in order; {@link #close} writes the checksum and closes the stream. */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final CRC32C crc = new CRC32C();
        private final long expectedBytes;
        private long written;

        private Writer(OutputStream out, long[] shape) throws IOException {
            if (shape.length > MAX_RANK) throw new IllegalArgumentException("rank " + shape.length);
            this.out = new DataOutputStream(out);
            this.expectedBytes = Math.multiplyExact(size(shape), 4L);
            this.out.writeInt(MAGIC);
            this.out.writeInt(shape.length);
            for (long d : shape) this.out.writeLong(d);
        }

        public void write(byte[] bytes, int offset, int length) throws IOException {
            crc.update(bytes, offset, length);
            out.write(bytes, offset, length);
            written += length;
        }

        /** The CRC-32C of the value bytes written so far. */
        public long checksum() {
            return crc.getValue();
        }

        @Override
        public void close() throws IOException {
            try {
                if (written != expectedBytes) {
                    throw new IOException("wrote " + written + " value bytes of " + expectedBytes);
                }
                out.writeLong(crc.getValue());
            } finally {
                out.close();
            }
        }
    }

    /** Reads the header at once; value bytes in order; {@link #close} checks the checksum if every value was read. */
    public static final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private final String source;
        private final long[] shape;
        private final CRC32C crc = new CRC32C();
        private final long totalBytes;
        private long read;

        private Reader(InputStream in, String source) throws IOException {
            this.in = new DataInputStream(in);
            this.source = source;
            try {
                int magic = this.in.readInt();
                if (magic != MAGIC) throw new IOException(source + ": not a tensor file");
                int rank = this.in.readInt();
                if (rank < 0 || rank > MAX_RANK) throw new IOException(source + ": tensor of rank " + rank);
                shape = new long[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = this.in.readLong();
                    if (shape[i] < 0) throw new IOException(source + ": negative dimension " + shape[i]);
                }
                totalBytes = Math.multiplyExact(size(shape), 4L);
            } catch (EOFException | ArithmeticException e) {
                in.close();
                throw new IOException(source + ": truncated or damaged tensor header", e);
            }
        }

        public long[] shape() {
            return shape.clone();
        }

        /** Fails, naming the file, unless the tensor has exactly this shape. */
        public void expectShape(long... expected) throws IOException {
            if (!Arrays.equals(shape, expected)) {
                throw new IOException(source + ": tensor of shape " + Arrays.toString(shape) + ", expected "
                        + Arrays.toString(expected));
            }
        }

        public void readFully(byte[] bytes, int offset, int length) throws IOException {
            if (read + length > totalBytes) throw new IOException(source + ": read past the tensor's values");
            try {
                in.readFully(bytes, offset, length);
            } catch (EOFException e) {
                throw new IOException(source + ": truncated tensor file", e);
            }
            crc.update(bytes, offset, length);
            read += length;
        }

        /** The CRC-32C of the value bytes read so far. */
        public long checksum() {
            return crc.getValue();
        }

        /** Checks the stored checksum; call after reading every value. */
        public void verify() throws IOException {
            if (read != totalBytes) throw new IOException(source + ": " + read + " of " + totalBytes + " bytes read");
            long stored;
            try {
                stored = in.readLong();
            } catch (EOFException e) {
                throw new IOException(source + ": truncated tensor file (no checksum)", e);
            }
            if (stored != crc.getValue()) {
                throw new IOException(source + ": checksum mismatch: the tensor file is damaged");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
