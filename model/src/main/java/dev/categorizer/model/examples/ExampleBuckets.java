package dev.categorizer.model.examples;

import dev.categorizer.common.record.SparseVector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes examples to bucket files on local disk, by a hash of the document id, so that each bucket is a random
 * sample of the corpus whatever order the documents came in; {@link #finish} sorts each bucket by id (then by
 * content, for repeated ids) and returns them as an {@link ExampleSet}. The same documents thus give the same set,
 * block by block, on every run and machine, which is what lets a resumed run continue exactly.
 *
 * <pre>{@code
 * try (ExampleBuckets buckets = ExampleBuckets.create(dir, expectedDocuments)) {
 *     for (...) buckets.add(id, features, labels);
 *     ExampleSet set = buckets.finish();
 * }
 * }</pre>
 *
 * Memory: one small write buffer per bucket while writing, one bucket while sorting.
 */
public final class ExampleBuckets implements AutoCloseable {
    /** Documents per bucket aimed at; a bucket is loaded whole to be sorted and read. */
    public static final int BUCKET_DOCUMENTS = 4096;
    static final int MAX_BUCKETS = 1024;
    private static final int BUFFER = 32 << 10;

    private final Path directory;
    private final DataOutputStream[] outputs;
    private final int[] counts;
    private boolean finished;

    private ExampleBuckets(Path directory, int buckets) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        outputs = new DataOutputStream[buckets];
        counts = new int[buckets];
        for (int i = 0; i < buckets; i++) {
            outputs[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(i)), BUFFER));
        }
    }

    /** Buckets in {@code directory} for about {@code expectedDocuments} documents. */
    public static ExampleBuckets create(Path directory, long expectedDocuments) throws IOException {
        long buckets = (expectedDocuments + BUCKET_DOCUMENTS - 1) / BUCKET_DOCUMENTS;
        return new ExampleBuckets(directory, (int) Math.max(1, Math.min(MAX_BUCKETS, buckets)));
    }

    private Path file(int bucket) {
        return directory.resolve(String.format("bucket-%05d.bin", bucket));
    }

    /** The bucket of a document id: a mix of its hash, stable across runs and machines. */
    static int bucketOf(String id, int buckets) {
        long h = id.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) buckets);
    }

    public void add(String id, SparseVector features, int[] labels) throws IOException {
        int b = bucketOf(id, outputs.length);
        write(outputs[b], id, features, labels);
        counts[b]++;
    }

    private static void write(DataOutputStream out, String id, SparseVector features, int[] labels)
            throws IOException {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        out.writeInt(idBytes.length);
        out.write(idBytes);
        out.writeInt(features.nonZeros());
        for (int i : features.indices()) out.writeInt(i);
        for (float v : features.values()) out.writeFloat(v);
        out.writeInt(labels.length);
        for (int l : labels) out.writeInt(l);
    }

    /** Closes the files, sorts each bucket, and returns the set of buckets. */
    public ExampleSet finish() throws IOException {
        for (DataOutputStream out : outputs) out.close();
        finished = true;
        List<ExampleBlock> blocks = new ArrayList<>(outputs.length);
        for (int b = 0; b < outputs.length; b++) {
            List<Stored> docs = readStored(file(b), counts[b]);
            docs.sort(CANONICAL);
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(file(b)), BUFFER))) {
                for (Stored d : docs) write(out, d.id, d.example.features(), d.example.labels());
            }
            blocks.add(new FileBlock(file(b), counts[b]));
        }
        return new ExampleSet(blocks);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            for (DataOutputStream out : outputs) out.close();
        }
    }

    /** Deletes bucket files left in {@code directory}. */
    public static void deleteDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) return;
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(directory);
    }

    private record Stored(String id, Example example) {}

    private static final Comparator<Stored> CANONICAL = Comparator.comparing(Stored::id)
            .thenComparing(s -> s.example.labels(), Arrays::compare)
            .thenComparing(s -> s.example.features().indices(), Arrays::compare)
            .thenComparing(s -> s.example.features().values(), Arrays::compare);

    private static List<Stored> readStored(Path file, int count) throws IOException {
        List<Stored> out = new ArrayList<>(count);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            for (int i = 0; i < count; i++) {
                byte[] id = new byte[in.readInt()];
                in.readFully(id);
                int nnz = in.readInt();
                int[] indices = new int[nnz];
                float[] values = new float[nnz];
                for (int k = 0; k < nnz; k++) indices[k] = in.readInt();
                for (int k = 0; k < nnz; k++) values[k] = in.readFloat();
                int[] labels = new int[in.readInt()];
                for (int k = 0; k < labels.length; k++) labels[k] = in.readInt();
                out.add(new Stored(new String(id, StandardCharsets.UTF_8),
                        new Example(new SparseVector(indices, values), labels)));
            }
            if (in.read() != -1) throw new IOException(file + ": more examples than written");
        } catch (EOFException e) {
            throw new IOException(file + ": truncated example bucket", e);
        }
        return out;
    }

    /** A sorted bucket file, read whole when its window comes. */
    private record FileBlock(Path file, int size) implements ExampleBlock {
        @Override
        public List<Example> load() throws IOException {
            List<Stored> stored = readStored(file, size);
            List<Example> out = new ArrayList<>(stored.size());
            for (Stored s : stored) out.add(s.example);
            return out;
        }
    }
}
