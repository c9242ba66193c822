package dev.categorizer.model.graph;

import dev.categorizer.model.tensor.TensorFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Moves variables of a graph to and from {@link TensorFile} streams in blocks of rows, so that a variable of any
 * size (a first layer of a million features by 256) passes through a few megabytes of Java memory at a time.
 * Add it to a graph before the session is made, with the variables it serves:
 *
 * <pre>{@code
 * VariableBlocks blocks = new VariableBlocks(tf, List.of(w1, b1));
 * Session session = new Session(graph);
 * blocks.zero(session, 0);
 * blocks.save(session, 0, out);
 * blocks.load(session, 0, in, "best/w1");
 * }</pre>
 */
public final class VariableBlocks {
    private final List<Variable<TFloat32>> variables;
    private final List<long[]> shapes = new ArrayList<>();
    private final List<Operand<TFloat32>> reads = new ArrayList<>();
    private final List<Placeholder<TFloat32>> rowFeeds = new ArrayList<>();
    private final List<Op> writes = new ArrayList<>();
    private final List<Op> zeros = new ArrayList<>();
    private final List<Placeholder<TFloat32>> wholeFeeds = new ArrayList<>();
    private final List<Op> wholeAssigns = new ArrayList<>();
    private final List<Operand<TFloat32>> gathers = new ArrayList<>();
    private final List<Op> scatters = new ArrayList<>();
    private final Placeholder<TInt32> at; // rows by index, for gather and scatter
    private final Placeholder<TInt64> first; // first row of a block
    private final Placeholder<TInt64> count; // rows in the block

