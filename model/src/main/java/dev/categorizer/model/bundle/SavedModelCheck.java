package dev.categorizer.model.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Checks the graph of a format-1 bundle ({@code saved_model/saved_model.pb}) before anything else reads it: one
 * meta graph, no function library, only the operations this project's exporter ever wrote, and a serving
 * signature whose output depends on the forward pass alone. The graph is parsed as data here and never run (the
 * predictor builds its own and reads only the weights), so the check is what makes a planted graph a refused
 * bundle with one line naming the operation, instead of a bundle that loads and silently ignores it.
 *
 * <pre>{@code
 * SavedModelCheck.verify(bundleDir.resolve("saved_model/saved_model.pb")); // throws InvalidBundleException
 * }</pre>
 */
final class SavedModelCheck {
    private static final String SIGNATURE = "serving_default";
    private static final String PROBABILITIES = "probabilities";

    /** The forward pass: what the output of the serving signature may depend on. */
    private static final Set<String> FORWARD = Set.of(
            "Placeholder", "VariableV2", "Const", "Identity",
            "SparseTensorDenseMatMul", "BiasAdd", "Relu", "MatMul", "Sigmoid");

    /** Every operation a format-1 bundle held: the forward pass, variable blocks, and the saver TF Java adds. */
    private static final Set<String> ALLOWED;

    static {
        Set<String> all = new HashSet<>(FORWARD);
        all.addAll(Set.of("Add", "Assign", "Fill", "GatherV2", "NoOp", "Range", "RestoreV2", "SaveV2",
                "ScatterUpdate", "ZerosLike"));
        ALLOWED = Set.copyOf(all);
    }

    /** The largest graph accepted: a format-1 graph is a few kilobytes, whatever the model's size. */
    private static final long MAX_GRAPH_BYTES = 1 << 20;

    private SavedModelCheck() {}

    static void verify(Path graphFile) {
        SavedModel model = parse(graphFile);
        if (model.getMetaGraphsCount() != 1) {
            throw refused(graphFile, model.getMetaGraphsCount() + " meta graphs (a bundle has one)");
        }
        MetaGraphDef meta = model.getMetaGraphs(0);
        GraphDef graph = meta.getGraphDef();
        if (graph.getLibrary().getFunctionCount() > 0 || graph.getLibrary().getGradientCount() > 0) {
            String name = graph.getLibrary().getFunctionCount() > 0
                    ? graph.getLibrary().getFunction(0).getSignature().getName() : "a gradient";
            throw refused(graphFile, "a function library (function '" + name + "'); a bundle's graph has none");
        }
        Map<String, NodeDef> byName = new HashMap<>();
        Set<String> foreign = new TreeSet<>();
        for (NodeDef node : graph.getNodeList()) {
            if (!ALLOWED.contains(node.getOp())) foreign.add("'" + node.getOp() + "'");
            byName.put(node.getName(), node);
        }
        if (!foreign.isEmpty()) {
            throw refused(graphFile, (foreign.size() == 1 ? "operation " : "operations ") + String.join(", ", foreign)
                    + (foreign.size() == 1 ? " is" : " are") + " not of this network");
        }
        SignatureDef signature = meta.getSignatureDefMap().get(SIGNATURE);
        if (signature == null || !signature.getOutputsMap().containsKey(PROBABILITIES)) {
            throw refused(graphFile, "no '" + SIGNATURE + "' signature with output '"
                    + PROBABILITIES + "'");
        }
        for (TensorInfo output : signature.getOutputsMap().values()) {
            checkForwardOnly(graphFile, byName, output.getName());
        }
    }

    /** Walks back from an output through data and control inputs: all must be forward-pass operations. */
    private static void checkForwardOnly(Path graphFile, Map<String, NodeDef> byName, String output) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.push(nodeName(output));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name)) continue;
            NodeDef node = byName.get(name);
            if (node == null) throw refused(graphFile, "the signature uses a missing node '" + name + "'");
            if (!FORWARD.contains(node.getOp())) {
                throw refused(graphFile, "the output depends on operation '" + node.getOp() + "' (node '"
                        + name + "'), which the forward pass does not use");
            }
            for (String input : node.getInputList()) pending.push(nodeName(input));
        }
    }

    /** {@code "^name"} (a control input) and {@code "name:1"} (an output of name) both name node {@code name}. */
    private static String nodeName(String input) {
        String name = input.startsWith("^") ? input.substring(1) : input;
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static SavedModel parse(Path graphFile) {
        try {
            if (Files.size(graphFile) > MAX_GRAPH_BYTES) {
                throw refused(graphFile, Files.size(graphFile) + " bytes (a bundle's graph is a few kilobytes)");
            }
            try (InputStream in = Files.newInputStream(graphFile)) {
                return SavedModel.parseFrom(in);
            }
        } catch (IOException e) {
            throw new InvalidBundleException(graphFile + ": not a SavedModel graph: " + e.getMessage(), e);
        }
    }

    private static InvalidBundleException refused(Path graphFile, String why) {
        return new InvalidBundleException(graphFile + ": refused: " + why);
    }
}
