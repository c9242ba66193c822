package dev.categorizer.model.testutil;

import dev.categorizer.common.io.FileTrees;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Print;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Hostile bundles, as an attacker would make them: a copy of the golden format-1 bundle whose
 * {@code saved_model/} is replaced by a graph with the same signature that also does something else (writes a
 * file, reads one, prints to a file, lists directories, hides the write in a function, saves a checkpoint), with
 * every checksum of the manifest recomputed. Each plant has a marker file it creates when its graph runs, so a test
 * can show the plant works when TensorFlow runs the graph ({@link #runWithTensorFlow}) and that it never runs
 * when the project loads the bundle.
 *
 * <pre>{@code
 * Path bundle = PlantedBundles.plant(tmp.resolve("planted"), PlantedBundles.Plant.WRITE_FILE, marker);
 * assertThatThrownBy(() -> Predictor.load(bundle)).hasMessageContaining("WriteFile");
 * assertThat(marker).doesNotExist();
 * }</pre>
 */
public final class PlantedBundles {
    public static final String GOLDEN_FORMAT_1 = "/bundles/format-1";
    private static final int INPUTS = 1500;
    private static final int LABELS = 34;

    /** What a planted graph does besides scoring, and the operation the refusal must name. */
    public enum Plant {
        /** Copies {@code /etc/hostname} into the marker: a file read and a file write. */
        WRITE_FILE("WriteFile", (tf, marker) -> tf.io.writeFile(tf.constant(marker.toString()),
                tf.io.readFile(tf.constant("/etc/hostname")))),
        /** Prints the host name to the marker file through the print operation's output stream. */
        PRINT_TO_FILE("PrintV2", (tf, marker) -> tf.print(tf.io.readFile(tf.constant("/etc/hostname")),
                Print.outputStream("file://" + marker))),
        /** Lists the root directory into the marker. */
        LIST_DIRECTORY("MatchingFiles", (tf, marker) -> tf.io.writeFile(tf.constant(marker.toString()),
                tf.strings.reduceJoin(tf.io.matchingFiles(tf.constant("/*")), tf.constant(0)))),
        /** The write hidden in a function of the graph's library, called from the output. */
        FUNCTION_CALL("StatefulPartitionedCall", (tf, marker) -> {
            ConcreteFunction writer = ConcreteFunction.create(ftf -> {
                Placeholder<TString> path = ftf.placeholder(TString.class);
                var write = ftf.io.writeFile(path, ftf.constant("planted"));
                Operand<TString> out = ftf.withControlDependencies(List.of(write)).identity(path);
                return Signature.builder("write").input("path", path).output("out", out).build();
            });
            return tf.statefulPartitionedCall(List.of(tf.constant(marker.toString())), List.of(TString.class), writer);
        }),
        /** A checkpoint written to the marker's path: an operation every format-1 graph holds, used in the output. */
        SAVE_CHECKPOINT("SaveV2", (tf, marker) -> tf.train.save(tf.constant(marker.toString()),
                tf.constant(NdArrays.vectorOfObjects("x")), tf.constant(NdArrays.vectorOfObjects("")),
                List.of(tf.constant(1f))));

        public final String operation;
        private final BiFunction<Ops, Path, Op> build;

        /** The file the plant creates when it runs: the marker, or for a checkpoint its index file. */
        public Path effect(Path marker) {
            return this == SAVE_CHECKPOINT ? marker.resolveSibling(marker.getFileName() + ".index") : marker;
        }

        Plant(String operation, BiFunction<Ops, Path, Op> build) {
            this.operation = operation;
            this.build = build;
        }
    }

    private PlantedBundles() {}

    /** A copy of a bundle from the test resources ({@code /bundles/format-1}) in {@code target}. */
    public static Path copyResource(String resource, Path target) {
        try {
            java.net.URI uri = PlantedBundles.class.getResource(resource).toURI();
            Path source;
            if (uri.getScheme().equals("jar")) { // from the model's test jar, in the jobs' and SQL tests
                java.nio.file.FileSystem jar;
                try {
                    jar = java.nio.file.FileSystems.getFileSystem(uri);
                } catch (java.nio.file.FileSystemNotFoundException e) {
                    jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of());
                }
                source = jar.provider().getPath(uri);
            } else {
                source = Path.of(uri);
            }
            FileTrees.copy(source, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The golden format-1 bundle with its graph replaced by one that carries {@code plant}, checksums recomputed. */
    public static Path plant(Path target, Plant plant, Path marker) {
        copyResource(GOLDEN_FORMAT_1, target);
        // Only the graph is replaced: the weights stay, so the bundle has every file a format-1 bundle has.
        Path export = target.resolveSibling(target.getFileName() + "-export");
        exportPlanted(plant, marker, export);
        try {
            Files.copy(export.resolve("saved_model.pb"), target.resolve("saved_model/saved_model.pb"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteTree(export);
        recomputeChecksums(target);
        return target;
    }

    /** Runs the serving signature of a bundle's SavedModel with TensorFlow, as a naive loader would. */
    public static void runWithTensorFlow(Path bundle) {
        try (SavedModelBundle model = SavedModelBundle.load(bundle.resolve("saved_model").toString(), "serve");
                TInt64 indices = TInt64.tensorOf(Shape.of(1, 2), t -> t.setLong(0L, 0, 0).setLong(0L, 0, 1));
                TFloat32 values = TFloat32.vectorOf(1f);
                TInt64 shape = TInt64.vectorOf(1, INPUTS);
                Result result = model.function("serving_default").call(Map.<String, Tensor>of(
                        "indices", indices, "values", values, "dense_shape", shape))) {
            result.get("probabilities").orElseThrow();
        }
    }

    private static void exportPlanted(Plant plant, Path marker, Path directory) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TInt64> indices = tf.withName("indices").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 2)));
            Placeholder<TFloat32> values = tf.withName("values").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            Placeholder<TInt64> denseShape = tf.withName("dense_shape").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            Op planted = plant.build.apply(tf, marker);
            Operand<TFloat32> weights = tf.constant(new float[INPUTS][LABELS]);
            Operand<TFloat32> scores = tf.sparse.sparseTensorDenseMatMul(indices, values, denseShape, weights);
            Operand<TFloat32> probabilities = tf.withControlDependencies(List.of(planted)).withName("probabilities")
                    .math.sigmoid(scores);
            try (Session session = new Session(graph)) {
                Signature signature = Signature.builder("serving_default")
                        .input("indices", indices).input("values", values).input("dense_shape", denseShape)
                        .output("probabilities", probabilities).build();
                SavedModelBundle.exporter(directory.toString())
                        .withFunction(SessionFunction.create(signature, session)).export();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the manifest's {@code files} with the SHA-256 of every file now present, as anyone can. */
    public static void recomputeChecksums(Path bundle) {
        try {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path manifestFile = bundle.resolve("manifest.json");
            ObjectNode manifest = (ObjectNode) mapper.readTree(manifestFile.toFile());
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(bundle)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    String name = bundle.relativize(p).toString();
                    if (!name.equals("manifest.json") && !name.equals("manifest.sig")) files.put(name, sha256(p));
                }
            }
            manifest.set("files", mapper.valueToTree(files));
            mapper.writeValue(manifestFile.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
