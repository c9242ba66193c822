package dev.categorizer.model.train;

import dev.categorizer.model.graph.TrainingGraph;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What one replica of a data-parallel run changed in its weights during a round of local steps, and how the
 * replicas' changes are merged. Every replica starts a round from the same weights; at the end each writes its
 * delta (the rows of {@code w1} it touched, as new value minus round-start value, and the dense layers in full),
 * and each then sets every weight to {@code start + delta_0 + delta_1 + ...}, summed in replica order, so all
 * replicas end the round with bit-for-bit the same weights. Summing (rather than averaging) applies every
 * replica's updates as a sequential run over the same batches would; the sparse rows two replicas both touch in
 * one round are few. Adam's moments stay each replica's own.
 *
 * <p>Memory follows the rows a round touches (local steps x batch x features per document), not the vocabulary.
 */
final class RoundDelta {
    private static final int MAGIC = 0x43524431; // "CRD1"
    private static final int DENSE = 3; // b1, w2, b2: variables 1 to 3

    private final TrainingGraph graph;
    private final int hidden;
    private final long[] touched;
    private int[] rows = new int[1024]; // rows touched this round, in order of first touch
    private float[] base = new float[0]; // their round-start values, hidden per row
    private int count;
    private final float[][] denseBase = new float[DENSE][];

    RoundDelta(TrainingGraph graph) {
        this.graph = graph;
        this.hidden = graph.hidden();
        this.touched = new long[(graph.inputSize() + 63) >>> 6];
    }

    /** Starts a round from the graph's current weights. */
    void begin() {
        for (int i = 0; i < count; i++) touched[rows[i] >>> 6] &= ~(1L << rows[i]);
        count = 0;
        for (int v = 0; v < DENSE; v++) denseBase[v] = graph.readSmall(v + 1);
    }

    /** Before a step on these columns of w1: keeps the round-start values of the ones first touched now. */
    void beforeStep(int[] columns) {
        int fresh = 0;
        int[] add = new int[columns.length];
        for (int c : columns) {
            if ((touched[c >>> 6] & (1L << c)) == 0) {
                touched[c >>> 6] |= 1L << c;
                add[fresh++] = c;
            }
        }
        if (fresh == 0) return;
        add = Arrays.copyOf(add, fresh);
        float[] values = graph.gatherRows(0, add);
        if (count + fresh > rows.length) rows = Arrays.copyOf(rows, Math.max(rows.length * 2, count + fresh));
        if ((long) (count + fresh) * hidden > base.length) {
            base = Arrays.copyOf(base, Math.toIntExact(Math.max(base.length * 2L, (long) (count + fresh) * hidden)));
        }
        System.arraycopy(add, 0, rows, count, fresh);
        System.arraycopy(values, 0, base, count * hidden, fresh * hidden);
        count += fresh;
    }