    public VariableBlocks(Ops tf, List<Variable<TFloat32>> variables) {
        this.variables = List.copyOf(variables);
        first = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
        count = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
        Operand<TInt64> rows = tf.range(first, tf.math.add(first, count), tf.constant(1L));
        at = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        for (Variable<TFloat32> v : this.variables) {
            long[] shape = v.shape().asArray();
            if (shape.length < 1 || shape.length > 2) throw new IllegalArgumentException("rank " + shape.length);
            shapes.add(shape);
            reads.add(tf.gather(v, rows, tf.constant(0)));
            Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(
                    shape.length == 1 ? Shape.of(-1) : Shape.of(-1, shape[1])));
            rowFeeds.add(feed);
            writes.add(tf.scatterUpdate(v, rows, feed));
            zeros.add(tf.assign(v, tf.fill(tf.constant(shape), tf.constant(0f))));
            Placeholder<TFloat32> whole = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            wholeFeeds.add(whole);
            wholeAssigns.add(tf.assign(v, whole));
            gathers.add(tf.gather(v, at, tf.constant(0)));
            scatters.add(tf.scatterUpdate(v, at, feed));
        }
    }

    public long[] shape(int variable) {
        return shapes.get(variable).clone();
    }

    private long rowsOf(int variable) {
        return shapes.get(variable)[0];
    }

    private int rowValues(int variable) {
        long[] s = shapes.get(variable);
        return s.length == 1 ? 1 : Math.toIntExact(s[1]);
    }

    private int blockRows(int variable) {
        return Math.max(1, TensorFile.BLOCK_BYTES / (4 * rowValues(variable)));
    }

    /** Sets every value of a variable to zero, inside TensorFlow. */
    public void zero(Session session, int variable) {
        session.runner().addTarget(zeros.get(variable)).run().close();
    }

    /** Sets rows {@code [firstRow, firstRow + rows)} from {@code values} (row-major). */
    public void writeRows(Session session, int variable, long firstRow, float[] values, int rows) {
        long[] s = shapes.get(variable);
        long[] blockShape = s.length == 1 ? new long[] {rows} : new long[] {rows, s[1]};
        try (TFloat32 block = Tensors.floats(values, blockShape)) {
            write(session, variable, firstRow, rows, block);
        }
    }

    /** Rows {@code [firstRow, firstRow + rows)} as one row-major array. */
    public float[] readRows(Session session, int variable, long firstRow, int rows) {
        try (TInt64 f = TInt64.scalarOf(firstRow); TInt64 c = TInt64.scalarOf(rows);
                Result r = session.runner().feed(first, f).feed(count, c).fetch(reads.get(variable)).run()) {
            return Tensors.toArray((TFloat32) r.get(0));
        }
    }

    /** The rows at {@code rows} (any order) as one row-major array. */
    public float[] gather(Session session, int variable, int[] rows) {
        try (TInt32 idx = Tensors.ints(rows, rows.length);
                Result r = session.runner().feed(at, idx).fetch(gathers.get(variable)).run()) {
            return Tensors.toArray((TFloat32) r.get(0));
        }
    }

    /** Sets the rows at {@code rows} (distinct) from row-major {@code values}. */
    public void scatter(Session session, int variable, int[] rows, float[] values) {
        long[] s = shapes.get(variable);
        long[] blockShape = s.length == 1 ? new long[] {rows.length} : new long[] {rows.length, s[1]};
        try (TInt32 idx = Tensors.ints(rows, rows.length); TFloat32 block = Tensors.floats(values, blockShape)) {
            session.runner().feed(at, idx).feed(rowFeeds.get(variable), block)
                    .addTarget(scatters.get(variable)).run().close();
        }
    }

    private void write(Session session, int variable, long firstRow, long rows, TFloat32 block) {
        try (TInt64 f = TInt64.scalarOf(firstRow); TInt64 c = TInt64.scalarOf(rows)) {
            session.runner().feed(first, f).feed(count, c).feed(rowFeeds.get(variable), block)
                    .addTarget(writes.get(variable)).run().close();
        }
    }

    /** Writes the variable to {@code out} as a tensor file and closes it; returns the values' CRC-32C. */
    public long save(Session session, int variable, OutputStream out) throws IOException {
        long[] shape = shapes.get(variable);
        long total = rowsOf(variable);
        int step = blockRows(variable);
        byte[] buffer = new byte[(int) Math.min((long) step * rowValues(variable) * 4, Math.max(4, total * rowValues(variable) * 4))];
        try (TensorFile.Writer w = TensorFile.writer(out, shape)) {
            for (long row = 0; row < total; row += step) {
                int n = (int) Math.min(step, total - row);
                int bytes = n * rowValues(variable) * 4;
                try (TInt64 f = TInt64.scalarOf(row); TInt64 c = TInt64.scalarOf(n);
                        Result r = session.runner().feed(first, f).feed(count, c).fetch(reads.get(variable)).run()) {
                    ((TFloat32) r.get(0)).asRawTensor().data().read(buffer, 0, bytes);
                }
                w.write(buffer, 0, bytes);
            }
            w.close();
            return w.checksum();
        }
    }

    /**
     * Reads a tensor file into the variable, checking its shape first and its checksum at the end; {@code source}
     * names the file in errors. Closes {@code in}. Returns the values' CRC-32C.
     */
    public long load(Session session, int variable, InputStream in, String source) throws IOException {
        long[] shape = shapes.get(variable);
        long total = rowsOf(variable);
        int step = blockRows(variable);
        byte[] buffer = new byte[(int) Math.min((long) step * rowValues(variable) * 4, Math.max(4, total * rowValues(variable) * 4))];
        try (TensorFile.Reader r = TensorFile.reader(in, source)) {
            r.expectShape(shape);
            zero(session, variable); // a scatter needs an initialised variable
            for (long row = 0; row < total; row += step) {
                int n = (int) Math.min(step, total - row);
                int bytes = n * rowValues(variable) * 4;
                r.readFully(buffer, 0, bytes);
                Shape blockShape = shape.length == 1 ? Shape.of(n) : Shape.of(n, shape[1]);
                try (TFloat32 block = TFloat32.tensorOf(blockShape, t -> t.asRawTensor().data().write(buffer, 0, bytes))) {
                    write(session, variable, row, n, block);
                }
            }
            r.verify();
            return r.checksum();
        }
    }

    /**
     * Reads a tensor file into the variable in one assignment: the values are streamed into one native tensor,
     * their checksum verified, and only then assigned, so a damaged file never reaches the variable. Faster than
     * {@link #load} (one TensorFlow call instead of one per block) for twice the variable's size in native memory
     * while it runs, which suits serving; training, whose variables are the memory that matters, uses {@link #load}.
     * Closes {@code in}. Returns the values' CRC-32C.
     */
    public long loadWhole(Session session, int variable, InputStream in, String source) throws IOException {
        long[] shape = shapes.get(variable);
        long bytes = TensorFile.size(shape) * 4;
        byte[] buffer = new byte[(int) Math.min(TensorFile.BLOCK_BYTES, Math.max(4, bytes))];
        try (TensorFile.Reader r = TensorFile.reader(in, source);
                TFloat32 whole = TFloat32.tensorOf(Shape.of(shape))) {
            r.expectShape(shape);
            var data = whole.asRawTensor().data();
            for (long at = 0; at < bytes; ) {
                int n = (int) Math.min(buffer.length, bytes - at);
                r.readFully(buffer, 0, n);
                data.offset(at).write(buffer, 0, n);
                at += n;
            }
            r.verify();
            session.runner().feed(wholeFeeds.get(variable), whole).addTarget(wholeAssigns.get(variable)).run().close();
            return r.checksum();
        }
    }

    public int size() {
        return variables.size();
    }
}