    /** Writes this replica's delta for the round and closes {@code out}. */
    void write(OutputStream out) throws IOException {
        int[] order = touchOrder();
        int[] sorted = new int[count];
        for (int i = 0; i < count; i++) sorted[i] = rows[order[i]];
        float[] current = count == 0 ? new float[0] : graph.gatherRows(0, sorted);
        float[] delta = new float[count * hidden];
        for (int i = 0; i < count; i++) {
            int from = order[i] * hidden;
            for (int h = 0; h < hidden; h++) delta[i * hidden + h] = current[i * hidden + h] - base[from + h];
        }
        CRC32C crc = new CRC32C();
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16))) {
            data.writeInt(MAGIC);
            data.writeInt(count);
            ByteBuffer ints = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            ints.asIntBuffer().put(sorted);
            crc.update(ints.array());
            data.write(ints.array());
            writeFloats(data, delta, crc);
            for (int v = 0; v < DENSE; v++) {
                float[] now = graph.readSmall(v + 1);
                for (int i = 0; i < now.length; i++) now[i] -= denseBase[v][i];
                writeFloats(data, now, crc);
            }
            data.writeLong(crc.getValue());
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values, CRC32C crc) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        crc.update(bytes.array());
        out.write(bytes.array());
    }

    private record Contribution(int[] rows, float[] delta, float[][] dense) {}

    private Contribution read(InputStream in, String source) throws IOException {
        CRC32C crc = new CRC32C();
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC) throw new IOException(source + ": not a round delta");
            int n = data.readInt();
            if (n < 0 || n > graph.inputSize()) throw new IOException(source + ": " + n + " rows");
            byte[] rowBytes = new byte[n * 4];
            data.readFully(rowBytes);
            crc.update(rowBytes);
            int[] rowIds = new int[n];
            ByteBuffer.wrap(rowBytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(rowIds);
            float[] delta = readFloats(data, n * hidden, crc);
            float[][] dense = new float[DENSE][];
            for (int v = 0; v < DENSE; v++) dense[v] = readFloats(data, denseBase[v].length, crc);
            if (data.readLong() != crc.getValue()) throw new IOException(source + ": checksum mismatch");
            return new Contribution(rowIds, delta, dense);
        }
    }

    private static float[] readFloats(DataInputStream in, int n, CRC32C crc) throws IOException {
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        crc.update(bytes);
        float[] out = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /**
     * Sets the weights to the round-start weights plus every replica's delta, in replica order; {@code sources}
     * name the inputs in errors. Closes the inputs.
     */
    void apply(List<InputStream> deltas, List<String> sources) throws IOException {
        List<Contribution> all = new ArrayList<>(deltas.size());
        for (int q = 0; q < deltas.size(); q++) all.add(read(deltas.get(q), sources.get(q)));
        int[] union = union(all);
        // Round-start values: kept for the rows this replica touched; the others have not changed since.
        float[] start = new float[union.length * hidden];
        int[] untouched = Arrays.stream(union).filter(r -> (touched[r >>> 6] & (1L << r)) == 0).toArray();
        float[] untouchedValues = untouched.length == 0 ? new float[0] : graph.gatherRows(0, untouched);
        int[] order = touchOrder(); // this replica's rows, ascending, as offsets into base
        for (int i = 0, u = 0, own = 0; i < union.length; i++) {
            int row = union[i];
            if ((touched[row >>> 6] & (1L << row)) != 0) {
                // union and this replica's rows are both ascending: the next own row is this one
                System.arraycopy(base, order[own++] * hidden, start, i * hidden, hidden);
            } else {
                System.arraycopy(untouchedValues, u++ * hidden, start, i * hidden, hidden);
            }
        }
        int[] position = new int[all.size()];
        for (int i = 0; i < union.length; i++) {
            for (int q = 0; q < all.size(); q++) {
                Contribution c = all.get(q);
                int p = position[q];
                if (p < c.rows.length && c.rows[p] == union[i]) {
                    for (int h = 0; h < hidden; h++) start[i * hidden + h] += c.delta[p * hidden + h];
                    position[q]++;
                }
            }
        }
        if (union.length > 0) graph.scatterRows(0, union, start);
        for (int v = 0; v < DENSE; v++) {
            float[] merged = denseBase[v].clone();
            for (Contribution c : all) {
                for (int i = 0; i < merged.length; i++) merged[i] += c.dense[v][i];
            }
            long[] shape = graph.variableShapes()[v + 1];
            graph.writeRows(v + 1, 0, merged, Math.toIntExact(shape[0]));
        }
    }

    /** Indices into the touched rows (and their base values) that put the rows in ascending order. */
    private int[] touchOrder() {
        return java.util.stream.IntStream.range(0, count).boxed()
                .sorted((a, b) -> Integer.compare(rows[a], rows[b])).mapToInt(Integer::intValue).toArray();
    }

    private static int[] union(List<Contribution> all) {
        int total = 0;
        for (Contribution c : all) total += c.rows.length;
        int[] merged = new int[total];
        int n = 0;
        for (Contribution c : all) {
            System.arraycopy(c.rows, 0, merged, n, c.rows.length);
            n += c.rows.length;
        }
        return Arrays.stream(merged).sorted().distinct().toArray();
    }
}
